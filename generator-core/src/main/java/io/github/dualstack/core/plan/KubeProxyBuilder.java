package io.github.dualstack.core.plan;

import io.github.dualstack.core.model.IpFamily;
import java.util.stream.Stream;

/** kubeadm's kube-system/kube-proxy ConfigMap: config.conf with both pod CIDRs, kubeconfig.conf with the endpoint. */
final class KubeProxyBuilder implements ArtifactBuilder {

    static final String PATH = "cluster/kube-system/kube-proxy.configmap.yaml";

    @Override
    public Stream<PlannedFile> files(SiteFacts facts) {
        return Stream.of(new PlannedFile(PATH, "kube-proxy.configmap.yaml.ftl", Maps.of(
                "bindAddress", facts.site.primaryFamily() == IpFamily.IPv6 ? "::" : "0.0.0.0",
                "clusterCIDR", String.join(",", facts.podCidrs),
                "mode", facts.site.kubernetes().kubeProxyMode().name(),
                "server", "https://" + facts.apiServerEndpoint), FileKind.KUBERNETES));
    }
}
