package io.github.dualstack.core.validate;

import inet.ipaddr.IPAddress;
import io.github.dualstack.core.FieldPath;
import io.github.dualstack.core.model.CloudCore;
import io.github.dualstack.core.model.EdgeCoreSettings;
import io.github.dualstack.core.model.EdgeNode;
import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.net.Cidr;
import io.github.dualstack.core.net.IpLiterals;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The EdgeCore settings of each edge (reference kubeedge.md section 3): cluster DNS servers that pods can reach, and
 * a MetaServer that has CloudCore's dynamicController to serve it. The edge defaults are judged once, at their own
 * path; an edge with settings of its own is judged at its path (an instance shared by several edges, once). On a
 * converted site CloudCore's modules are the captured ConfigMap's, so the descriptor's are only warned about.
 */
final class EdgeCoreRules {

    private static final FieldPath EDGE_DEFAULTS = Checks.SPEC.child("edge").child("defaults");

    private final Checks c;
    private final NetworkRules.Subnets subnets;

    EdgeCoreRules(Checks c, NetworkRules.Subnets subnets) {
        this.c = c;
        this.subnets = subnets;
    }

    void check() {
        CloudCore cc = c.site.cloudCore();
        // A conversion changes only the captured ConfigMap's dual-stack fields (CloudCoreBuilder.mergedConfig).
        if (c.site.baseline().isPresent() && cc.dynamicController()) {
            keptFromTheCapture("dynamicController");
        }
        if (c.site.baseline().isPresent() && cc.iptablesManager() != CloudCore.IptablesManager.internal) {
            keptFromTheCapture("iptablesManager");
        }
        EdgeCoreSettings fleet = c.site.edgeCoreDefaults();
        report(EDGE_DEFAULTS, judge(fleet));
        Map<EdgeCoreSettings, List<Finding>> judged = new IdentityHashMap<>();
        List<EdgeNode> edges = c.site.edgeNodes();
        for (int i = 0; i < edges.size(); i++) {
            EdgeCoreSettings own = edges.get(i).edgeCore();
            if (own != fleet) {
                report(Checks.EDGE_NODES.index(i), judged.computeIfAbsent(own, this::judge));
            }
        }
    }

    private void keptFromTheCapture(String field) {
        c.warn(Checks.CLOUD_CORE.child(field), "applies to a CloudCore ConfigMap rendered from the descriptor; with"
                + " spec.baseline the captured ConfigMap keeps its own " + field + ", so set it where CloudCore was"
                + " installed (its Helm values)");
    }

    private void report(FieldPath at, List<Finding> findings) {
        for (Finding f : findings) {
            c.error(f.field().under(at), f.message());
        }
    }

    /** A problem of one settings instance, at a field relative to the edge node or the edge defaults. */
    private record Finding(Relative field, String message) {
    }

    /** A path below an edge node: a field, optionally one entry of it. */
    private record Relative(String field, int index) {
        FieldPath under(FieldPath node) {
            FieldPath f = node.child(field);
            return index < 0 ? f : f.index(index);
        }
    }

    private List<Finding> judge(EdgeCoreSettings s) {
        List<Finding> out = new ArrayList<>();
        List<String> dns = s.clusterDns();
        for (int j = 0; j < dns.size(); j++) {
            String problem = clusterDnsProblem(dns.get(j));
            if (problem != null) {
                out.add(new Finding(new Relative("clusterDNS", j), problem));
            }
        }
        if (s.metaServer() && !c.site.cloudCore().dynamicController() && c.site.baseline().isEmpty()) {
            out.add(new Finding(new Relative("metaServer", -1), "needs CloudCore's dynamicController, which serves the"
                    + " MetaServer's list-watch; set spec.cloudCore.dynamicController: true"));
        }
        return out;
    }

    /**
     * A cluster DNS server is the cluster DNS Service's address, inside the service subnet of its family, or a
     * node-local cache on a link-local address (EdgeMesh's 169.254.96.16, NodeLocal DNSCache's 169.254.20.10).
     */
    private String clusterDnsProblem(String text) {
        IPAddress a;
        try {
            a = IpLiterals.address(text);
        } catch (IpLiterals.InvalidLiteral e) {
            return e.getMessage();
        }
        IpFamily f = IpLiterals.family(a);
        if (!c.families().contains(f)) {
            return "is an " + f + " address, but the site's ipFamilies are " + c.families();
        }
        if (a.isLinkLocal()) {
            return null;
        }
        Cidr services = subnets.services().get(f);
        if (services != null && !services.contains(a)) {
            return a.toCanonicalString() + " is neither in the " + f + " service subnet " + services
                    + " (the cluster DNS Service) nor link-local (a node-local DNS such as EdgeMesh's 169.254.96.16)";
        }
        return null;
    }
}
