package io.github.dualstack.core.plan;

/** What a rendered file is, which decides how the self-check reads it and which mode it gets on disk. */
public enum FileKind {
    /** One or more Kubernetes objects (YAML documents). */
    KUBERNETES,
    /** A kustomize Kustomization or strategic merge patch: YAML, but not a complete object. */
    KUSTOMIZE,
    /**
     * Calico objects checked against their CRD-derived schemas as well: the operator's Installation
     * ({@code schemas/calico-installation.schema.json}) and projectcalico.org/v3 IPPools ({@code calico-ippool}).
     */
    CALICO,
    /** A Kubernetes ConfigMap whose data["cloudcore.yaml"] is a KubeEdge CloudCore config. */
    CLOUDCORE_CONFIGMAP,
    /** A values file for KubeEdge's cloudcore Helm chart: YAML whose keys are values the chart reads. */
    HELM_VALUES,
    /** A KubeEdge EdgeCore config (edgecore.yaml). */
    EDGECORE_CONFIG,
    /** kubeadm's configuration objects (InitConfiguration, ClusterConfiguration, JoinConfiguration, ...). */
    KUBEADM_CONFIG,
    /** A bash script, written executable. */
    SCRIPT,
    /** A systemd drop-in or sysctl file. */
    SYSTEM_CONFIG,
    /** Markdown for people (the runbook). */
    DOCUMENT,
    /** An Ansible inventory or playbook: YAML whose only tag is !unsafe. */
    ANSIBLE;

    public boolean executable() {
        return this == SCRIPT;
    }

    public boolean yaml() {
        return this == KUBERNETES || this == CALICO || this == KUBEADM_CONFIG || this == KUSTOMIZE
                || this == CLOUDCORE_CONFIGMAP || this == HELM_VALUES || this == EDGECORE_CONFIG;
    }
}
