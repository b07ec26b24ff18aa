package io.github.dualstack.core.model;

/** A DaemonSet by namespace and name, as {@code kubectl -n NAMESPACE get daemonset NAME} finds it. */
public record DaemonSetRef(String namespace, String name) {

    public static final DaemonSetRef KUBE_PROXY = new DaemonSetRef("kube-system", "kube-proxy");
    public static final DaemonSetRef CALICO_NODE = new DaemonSetRef("kube-system", "calico-node");
    /** calico-node as the Tigera operator renders it (tigera/operator pkg/common: CalicoNamespace). */
    public static final DaemonSetRef CALICO_NODE_OPERATOR = new DaemonSetRef("calico-system", "calico-node");

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
