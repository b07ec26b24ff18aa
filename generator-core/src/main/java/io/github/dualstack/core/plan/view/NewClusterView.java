package io.github.dualstack.core.plan.view;

import java.util.List;

/**
 * What the runbook says for a new cluster built with kubeadm. Components: {@code kubernetesVersion},
 * {@code kubeadmApi} (the configuration apiVersion), {@code endpoint} (controlPlaneEndpoint, host:port),
 * {@code endpointNamed} (whether the descriptor names it, e.g. a load balancer, rather than it defaulting to the first
 * control-plane node), {@code first} (the node kubeadm init runs on), {@code joiningControlPlanes},
 * {@code workers}, {@code tokenPlaceholder}, {@code caCertHashPlaceholder}, {@code certificateKeyPlaceholder} (the
 * join files' placeholders the runbook fills at run time).
 */
public record NewClusterView(String kubernetesVersion, String kubeadmApi, String endpoint, boolean endpointNamed,
                             String first, List<String> joiningControlPlanes, List<String> workers,
                             String tokenPlaceholder, String caCertHashPlaceholder, String certificateKeyPlaceholder) {

    public NewClusterView {
        joiningControlPlanes = List.copyOf(joiningControlPlanes);
        workers = List.copyOf(workers);
    }
}
