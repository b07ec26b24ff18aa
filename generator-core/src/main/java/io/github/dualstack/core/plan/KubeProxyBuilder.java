package io.github.dualstack.core.plan;

import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.plan.view.KubeProxyView;
import java.util.stream.Stream;

/** kubeadm's kube-system/kube-proxy ConfigMap: config.conf with both pod CIDRs, kubeconfig.conf with the endpoint. */
final class KubeProxyBuilder implements ArtifactBuilder {

    static final String PATH = "cluster/kube-system/kube-proxy.configmap.yaml";

    @Override
    public Stream<PlannedFile> files(SiteFacts facts) {
        return Stream.of(new PlannedFile(PATH, view(facts)));
    }

    static KubeProxyView view(SiteFacts facts) {
        return new KubeProxyView(facts.site.primaryFamily() == IpFamily.IPv6 ? "::" : "0.0.0.0",
                String.join(",", facts.podCidrs), facts.site.kubernetes().kubeProxyMode(),
                "https://" + facts.apiServerEndpoint);
    }
}
