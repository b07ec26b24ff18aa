package io.github.dualstack.core.plan;

/** What a rendered file is, which decides how the self-check reads it and which mode it gets on disk. */
public enum FileKind {
    /** One or more Kubernetes objects (YAML documents). */
    KUBERNETES,
    /** A kustomize Kustomization or strategic merge patch: YAML, but not a complete object. */
    KUSTOMIZE,
    /** A Kubernetes ConfigMap whose data["cloudcore.yaml"] is a KubeEdge CloudCore config. */
    CLOUDCORE_CONFIGMAP,
    /** A KubeEdge EdgeCore config (edgecore.yaml). */
    EDGECORE_CONFIG,
    /** kubeadm's configuration objects (InitConfiguration, ClusterConfiguration, JoinConfiguration, ...). */
    KUBEADM_CONFIG,
    /** A bash script, written executable. */
    SCRIPT,
    /** A systemd drop-in or sysctl file. */
    SYSTEM_CONFIG,
    /** Markdown for people (the runbook). */
    DOCUMENT;

    public boolean executable() {
        return this == SCRIPT;
    }

    public boolean yaml() {
        return this == KUBERNETES || this == KUBEADM_CONFIG || this == KUSTOMIZE || this == CLOUDCORE_CONFIGMAP || this == EDGECORE_CONFIG;
    }
}
