package io.github.dualstack.core.validate;

import io.github.dualstack.core.FieldPath;
import io.github.dualstack.core.model.ClusterNode;
import io.github.dualstack.core.model.EdgeNode;
import io.github.dualstack.core.model.FamilyPair;
import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.net.Cidr;
import io.github.dualstack.core.net.IpAddress;
import io.github.dualstack.core.rules.LinuxInterfaceName;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Cloud and edge nodes: unique names (they become node names and directories), unique and usable addresses
 * outside the pod and service subnets (known ones: a discovered address is checked by join.sh on the node; IPv4
 * addresses may repeat among edges in shared private LANs), valid interface names, at least one control-plane node. Hash-based, one
 * pass over the nodes, so 100,000 edge nodes cost linear time.
 */
final class NodeRules {

    private static final FieldPath NODES = Checks.SPEC.child("nodes");
    private static final Pattern INTERFACE_NAME = Pattern.compile("[A-Za-z0-9._@+-]+");

    private final Checks c;
    private final NetworkRules.Subnets subnets;
    private final Map<String, FieldPath> names;
    /** Keyed by the model's addresses, equal by their bits. */
    private final Map<IpAddress, FieldPath> addresses;
    /** What is wrong with each interface name seen (empty: nothing): a fleet uses a handful of names. */
    private final Map<String, Optional<String>> interfaceProblems = new HashMap<>();
    /** The IPv4 addresses of edges in shared private LANs, which only each other may repeat. */
    private final Map<IpAddress, FieldPath> sharedLanAddresses = new HashMap<>();

    NodeRules(Checks c, NetworkRules.Subnets subnets) {
        this.c = c;
        this.subnets = subnets;
        // Sized for every node (two addresses each) at the default load factor: no rehash on a large fleet.
        int nodes = c.site.nodes().size() + c.site.edgeNodes().size();
        this.names = new HashMap<>(nodes * 4 / 3 + 1);
        this.addresses = new HashMap<>(nodes * 8 / 3 + 1);
    }

    void check() {
        List<ClusterNode> nodes = c.site.nodes();
        boolean controlPlane = false;
        for (int i = 0; i < nodes.size(); i++) {
            ClusterNode n = nodes.get(i);
            controlPlane |= n.isControlPlane();
            node(NODES.index(i), n.name(), n.interfaceName(), n.addresses());
        }
        if (!controlPlane) {
            c.error(NODES, "needs at least one node with role control-plane");
        }
        for (EdgeNode e : c.site.edgeNodes()) {
            edge(e);
        }
    }

    /**
     * An edge node: its interface may come from its group or the defaults, and a family of the site may be
     * discovered instead of known; only known addresses take part in the address checks.
     */
    private void edge(EdgeNode e) {
        FieldPath path = Checks.edgePath(c.site, e);
        name(path, e.name());
        if (e.interfaceName() == null) {
            c.error(path.child("interface"), "is required: neither the node, its group nor spec.edge.defaults names the"
                    + " interface that carries its addresses");
        } else {
            interfaceName(path, e.interfaceName());
        }
        FieldPath addrPath = path.child("addresses");
        for (IpFamily f : IpFamily.values()) {
            boolean wanted = c.families().contains(f);
            boolean written = c.written(addrPath, e.addresses(), f);
            if (wanted && !written && !e.discovers(f)) {
                c.error(addrPath.child(f.key()), "is required: the site's ipFamilies include " + f);
            } else if (!wanted && written) {
                c.error(addrPath.child(f.key()), "is not allowed: the site's ipFamilies are " + c.families() + " (no " + f + ")");
            } else if (wanted && written) {
                address(addrPath.child(f.key()), e.addresses().get(f), f,
                        f == IpFamily.IPv4 && e.fleet().sharedPrivateLan());
            }
        }
    }

    private void node(FieldPath path, String name, String iface, FamilyPair<IpAddress> addrs) {
        name(path, name);
        interfaceName(path, iface);
        FieldPath addrPath = path.child("addresses");
        c.exactFamilies(addrPath, addrs);
        for (IpFamily f : c.families()) {
            if (c.written(addrPath, addrs, f)) {
                address(addrPath.child(f.key()), addrs.get(f), f, false);
            }
        }
    }

    private void name(FieldPath path, String name) {
        FieldPath first = names.putIfAbsent(name, path.child("name"));
        if (first != null) {
            c.error(path.child("name"), "duplicate node name '" + name + "', first used at " + c.reference(first)
                    + "; names must be unique across cloud and edge nodes");
        }
    }

    private void interfaceName(FieldPath path, String iface) {
        interfaceProblems.computeIfAbsent(iface, name -> Optional.ofNullable(interfaceProblem(name)))
                .ifPresent(why -> c.error(path.child("interface"), why));
    }

    /**
     * {@code sharedLan}: an IPv4 address of a node in a private LAN behind NAT, which other such LANs reuse; it may
     * repeat among those nodes, never elsewhere. A null address is one that did not parse: reported, then skipped.
     */
    private void address(FieldPath path, IpAddress key, IpFamily f, boolean sharedLan) {
        if (key == null) {
            c.rejected(path);
            return;
        }
        String clash = ReservedRanges.hostClash(key);
        if (clash != null) {
            c.error(path, clash);
        }
        Cidr pod = subnets.pods().get(f);
        Cidr svc = subnets.services().get(f);
        if (pod != null && pod.contains(key)) {
            c.error(path, "lies inside the pod subnet " + pod + "; node addresses must be outside it");
        }
        if (svc != null && svc.contains(key)) {
            c.error(path, "lies inside the service subnet " + svc + "; node addresses must be outside it");
        }
        FieldPath first = sharedLan ? addresses.get(key) : addresses.putIfAbsent(key, path);
        FieldPath shared = sharedLan ? sharedLanAddresses.putIfAbsent(key, path) : sharedLanAddresses.get(key);
        if (first != null) {
            c.error(path, "duplicate address " + key + ", already used at " + c.reference(first));
        } else if (shared != null && !sharedLan) {
            c.error(path, "duplicate address " + key + ", already used at " + c.reference(shared)
                    + " in a shared private LAN; only nodes of groups with sharedPrivateLan may share an IPv4 address");
        }
    }

    /** What the kernel accepts, within a character set that is safe in scripts and Calico regexes. */
    static String interfaceProblem(String name) {
        String kernel = LinuxInterfaceName.problem(name);
        if (kernel != null) {
            return kernel;
        }
        if (!INTERFACE_NAME.matcher(name).matches()) {
            return "interface name may only use letters, digits and . _ - @ + (it is written into scripts and Calico regexes)";
        }
        return null;
    }
}
