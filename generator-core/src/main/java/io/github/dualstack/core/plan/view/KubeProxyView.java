package io.github.dualstack.core.plan.view;

import io.github.dualstack.core.model.Kubernetes;

/**
 * kube-proxy.configmap.yaml.ftl. Components: {@code bindAddress}, {@code clusterCIDR} (pod CIDRs, comma-separated),
 * {@code mode}, {@code server} (the API server URL).
 */
public record KubeProxyView(String bindAddress, String clusterCIDR, Kubernetes.KubeProxyMode mode, String server)
        implements View {
}
