package io.github.dualstack.core.rules;

/**
 * The kubeadm configuration API a new cluster's files are written in. kubeadm 1.31 introduced v1beta4, whose
 * {@code extraArgs} and {@code kubeletExtraArgs} are lists of {@code {name, value}}; kubeadm 1.30 reads only v1beta3,
 * where they are maps (cmd/kubeadm/app/apis/kubeadm/v1beta3/types.go and v1beta4/types.go). Each site's files use
 * the newest version its kubeadm reads.
 */
public enum KubeadmApi {
    V1BETA3("kubeadm.k8s.io/v1beta3", false),
    V1BETA4("kubeadm.k8s.io/v1beta4", true);

    private final String apiVersion;
    private final boolean argList;

    KubeadmApi(String apiVersion, boolean argList) {
        this.apiVersion = apiVersion;
        this.argList = argList;
    }

    /** The API for a validated Kubernetes version (v1.30.0 to v1.33.x). */
    public static KubeadmApi of(String kubernetesVersion) {
        return kubernetesVersion.startsWith("v1.30.") ? V1BETA3 : V1BETA4;
    }

    public String apiVersion() {
        return apiVersion;
    }

    /** Whether extraArgs and kubeletExtraArgs are lists of name/value (v1beta4) rather than maps (v1beta3). */
    public boolean argList() {
        return argList;
    }
}
