package io.github.dualstack.core.model;

import io.github.dualstack.core.FieldPath;
import io.github.dualstack.core.net.Host;
import io.github.dualstack.core.net.IpAddress;
import java.util.Optional;
import java.util.SortedMap;

/**
 * An edge node with its group's settings and the edge defaults already applied (the node's own winning, then the
 * group's); labels are merged in the same order. {@code addresses} holds the known addresses only; a family of the
 * site without one is found on the node at join time when {@code fleet} says so. {@code edgeCore} holds the
 * EdgeCore settings that the generated edgecore.yaml would otherwise reset to KubeEdge's defaults.
 */
public record EdgeNode(String name, String interfaceName, FamilyPair<IpAddress> addresses, String kubeedgeVersion,
                       IpFamily hubFamily, HubProtocol hubProtocol, CgroupDriver cgroupDriver,
                       String containerRuntimeEndpoint, SortedMap<String, String> labels,
                       Optional<Host> cloudCoreAddress, EdgeCoreSettings edgeCore, Fleet fleet) {

    /** A node declared at {@code spec.edge.nodes[?]} with no group and every address known. */
    public EdgeNode(String name, String interfaceName, FamilyPair<IpAddress> addresses, String kubeedgeVersion,
                    IpFamily hubFamily, HubProtocol hubProtocol, CgroupDriver cgroupDriver,
                    String containerRuntimeEndpoint, SortedMap<String, String> labels,
                    Optional<Host> cloudCoreAddress, EdgeCoreSettings edgeCore) {
        this(name, interfaceName, addresses, kubeedgeVersion, hubFamily, hubProtocol, cgroupDriver,
                containerRuntimeEndpoint, labels, cloudCoreAddress, edgeCore, Fleet.NONE);
    }

    /** How EdgeHub dials CloudHub; constants are spelled as the descriptor and keadm spell them. */
    public enum HubProtocol { websocket, quic }

    /** The cgroup driver of edged's kubelet; constants are spelled as the descriptor and kubelet spell them. */
    public enum CgroupDriver { cgroupfs, systemd }

    /**
     * What the node's place in the fleet adds: its group, the families discovered at join time (effective: a
     * known address wins, so a family here has no address in {@code addresses}), whether its group's IPv4 LAN is
     * a private one behind NAT that other LANs reuse, where the node is declared (its field in the descriptor,
     * or in the descriptor's view of the inventory), and how often a discovered address is found again.
     */
    public record Fleet(Optional<String> group, FamilyPair<AddressDiscovery> discovery, boolean sharedPrivateLan,
                        FieldPath declaredAt, Optional<AddressRecheck> recheck) {
        static final Fleet NONE = new Fleet(Optional.empty(), new FamilyPair<>(null, null), false, null,
                Optional.empty());
    }

    /** Whether the node's address of {@code family} is found on the node rather than known. */
    public boolean discovers(IpFamily family) {
        return fleet.discovery().has(family);
    }

    /** Whether the node has an address of {@code family}, known or discovered. */
    public boolean hasFamily(IpFamily family) {
        return addresses.has(family) || discovers(family);
    }

    /** How often join.sh's timer finds the node's address again: only for a node that discovers one. */
    public Optional<AddressRecheck> recheck() {
        return discoversAny() ? fleet.recheck() : Optional.empty();
    }

    /** Whether any of the site's address families is discovered. */
    public boolean discoversAny() {
        return fleet.discovery().ipv4() != null || fleet.discovery().ipv6() != null;
    }
}
