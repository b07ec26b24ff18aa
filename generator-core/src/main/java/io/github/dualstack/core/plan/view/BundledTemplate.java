package io.github.dualstack.core.plan.view;

import io.github.dualstack.core.plan.FileKind;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Every bundled template ({@code templates/*.ftl}), the one list of them, each bound to the view record it prints
 * and to the kind of file it renders. A planned file names its view; its template and kind follow from here.
 */
public enum BundledTemplate {
    ANSIBLE_INVENTORY("ansible-inventory.yaml.ftl", AnsibleInventoryView.class, FileKind.ANSIBLE),
    ANSIBLE_PLAYBOOK("ansible-edge-rollout.yaml.ftl", AnsiblePlaybookView.class, FileKind.ANSIBLE),
    CALICO_CONFIG("calico-config.configmap.yaml.ftl", CalicoConfigView.class, FileKind.KUBERNETES),
    CALICO_INSTALLATION("calico.installation.yaml.ftl", CalicoInstallationView.class, FileKind.CALICO),
    CALICO_NODE_PATCH("calico-node.patch.yaml.ftl", CalicoNodePatchView.class, FileKind.KUSTOMIZE),
    CALICO_POOLS("calico.ippools.yaml.ftl", CalicoPoolsView.class, FileKind.CALICO),
    CLOUDCORE_CONFIG("cloudcore.configmap.yaml.ftl", CloudCoreConfigView.class, FileKind.CLOUDCORE_CONFIGMAP),
    CLOUDCORE_HELM_VALUES("cloudcore.helm-values.yaml.ftl", HelmValuesView.class, FileKind.HELM_VALUES),
    CLOUDCORE_SERVICE("cloudcore.service.yaml.ftl", CloudCoreServiceView.class, FileKind.KUBERNETES),
    CLOUDCORE_SERVICE_PATCH("cloudcore.service.patch.yaml.ftl", CloudCoreServicePatchView.class, FileKind.KUSTOMIZE),
    EDGE_AFFINITY_PATCH("edge-affinity.patch.yaml.ftl", EdgeAffinityPatchView.class, FileKind.KUSTOMIZE),
    EDGECORE("edgecore.yaml.ftl", EdgeCoreView.class, FileKind.EDGECORE_CONFIG),
    JOIN("join.sh.ftl", JoinScriptView.class, FileKind.SCRIPT),
    JOIN_VALUES("join.env.ftl", JoinValuesView.class, FileKind.SYSTEM_CONFIG),
    KUBE_PROXY("kube-proxy.configmap.yaml.ftl", KubeProxyView.class, FileKind.KUBERNETES),
    KUBEADM_CONFIG("kubeadm.yaml.ftl", KubeadmConfigView.class, FileKind.KUBEADM_CONFIG),
    KUBELET_DROPIN("kubelet-dropin.conf.ftl", KubeletDropInView.class, FileKind.SYSTEM_CONFIG),
    KUSTOMIZATION("kustomization.yaml.ftl", KustomizationView.class, FileKind.KUSTOMIZE),
    /** Its kind is the merged document's own: {@link #kindOf}. */
    MERGED("merged.yaml.ftl", MergedDocumentView.class, null),
    NODE_GROUP("nodegroup.yaml.ftl", NodeGroupView.class, FileKind.KUBERNETES),
    PREFLIGHT("preflight.sh.ftl", PreflightView.class, FileKind.SCRIPT),
    REGENERATE_CERTS("regenerate-cloudcore-certs.sh.ftl", RegenerateCertsView.class, FileKind.SCRIPT),
    RUNBOOK("runbook.md.ftl", RunbookView.class, FileKind.DOCUMENT),
    STATIC_POD("static-pod.yaml.ftl", StaticPodView.class, FileKind.KUBERNETES),
    STREAM_REDIRECT("stream-redirect.sh.ftl", StreamRedirectView.class, FileKind.SCRIPT),
    STREAM_REDIRECT_SERVICE("stream-redirect.service.ftl", StreamRedirectServiceView.class, FileKind.SYSTEM_CONFIG),
    STREAM_REDIRECT_TIMER("stream-redirect.timer.ftl", StreamRedirectTimerView.class, FileKind.SYSTEM_CONFIG),
    SYSCTL("sysctl.conf.ftl", SysctlView.class, FileKind.SYSTEM_CONFIG),
    VERIFY("verify.sh.ftl", VerifyView.class, FileKind.SCRIPT);

    private static final Map<Class<? extends View>, BundledTemplate> BY_VIEW = new HashMap<>();
    private static final Map<String, BundledTemplate> BY_FILE_NAME = new HashMap<>();

    static {
        for (BundledTemplate t : values()) {
            if (BY_VIEW.put(t.view, t) != null || BY_FILE_NAME.put(t.fileName, t) != null) {
                throw new ExceptionInInitializerError("bound twice: " + t);
            }
        }
    }

    /** The file names, sorted. */
    public static final SortedSet<String> FILE_NAMES = Collections.unmodifiableSortedSet(new TreeSet<>(
            Arrays.stream(values()).map(BundledTemplate::fileName).toList()));

    private final String fileName;
    private final Class<? extends View> view;
    private final FileKind kind;

    BundledTemplate(String fileName, Class<? extends View> view, FileKind kind) {
        this.fileName = fileName;
        this.view = view;
        this.kind = kind;
    }

    public String fileName() {
        return fileName;
    }

    public Class<? extends View> view() {
        return view;
    }

    public FileKind kind() {
        return kind;
    }

    /** The kind of file a view renders to: the template's, or a merged document's own. */
    public static FileKind kindOf(View view) {
        return view instanceof MergedDocumentView m ? m.kind() : of(view).kind;
    }

    /** The template that prints this view. */
    public static BundledTemplate of(View view) {
        return BY_VIEW.get(view.getClass());
    }

    /** The template of this file name, if it is a bundled one. */
    public static Optional<BundledTemplate> byFileName(String fileName) {
        return Optional.ofNullable(BY_FILE_NAME.get(fileName));
    }
}
