package io.github.dualstack.core.plan;

import io.github.dualstack.core.model.EdgeNode;
import io.github.dualstack.core.model.IpFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** scripts/: preflight on cloud nodes, verification from a kubectl workstation, certificate regeneration. */
final class ScriptsBuilder implements ArtifactBuilder {

    @Override
    public Stream<PlannedFile> files(SiteFacts facts) {
        List<PlannedFile> out = new ArrayList<>();
        out.add(new PlannedFile("scripts/preflight.sh", "preflight.sh.ftl", preflight(facts), FileKind.SCRIPT));
        out.add(new PlannedFile("scripts/verify.sh", "verify.sh.ftl", verify(facts), FileKind.SCRIPT));
        if (facts.site.cloudCore().regenerateCertificates()) {
            out.add(new PlannedFile("scripts/regenerate-cloudcore-certs.sh", "regenerate-cloudcore-certs.sh.ftl",
                    Maps.of("namespace", facts.site.cloudCore().namespace(), "caUrls", caUrls(facts),
                            "advertiseAddresses", facts.advertiseAddresses, "dnsNames", facts.site.cloudCore().dnsNames()),
                    FileKind.SCRIPT));
        }
        return out.stream();
    }

    private static Map<String, Object> preflight(SiteFacts facts) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (SiteFacts.NodeFacts n : facts.cloudNodes) {
            List<Map<String, Object>> addrs = new ArrayList<>();
            for (int i = 0; i < n.addresses().size(); i++) {
                IpFamily f = facts.site.ipFamilies().get(i);
                addrs.add(Maps.of("family", f.name(), "flag", f == IpFamily.IPv4 ? "-4" : "-6", "address", n.addresses().get(i)));
            }
            nodes.add(Maps.of("name", n.node().name(), "interface", n.node().interfaceName(), "addresses", addrs,
                    "sysctl", NodeConfigBuilder.sysctl(facts, n.node().interfaceName()).get("settings")));
        }
        return Maps.of("nodes", nodes, "ipv6", facts.hasFamily(IpFamily.IPv6), "ipv4", facts.hasFamily(IpFamily.IPv4));
    }

    private static Map<String, Object> verify(SiteFacts facts) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (SiteFacts.NodeFacts n : facts.cloudNodes) {
            nodes.add(Maps.of("name", n.node().name(), "ips", n.nodeIp(), "edge", false));
        }
        for (EdgeNode e : facts.site.edgeNodes()) {
            nodes.add(Maps.of("name", e.name(), "ips",
                    String.join(",", SiteFacts.canonicalAddresses(e.addresses(), facts.site.ipFamilies())), "edge", true));
        }
        return Maps.of("caUrls", caUrls(facts), "nodes", nodes, "namespace", facts.site.cloudCore().namespace());
    }

    /** {@code https://[v6]:port/ca.crt} for each advertise address, with the curl family flag. */
    static List<Map<String, Object>> caUrls(SiteFacts facts) {
        List<Map<String, Object>> urls = new ArrayList<>();
        for (String a : facts.advertiseAddresses) {
            boolean v6 = a.indexOf(':') >= 0;
            urls.add(Maps.of("flag", v6 ? "-6" : "-4", "url", Endpoints.https(a, facts.dialPorts.https()) + "/ca.crt"));
        }
        return urls;
    }
}
