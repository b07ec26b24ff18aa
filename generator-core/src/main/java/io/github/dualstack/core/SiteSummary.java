package io.github.dualstack.core;

import io.github.dualstack.core.model.CloudCore;
import io.github.dualstack.core.model.EdgeNode;
import io.github.dualstack.core.model.FamilyPair;
import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.model.Site;
import io.github.dualstack.core.net.HubAddresses;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A short human summary of a valid site, as {@code validate} prints it. */
public final class SiteSummary {

    private SiteSummary() {
    }

    public static String of(Site site) {
        StringBuilder sb = new StringBuilder();
        var k = site.kubernetes();
        line(sb, "site", site.name() + " (" + (site.isDualStack() ? "dual-stack, " + site.primaryFamily() + " primary"
                : "single-stack " + site.primaryFamily()) + ")");
        line(sb, "kubernetes", k.version() + " from " + k.imageRepository() + ", dns domain " + k.dnsDomain()
                + ", kube-proxy " + k.kubeProxyMode());
        line(sb, "pod subnets", joined(k.podSubnets().inOrder(site.ipFamilies())));
        line(sb, "service subnets", joined(k.serviceSubnets().inOrder(site.ipFamilies())));
        line(sb, "node cidrs", k.allocateNodeCIDRs() ? "allocated, masks " + masks(k.nodeMaskSizes(), site) : "not allocated");
        line(sb, "calico", site.calico().map(c -> "pools " + String.join(",",
                c.pools().inOrder(site.ipFamilies()).stream().map(p -> p.cidr() + " block /" + p.blockSize()
                        + " " + p.encapsulation()).toList())).orElse("not rendered"));
        CloudCore cc = site.cloudCore();
        var ports = cc.exposure() == CloudCore.Exposure.NodePort ? cc.nodePorts() : cc.ports();
        line(sb, "cloudcore", cc.exposure() + " in " + cc.namespace() + ", advertise " + joined(cc.advertiseAddresses())
                + (cc.dnsNames().isEmpty() ? "" : ", dns " + String.join(",", cc.dnsNames()))
                + ", edges dial websocket " + ports.websocket() + (cc.quic() ? " quic " + ports.quic() : "")
                + " https " + ports.https() + " tunnel " + ports.tunnel());
        long cp = site.nodes().stream().filter(n -> n.isControlPlane()).count();
        line(sb, "cloud nodes", site.nodes().size() + " (" + cp + " control-plane)");
        // Counted by value, then printed in the order of their text: a few routes among 100,000 edge nodes.
        Map<Route, Integer> counts = new HashMap<>();
        HubAddresses hub = new HubAddresses(cc.advertiseAddresses());
        for (EdgeNode e : site.edgeNodes()) {
            counts.merge(new Route(e.hubProtocol(), e.hubFamily(), hub.effective(e).orElse("?")), 1, Integer::sum);
        }
        Map<String, Integer> routes = new TreeMap<>();
        counts.forEach((route, n) -> routes.put(route.protocol() + " over " + route.family() + " to " + route.to(), n));
        line(sb, "edge nodes", String.valueOf(site.edgeNodes().size()));
        routes.forEach((route, n) -> line(sb, "", n + " x " + route));
        return sb.toString();
    }

    /** Addresses and CIDRs in their canonical text, as the generated files write them. */
    private static String joined(List<?> values) {
        return String.join(",", values.stream().map(Object::toString).toList());
    }

    private static String masks(FamilyPair<Integer> masks, Site site) {
        return String.join(",", masks.inOrder(site.ipFamilies()).stream().map(m -> "/" + m).toList());
    }

    private static void line(StringBuilder sb, String key, String value) {
        sb.append(String.format("%-16s %s%n", key.isEmpty() ? "" : key + ":", value));
    }

    /** How a group of edge nodes reaches CloudCore. */
    private record Route(EdgeNode.HubProtocol protocol, IpFamily family, String to) {
    }
}
