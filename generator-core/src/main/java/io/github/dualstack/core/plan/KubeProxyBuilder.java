package io.github.dualstack.core.plan;

import io.github.dualstack.core.baseline.BaselineLayout.ClusterFile;
import io.github.dualstack.core.baseline.BaselineLayout.Embedded;
import io.github.dualstack.core.baseline.CapturedFile;
import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.plan.merge.KubeProxyMerge;
import io.github.dualstack.core.plan.merge.Merged;
import io.github.dualstack.core.plan.view.KubeProxyView;
import io.github.dualstack.core.plan.view.MergedDocumentView;
import io.github.dualstack.core.plan.view.View;
import java.util.stream.Stream;

/** kubeadm's kube-system/kube-proxy ConfigMap: config.conf with both pod CIDRs, kubeconfig.conf with the endpoint. */
final class KubeProxyBuilder implements ArtifactBuilder {

    static final String PATH = "cluster/kube-system/kube-proxy.configmap.yaml";

    @Override
    public Stream<PlannedFile> files(SiteFacts facts) {
        if (facts.site.kubernetes().newKubeadmCluster()) {
            return Stream.empty();   // kubeadm init creates it from the KubeProxyConfiguration it is given
        }
        View view = facts.captured.<View>map(c -> merged(facts, c)).orElseGet(() -> view(facts));
        return Stream.of(new PlannedFile(PATH, view));
    }

    /** The captured ConfigMap with only clusterCIDR changed: the site's mode, ipvs and conntrack settings stay. */
    static MergedDocumentView merged(SiteFacts facts, Captures captured) {
        CapturedFile cm = captured.cluster(ClusterFile.KUBE_PROXY_CONFIG).orElseThrow();
        Merged m = KubeProxyMerge.merge(cm.tree(), captured.embedded(Embedded.KUBE_PROXY_CONFIGURATION), facts.podCidrs);
        return Captures.view(FileKind.KUBERNETES, cm, m);
    }

    static KubeProxyView view(SiteFacts facts) {
        return new KubeProxyView(facts.site.primaryFamily() == IpFamily.IPv6 ? "::" : "0.0.0.0",
                String.join(",", facts.podCidrs), facts.site.kubernetes().kubeProxyMode(),
                "https://" + facts.apiServerEndpoint);
    }
}
