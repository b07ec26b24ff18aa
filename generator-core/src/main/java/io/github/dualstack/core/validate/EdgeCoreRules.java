package io.github.dualstack.core.validate;

import inet.ipaddr.IPAddress;
import io.github.dualstack.core.FieldPath;
import io.github.dualstack.core.model.CloudCore;
import io.github.dualstack.core.model.EdgeCoreSettings;
import io.github.dualstack.core.model.EdgeNode;
import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.net.Cidr;
import io.github.dualstack.core.net.IpAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The EdgeCore settings of each edge (reference kubeedge.md section 3): cluster DNS servers that pods can reach, and
 * a MetaServer that has CloudCore's dynamicController to serve it. Each settings instance (the edge defaults', a
 * group's, an edge's own) is judged once, and a finding is reported at the field that set the value, once however
 * many instances inherit it. On a converted site CloudCore's modules are the captured ConfigMap's, so the
 * descriptor's are only warned about.
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
        Set<EdgeCoreSettings> judged = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<FieldPath> reported = new HashSet<>();
        judged.add(c.site.edgeCoreDefaults());
        report(c.site.edgeCoreDefaults(), reported);
        for (EdgeNode e : c.site.edgeNodes()) {
            if (judged.add(e.edgeCore())) {
                report(e.edgeCore(), reported);
            }
        }
    }

    private void keptFromTheCapture(String field) {
        c.warn(Checks.CLOUD_CORE.child(field), "applies to a CloudCore ConfigMap rendered from the descriptor; with"
                + " spec.baseline the captured ConfigMap keeps its own " + field + ", so set it where CloudCore was"
                + " installed (its Helm values)");
    }

    /** The findings of {@code s} at the fields that set them, each field once ({@code reported}). */
    private void report(EdgeCoreSettings s, Set<FieldPath> reported) {
        FieldPath dnsField = s.declaredAt().getOrDefault("clusterDNS", EDGE_DEFAULTS.child("clusterDNS"));
        if (reported.add(dnsField)) {
            c.eachWritten(dnsField, s.clusterDns(), (server, i) -> {
                String problem = clusterDnsProblem(server);
                if (problem != null) {
                    c.error(dnsField.index(i), problem);
                }
            });
        }
        for (Finding f : judge(s)) {
            FieldPath field = s.declaredAt().getOrDefault(f.field(), EDGE_DEFAULTS.child(f.field()));
            FieldPath at = f.index() < 0 ? field : field.index(f.index());
            if (reported.add(at)) {
                c.error(at, f.message());
            }
        }
    }

    /** A problem of one settings instance: a setting by its descriptor key, optionally one entry of it. */
    private record Finding(String field, int index, String message) {
    }

    private List<Finding> judge(EdgeCoreSettings s) {
        List<Finding> out = new ArrayList<>();
        if (s.metaServer() && !c.site.cloudCore().dynamicController() && c.site.baseline().isEmpty()) {
            out.add(new Finding("metaServer", -1, "needs CloudCore's dynamicController, which serves the"
                    + " MetaServer's list-watch; set spec.cloudCore.dynamicController: true"));
        }
        return out;
    }

    /**
     * A cluster DNS server is the cluster DNS Service's address, inside the service subnet of its family, or a
     * node-local cache on a link-local address (EdgeMesh's 169.254.96.16, NodeLocal DNSCache's 169.254.20.10).
     */
    private String clusterDnsProblem(IpAddress address) {
        IPAddress a = address.toIPAddress();
        IpFamily f = address.family();
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
