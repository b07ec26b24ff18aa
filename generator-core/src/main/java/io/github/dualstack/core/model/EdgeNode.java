package io.github.dualstack.core.model;

import java.util.Optional;
import java.util.SortedMap;

/**
 * An edge node with the edge defaults already applied; labels are the defaults merged with its own. {@code edgeCore}
 * holds the EdgeCore settings that the generated edgecore.yaml would otherwise reset to KubeEdge's defaults.
 */
public record EdgeNode(String name, String interfaceName, FamilyPair<String> addresses, String kubeedgeVersion,
                       IpFamily hubFamily, HubProtocol hubProtocol, CgroupDriver cgroupDriver,
                       String containerRuntimeEndpoint, SortedMap<String, String> labels,
                       Optional<String> cloudCoreAddress, EdgeCoreSettings edgeCore) {

    /** How EdgeHub dials CloudHub; constants are spelled as the descriptor and keadm spell them. */
    public enum HubProtocol { websocket, quic }

    /** The cgroup driver of edged's kubelet; constants are spelled as the descriptor and kubelet spell them. */
    public enum CgroupDriver { cgroupfs, systemd }
}
