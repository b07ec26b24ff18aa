package io.github.dualstack.core.plan;

import io.github.dualstack.core.model.Calico;
import io.github.dualstack.core.model.CalicoPool;
import io.github.dualstack.core.model.IpFamily;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Calico for a manifest install: the calico-config ConfigMap (CNI IPAM per family), the calico-node env as a
 * strategic merge patch, and the IPPools (reference kubernetes-dualstack.md section 7).
 */
final class CalicoBuilder implements ArtifactBuilder {

    static final String CONFIG = "cluster/kube-system/calico-config.configmap.yaml";
    static final String PATCH = "cluster/kube-system/calico-node.patch.yaml";
    static final String POOLS = "cluster/kube-system/calico.ippools.yaml";

    @Override
    public Stream<PlannedFile> files(SiteFacts facts) {
        if (facts.site.calico().isEmpty()) {
            return Stream.empty();
        }
        Calico calico = facts.site.calico().get();
        List<Map<String, Object>> pools = new ArrayList<>();
        for (IpFamily f : facts.site.ipFamilies()) {
            pools.add(pool(f, calico.pools().get(f)));
        }
        boolean v4 = facts.hasFamily(IpFamily.IPv4);
        boolean v6 = facts.hasFamily(IpFamily.IPv6);
        boolean allVxlan = pools.stream().allMatch(p -> !"Never".equals(p.get("vxlanMode")));
        return Stream.of(
                new PlannedFile(CONFIG, "calico-config.configmap.yaml.ftl", Maps.of(
                        "backend", allVxlan ? "vxlan" : "bird",
                        "assignIpv4", String.valueOf(v4), "assignIpv6", String.valueOf(v6)), FileKind.KUBERNETES),
                new PlannedFile(PATCH, "calico-node.patch.yaml.ftl", Maps.of("env", env(facts, calico, pools)),
                        FileKind.KUSTOMIZE),
                new PlannedFile(POOLS, "calico.ippools.yaml.ftl", Maps.of("pools", pools), FileKind.KUBERNETES));
    }

    private static Map<String, Object> pool(IpFamily f, CalicoPool p) {
        CalicoPool.Encapsulation enc = p.encapsulation();
        String mode = enc.crossSubnet() ? "CrossSubnet" : "Always";
        return Maps.of("family", f.name(), "key", f.key(),
                "name", "default-" + f.key() + "-ippool",
                "cidr", SiteFacts.canonicalCidr(p.cidr(), f),
                "blockSize", p.blockSize(),
                "natOutgoing", p.natOutgoing(),
                "ipipMode", enc.ipip() ? mode : "Never",
                "vxlanMode", enc.vxlan() ? mode : "Never");
    }

    private static List<Map<String, Object>> env(SiteFacts facts, Calico calico, List<Map<String, Object>> pools) {
        boolean v4 = facts.hasFamily(IpFamily.IPv4);
        boolean v6 = facts.hasFamily(IpFamily.IPv6);
        List<Map<String, Object>> env = new ArrayList<>();
        env.add(var("IP", v4 ? "autodetect" : "none"));
        if (v6) {
            env.add(var("IP6", "autodetect"));
        }
        env.add(var("FELIX_IPV6SUPPORT", String.valueOf(v6)));
        if (!v4) {
            env.add(var("CALICO_ROUTER_ID", "hash"));   // BGP needs a router id; with IP=none it cannot be the IPv4 address
            env.add(var("CALICO_IPV4POOL_CIDR", "none"));
        }
        for (Map<String, Object> p : pools) {
            String prefix = "CALICO_" + ((String) p.get("key")).toUpperCase(java.util.Locale.ROOT) + "POOL_";
            env.add(var(prefix + "CIDR", (String) p.get("cidr")));
            env.add(var(prefix + "BLOCK_SIZE", String.valueOf(p.get("blockSize"))));
            if ("ipv4".equals(p.get("key"))) {
                env.add(var(prefix + "IPIP", (String) p.get("ipipMode")));
            }
            env.add(var(prefix + "VXLAN", (String) p.get("vxlanMode")));
            env.add(var(prefix + "NAT_OUTGOING", String.valueOf(p.get("natOutgoing"))));
        }
        for (IpFamily f : facts.site.ipFamilies()) {
            String method = calico.autodetection().has(f) ? calico.autodetection().get(f) : defaultAutodetection(facts);
            env.add(var(f == IpFamily.IPv4 ? "IP_AUTODETECTION_METHOD" : "IP6_AUTODETECTION_METHOD", method));
        }
        return env;
    }

    /** interface= the cloud nodes' interface names, escaped and anchored: calico matches unanchored otherwise. */
    static String defaultAutodetection(SiteFacts facts) {
        Set<String> names = new LinkedHashSet<>();
        facts.cloudNodes.forEach(n -> names.add(n.node().interfaceName().replaceAll("([.+])", "\\\\$1")));
        return names.size() == 1 ? "interface=^" + names.iterator().next() + "$"
                : "interface=^(" + String.join("|", names) + ")$";
    }

    private static Map<String, Object> var(String name, String value) {
        return Maps.of("name", name, "value", value);
    }
}
