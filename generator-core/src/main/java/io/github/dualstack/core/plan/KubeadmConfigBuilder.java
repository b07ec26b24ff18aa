package io.github.dualstack.core.plan;

import io.github.dualstack.core.baseline.BaselineLayout.ClusterFile;
import io.github.dualstack.core.baseline.BaselineLayout.Embedded;
import io.github.dualstack.core.baseline.CapturedFile;
import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.model.Kubernetes;
import io.github.dualstack.core.plan.merge.KubeadmConfigMerge;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A running site's kubeadm-config with the ClusterConfiguration that describes the converted cluster: the new
 * subnets, the mask size per family, the descriptor's flags and the API server certificate's new addresses. Without
 * it a later {@code kubeadm upgrade} renders the static pods from the old configuration and undoes the conversion
 * (kubernetes/website {@code tasks/administer-cluster/kubeadm/kubeadm-reconfigure.md}).
 */
final class KubeadmConfigBuilder implements ArtifactBuilder {

    static final String PATH = "cluster/kube-system/kubeadm-config.configmap.yaml";

    @Override
    public Stream<PlannedFile> files(SiteFacts facts) {
        if (facts.captured.isEmpty()) {
            return Stream.empty();
        }
        CapturedFile cm = facts.captured.get().cluster(ClusterFile.KUBEADM_CONFIG).orElseThrow();
        KubeadmConfigMerge.Changes changes = changes(facts);
        return Stream.of(new PlannedFile(PATH, Captures.view(FileKind.KUBERNETES, cm, KubeadmConfigMerge.merge(
                cm.tree(), facts.captured.get().embedded(Embedded.CLUSTER_CONFIGURATION), changes))));
    }

    static KubeadmConfigMerge.Changes changes(SiteFacts facts) {
        Kubernetes k = facts.site.kubernetes();
        Map<String, String> kcm = new TreeMap<>();
        Set<String> removed = new LinkedHashSet<>();
        if (k.allocateNodeCIDRs()) {
            for (IpFamily f : facts.families) {
                kcm.put("node-cidr-mask-size-" + f.key(), String.valueOf(k.nodeMaskSizes().get(f)));
            }
            if (facts.site.isDualStack()) {
                removed.add("node-cidr-mask-size");
            }
        }
        kcm.putAll(k.controllerManagerExtraArgs());
        return new KubeadmConfigMerge.Changes(String.join(",", facts.podCidrs), String.join(",", facts.serviceCidrs),
                new TreeMap<>(k.apiServerExtraArgs()), kcm, removed, k.apiServerExtraVolumes(),
                k.controllerManagerExtraVolumes(), certSans(facts));
    }

    /** Every control-plane address of every family: what kubelets and kube-proxy may dial after the change. */
    static List<String> certSans(SiteFacts facts) {
        List<String> sans = new ArrayList<>();
        for (SiteFacts.NodeFacts n : facts.cloudNodes) {
            if (n.node().isControlPlane()) {
                sans.addAll(SiteFacts.canonical(n.addresses()));
            }
        }
        return sans;
    }
}
