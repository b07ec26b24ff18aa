package io.github.dualstack.core.validate;

import inet.ipaddr.IPAddress;
import io.github.dualstack.core.FieldPath;
import io.github.dualstack.core.model.ClusterNode;
import io.github.dualstack.core.model.EdgeNode;
import io.github.dualstack.core.model.FamilyPair;
import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.rules.LinuxInterfaceName;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Cloud and edge nodes: unique names (they become node names and directories), unique and usable addresses
 * outside the pod and service subnets, valid interface names, at least one control-plane node. Hash-based, one
 * pass over the nodes, so 100,000 edge nodes cost linear time.
 */
final class NodeRules {

    private static final FieldPath NODES = Checks.SPEC.child("nodes");
    private static final Pattern INTERFACE_NAME = Pattern.compile("[A-Za-z0-9._@+-]+");

    private final Checks c;
    private final NetworkRules.Subnets subnets;
    private final Map<String, FieldPath> names = new HashMap<>();
    /** Keyed by the address bytes: IPAddress's own equals and hashCode are far slower at 100,000 nodes. */
    private final Map<ByteBuffer, FieldPath> addresses = new HashMap<>();

    NodeRules(Checks c, NetworkRules.Subnets subnets) {
        this.c = c;
        this.subnets = subnets;
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
        List<EdgeNode> edges = c.site.edgeNodes();
        for (int i = 0; i < edges.size(); i++) {
            EdgeNode e = edges.get(i);
            node(Checks.EDGE_NODES.index(i), e.name(), e.interfaceName(), e.addresses());
        }
    }

    private void node(FieldPath path, String name, String iface, FamilyPair<String> addrs) {
        FieldPath first = names.putIfAbsent(name, path.child("name"));
        if (first != null) {
            c.error(path.child("name"), "duplicate node name '" + name + "', first used at " + first
                    + "; names must be unique across cloud and edge nodes");
        }
        String why = interfaceProblem(iface);
        if (why != null) {
            c.error(path.child("interface"), why);
        }
        FieldPath addrPath = path.child("addresses");
        c.exactFamilies(addrPath, addrs);
        for (IpFamily f : c.families()) {
            if (addrs.has(f)) {
                address(addrPath.child(f.key()), addrs.get(f), f);
            }
        }
    }

    private void address(FieldPath path, String text, IpFamily f) {
        IPAddress a = c.address(path, text, f);
        if (a == null) {
            return;
        }
        String clash = ReservedRanges.hostClash(a);
        if (clash != null) {
            c.error(path, clash);
        }
        IPAddress pod = subnets.pods().get(f);
        IPAddress svc = subnets.services().get(f);
        if (pod != null && pod.contains(a)) {
            c.error(path, "lies inside the pod subnet " + pod.toCanonicalString() + "; node addresses must be outside it");
        }
        if (svc != null && svc.contains(a)) {
            c.error(path, "lies inside the service subnet " + svc.toCanonicalString() + "; node addresses must be outside it");
        }
        FieldPath first = addresses.putIfAbsent(ByteBuffer.wrap(a.getBytes()), path);
        if (first != null) {
            c.error(path, "duplicate address " + a.toCanonicalString() + ", already used at " + first);
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
