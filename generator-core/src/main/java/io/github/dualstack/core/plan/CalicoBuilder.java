package io.github.dualstack.core.plan;

import io.github.dualstack.core.model.Calico;
import io.github.dualstack.core.model.CalicoPool;
import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.plan.view.CalicoConfigView;
import io.github.dualstack.core.plan.view.CalicoNodePatchView;
import io.github.dualstack.core.plan.view.CalicoNodePatchView.EnvVar;
import io.github.dualstack.core.plan.view.CalicoPoolsView;
import io.github.dualstack.core.plan.view.CalicoPoolsView.Pool;
import io.github.dualstack.core.plan.view.CalicoPoolsView.TunnelMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
        List<Pool> pools = pools(facts);
        return Stream.of(new PlannedFile(CONFIG, config(facts, pools)),
                new PlannedFile(PATCH, new CalicoNodePatchView(env(facts, pools))),
                new PlannedFile(POOLS, new CalicoPoolsView(pools)));
    }

    /** One pool per site family, primary first. */
    static List<Pool> pools(SiteFacts facts) {
        Calico calico = facts.site.calico().orElseThrow();
        return facts.families.stream().map(f -> pool(f, calico.pools().get(f))).toList();
    }

    private static Pool pool(IpFamily f, CalicoPool p) {
        CalicoPool.Encapsulation enc = p.encapsulation();
        TunnelMode on = enc.crossSubnet() ? TunnelMode.CrossSubnet : TunnelMode.Always;
        return new Pool(f, f.key(), "default-" + f.key() + "-ippool", SiteFacts.canonicalCidr(p.cidr(), f),
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
