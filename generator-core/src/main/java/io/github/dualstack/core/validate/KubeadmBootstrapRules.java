package io.github.dualstack.core.validate;

import io.github.dualstack.core.model.Kubernetes;

/**
 * What a new kubeadm cluster ({@code bootstrap: kubeadm}) cannot have: a baseline, which describes a running site,
 * and external etcd endpoints, which kubeadm would need client certificates for that the descriptor does not name.
 */
final class KubeadmBootstrapRules {

    private final Checks c;

    KubeadmBootstrapRules(Checks c) {
        this.c = c;
    }

    void check() {
        Kubernetes k = c.site.kubernetes();
        if (!k.newKubeadmCluster()) {
            return;
        }
        if (c.site.baseline().isPresent()) {
            c.error(Checks.KUBERNETES.child("bootstrap"), "kubeadm builds a new cluster, but spec.baseline describes a"
                    + " running one; remove spec.baseline or set bootstrap: existing");
        }
        if (!k.etcdServers().isEmpty()) {
            c.error(Checks.KUBERNETES.child("apiServer").child("etcdServers"), "a cluster built with bootstrap: kubeadm"
                    + " runs kubeadm's local etcd on each control-plane node; remove etcdServers");
        }
        long controlPlanes = c.site.nodes().stream().filter(n -> n.isControlPlane()).count();
        if (controlPlanes > 1 && k.controlPlaneEndpoint().isEmpty()) {
            c.warn(Checks.KUBERNETES.child("controlPlaneEndpoint"), "not set: with " + controlPlanes + " control-plane"
                    + " nodes, every node and join reaches the API through the first one's address; name a load"
                    + " balancer or virtual IP in front of all of them");
        }
    }
}
