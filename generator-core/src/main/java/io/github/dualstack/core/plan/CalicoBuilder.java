package io.github.dualstack.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dualstack.core.baseline.BaselineLayout.ClusterFile;
import io.github.dualstack.core.baseline.BaselineLayout.Embedded;
import io.github.dualstack.core.baseline.CapturedFile;
import io.github.dualstack.core.model.Calico;
import io.github.dualstack.core.model.CalicoPool;
import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.plan.merge.CalicoConfigMerge;
import io.github.dualstack.core.plan.view.CalicoConfigView;
import io.github.dualstack.core.plan.view.CalicoNodePatchView.EnvVar;
import io.github.dualstack.core.plan.view.CalicoNodePatchView;
import io.github.dualstack.core.plan.view.CalicoPoolsView.Pool;
import io.github.dualstack.core.plan.view.CalicoPoolsView.TunnelMode;
import io.github.dualstack.core.plan.view.CalicoPoolsView;
import io.github.dualstack.core.plan.view.NodeSelectorTerm;
import io.github.dualstack.core.rules.CalicoHealth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Calico for a manifest install ({@link CalicoInstallationBuilder} writes the operator's): the calico-config ConfigMap (CNI IPAM per family), the calico-node env, probes and
 * edge-node affinity as a strategic merge patch, and the IPPools (reference kubernetes-dualstack.md section 7).
 */
final class CalicoBuilder implements ArtifactBuilder {

    static final String CONFIG = "cluster/kube-system/calico-config.configmap.yaml";
    static final String PATCH = "cluster/kube-system/calico-node.patch.yaml";
    static final String POOLS = "cluster/kube-system/calico.ippools.yaml";

    @Override
    public Stream<PlannedFile> files(SiteFacts facts) {
        if (!patchesCalicoNode(facts)) {
            return Stream.empty();
        }
        List<Pool> pools = pools(facts);
        if (facts.captured.isPresent()) {
            return merged(facts, facts.captured.get(), pools);
        }
        String backend = config(facts, pools).backend();
        return Stream.of(new PlannedFile(CONFIG, config(facts, pools)),
                new PlannedFile(PATCH, new CalicoNodePatchView(env(facts, pools), CalicoHealth.liveness(backend),
                        CalicoHealth.readiness(backend), edgeAffinity(facts))),
                new PlannedFile(POOLS, new CalicoPoolsView(pools, false)));
    }

    /** Whether calico-node is patched: when the site has Calico installed from its manifest. */
    static boolean patchesCalicoNode(SiteFacts facts) {
        return facts.site.calico().isPresent() && !CalicoInstallationBuilder.operator(facts);
    }

    private static List<NodeSelectorTerm> edgeAffinity(SiteFacts facts) {
        return EdgePlacement.of(facts).stream().filter(EdgePlacement.Kept::inCalicoPatch).findFirst()
                .map(EdgePlacement.Kept::terms).orElseThrow();
    }

    /**
     * A running Calico: calico-config with only its CNI IPAM changed; a calico-node patch with the env entries the
     * captured DaemonSet does not have already (a family's pool and autodetection it has stay the site's) and the
     * probes of the captured backend; the captured node affinity terms, each keeping calico-node off edge nodes
     * (none when they all do already); and only the pools of families no captured pool serves, because an existing
     * pool is never applied again (the crd.projectcalico.org/v1 CRD would take any rewrite silently).
     */
    private static Stream<PlannedFile> merged(SiteFacts facts, Captures captured, List<Pool> pools) {
        CapturedFile cm = captured.cluster(ClusterFile.CALICO_CONFIG).orElseThrow();
        String backend = cm.tree().path("data").path("calico_backend").asText();
        List<PlannedFile> out = new ArrayList<>();
        out.add(new PlannedFile(CONFIG, Captures.view(FileKind.KUBERNETES, cm, CalicoConfigMerge.merge(cm.tree(),
                captured.embedded(Embedded.CNI_NETWORK_CONFIG), facts.families))));
        Set<IpFamily> served = capturedFamilies(captured, pools);
        Map<String, String> capturedEnv = capturedEnv(captured);
        List<EnvVar> env = env(facts, pools).stream()
                .filter(e -> !e.value().equals(capturedEnv.get(e.name())))
                .filter(e -> !(e.name().startsWith("CALICO_IPV4POOL_") && served.contains(IpFamily.IPv4)))
                .filter(e -> !(e.name().startsWith("CALICO_IPV6POOL_") && served.contains(IpFamily.IPv6)))
                .filter(e -> !(e.name().endsWith("AUTODETECTION_METHOD") && capturedEnv.containsKey(e.name())))
                .toList();
        out.add(new PlannedFile(PATCH, new CalicoNodePatchView(env, CalicoHealth.liveness(backend),
                CalicoHealth.readiness(backend), edgeAffinity(facts))));
        List<Pool> added = pools.stream().filter(p -> !served.contains(p.family())).toList();
        if (!added.isEmpty()) {
            out.add(new PlannedFile(POOLS, new CalicoPoolsView(added, false)));
        }
        return out.stream();
    }

    /** The families whose descriptor pool a captured pool already is (same CIDR, whatever its name). */
    static Set<IpFamily> capturedFamilies(Captures captured, List<Pool> pools) {
        Set<IpFamily> served = EnumSet.noneOf(IpFamily.class);
        captured.cluster(ClusterFile.CALICO_POOLS).ifPresent(list -> {
            for (JsonNode item : list.tree().path("items")) {
                String cidr = item.path("spec").path("cidr").asText();
                pools.stream().filter(p -> SiteFacts.sameCidr(p.cidr(), cidr, p.family()))
                        .forEach(p -> served.add(p.family()));
            }
        });
        return served;
    }

    /** The calico-node container's captured env entries that have a literal value. */
    private static Map<String, String> capturedEnv(Captures captured) {
        Map<String, String> env = new HashMap<>();
        captured.cluster(ClusterFile.CALICO_NODE).ifPresent(ds -> {
            for (JsonNode c : ds.tree().path("spec").path("template").path("spec").path("containers")) {
                if (c.path("name").asText().equals("calico-node")) {
                    for (JsonNode e : c.path("env")) {
                        if (e.has("value")) {
                            env.put(e.path("name").asText(), e.path("value").asText());
                        }
                    }
                }
            }
        });
        return env;
    }

    /** One pool per site family, primary first. */
    static List<Pool> pools(SiteFacts facts) {
        Calico calico = facts.site.calico().orElseThrow();
        return facts.families.stream().map(f -> pool(f, calico.pools().get(f))).toList();
    }

    private static Pool pool(IpFamily f, CalicoPool p) {
        CalicoPool.Encapsulation enc = p.encapsulation();
        TunnelMode on = enc.crossSubnet() ? TunnelMode.CrossSubnet : TunnelMode.Always;
        return new Pool(f, f.key(), "default-" + f.key() + "-ippool", p.cidr().toString(),
                p.blockSize(), p.natOutgoing(), enc.ipip() ? on : TunnelMode.Never, enc.vxlan() ? on : TunnelMode.Never);
    }

    static CalicoConfigView config(SiteFacts facts, List<Pool> pools) {
        boolean allVxlan = pools.stream().allMatch(p -> p.vxlanMode() != TunnelMode.Never);
        return new CalicoConfigView(allVxlan ? "vxlan" : "bird", String.valueOf(facts.hasFamily(IpFamily.IPv4)),
                String.valueOf(facts.hasFamily(IpFamily.IPv6)));
    }

    static List<EnvVar> env(SiteFacts facts, List<Pool> pools) {
        Calico calico = facts.site.calico().orElseThrow();
        boolean v4 = facts.hasFamily(IpFamily.IPv4);
        boolean v6 = facts.hasFamily(IpFamily.IPv6);
        List<EnvVar> env = new ArrayList<>();
        env.add(new EnvVar("IP", v4 ? "autodetect" : "none"));
        if (v6) {
            env.add(new EnvVar("IP6", "autodetect"));
        }
        env.add(new EnvVar("FELIX_IPV6SUPPORT", String.valueOf(v6)));
        if (!v4) {
            env.add(new EnvVar("CALICO_ROUTER_ID", "hash"));   // BGP needs a router id; with IP=none it cannot be the IPv4 address
            env.add(new EnvVar("CALICO_IPV4POOL_CIDR", "none"));
        }
        for (Pool p : pools) {
            String prefix = "CALICO_" + p.key().toUpperCase(Locale.ROOT) + "POOL_";
            env.add(new EnvVar(prefix + "CIDR", p.cidr()));
            env.add(new EnvVar(prefix + "BLOCK_SIZE", String.valueOf(p.blockSize())));
            if (p.family() == IpFamily.IPv4) {
                env.add(new EnvVar(prefix + "IPIP", p.ipipMode().name()));
            }
            env.add(new EnvVar(prefix + "VXLAN", p.vxlanMode().name()));
            env.add(new EnvVar(prefix + "NAT_OUTGOING", String.valueOf(p.natOutgoing())));
        }
        for (IpFamily f : facts.families) {
            String method = calico.autodetection().has(f) ? calico.autodetection().get(f) : defaultAutodetection(facts);
            env.add(new EnvVar(f == IpFamily.IPv4 ? "IP_AUTODETECTION_METHOD" : "IP6_AUTODETECTION_METHOD", method));
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
}
