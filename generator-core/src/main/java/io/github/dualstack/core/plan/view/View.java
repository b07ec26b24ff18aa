package io.github.dualstack.core.plan.view;

/**
 * What one template prints: an immutable record whose components are the names the template uses, and so its
 * contract with template overrides. {@link BundledTemplate} binds each to its template; the render package's
 * wrapper shows a template nothing but the components.
 */
public sealed interface View permits AnsibleInventoryView, AnsiblePlaybookView, CalicoConfigView,
        CalicoInstallationView, CalicoNodePatchView, CalicoPoolsView, CloudCoreConfigView, CloudCoreServicePatchView,
        CloudCoreServiceView, EdgeAffinityPatchView, EdgeCoreView, HelmValuesView, JoinScriptView, JoinValuesView,
        KubeadmConfigView, KubeletDropInView, KubeProxyView, KustomizationView, MergedDocumentView, NodeGroupView,
        PreflightView, RegenerateCertsView, RunbookView, StaticPodView, StreamRedirectServiceView,
        StreamRedirectTimerView, StreamRedirectView, SysctlView, VerifyView {
}
