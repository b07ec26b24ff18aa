package io.github.dualstack.core.plan.view;

/**
 * kubelet-dropin.conf.ftl. Components: {@code nodeName}, {@code nodeIp} (addresses in family order, comma-separated),
 * {@code execStart} (the kubelet command line the node runs now, to which the drop-in appends its variable).
 */
public record KubeletDropInView(String nodeName, String nodeIp, String execStart) implements View {

    /** kubeadm's 10-kubeadm.conf command line. */
    public static final String KUBEADM_EXEC_START = "/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS"
            + " $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS";
}
