package io.github.dualstack.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.Descriptors;
import io.github.dualstack.core.descriptor.DescriptorLoader;
import io.github.dualstack.core.model.Site;
import io.github.dualstack.core.plan.view.CalicoNodePatchView;
import io.github.dualstack.core.plan.view.EdgeAffinityPatchView;
import io.github.dualstack.core.plan.view.EdgePlacementView;
import io.github.dualstack.core.plan.view.KustomizationView;
import io.github.dualstack.core.plan.view.NodeSelectorTerm;
import io.github.dualstack.core.plan.view.VerifyView;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which DaemonSets a site keeps off edge nodes, which file carries each one's affinity, and where each file is
 * applied: kube-proxy and the listed DaemonSets get a patch of their own that the runbook's kubectl applies (kustomize
 * has no such object among its resources); calico-node's affinity travels in its env patch.
 */
class EdgePlacementTest {

    private static final List<NodeSelectorTerm> OFF_EDGE = List.of(new NodeSelectorTerm(
            List.of(new NodeSelectorTerm.Requirement("node-role.kubernetes.io/edge", "DoesNotExist", List.of())),
            List.of()));
    private static final String KUBE_PROXY = "cluster/kube-system/kube-proxy.edge-affinity.patch.yaml";

    @Test
    void kubeProxyAndCalicoNodeAreKeptOffWithoutBeingListed() {
        List<PlannedFile> files = new OutputPlan(SiteVariants.DUAL.site()).siteFiles();
        assertThat(PlannedViews.all(files.stream(), EdgeAffinityPatchView.class))
                .containsExactly(new EdgeAffinityPatchView("kube-system", "kube-proxy", OFF_EDGE, Optional.empty()));
        assertThat(PlannedViews.at(files.stream(), KUBE_PROXY, EdgeAffinityPatchView.class)).isNotNull();
        assertThat(PlannedViews.at(files.stream(), CalicoBuilder.PATCH, CalicoNodePatchView.class).edgeAffinity())
                .isEqualTo(OFF_EDGE);
        VerifyView verify = PlannedViews.at(files.stream(), "scripts/verify.sh", VerifyView.class);
        assertThat(verify.keptOffEdge()).containsExactly("kube-system/kube-proxy", "kube-system/calico-node");
        assertThat(verify.keptOffNamespaces()).containsExactly("kube-system");
    }

    @Test
    void listedDaemonSetsGetAPatchEachAndTheBuiltInOnesAreNotPatchedTwice() {
        Site site = site(Descriptors.Base.DUAL.edit().after(55, String.join("\n",
                "    keepOff:",
                "      - {namespace: monitoring, name: node-exporter}",
                "      - {namespace: kube-system, name: kube-proxy}",
                "      - {namespace: kube-system, name: calico-node}",
                "      - {namespace: storage, name: csi.driver-node}")));
        List<PlannedFile> files = new OutputPlan(site).siteFiles();
        assertThat(files.stream().map(PlannedFile::path).filter(p -> p.endsWith(".edge-affinity.patch.yaml")))
                .containsExactly(KUBE_PROXY, "cluster/monitoring/node-exporter.edge-affinity.patch.yaml",
                        "cluster/storage/csi.driver-node.edge-affinity.patch.yaml");
        assertThat(PlannedViews.at(files.stream(), "cluster/storage/csi.driver-node.edge-affinity.patch.yaml",
                EdgeAffinityPatchView.class)).isEqualTo(new EdgeAffinityPatchView("storage", "csi.driver-node", OFF_EDGE,
                Optional.empty()));

        // kustomize cannot patch an object that is none of its resources: the patches are neither
        KustomizationView k = PlannedViews.at(files.stream(), KustomizationBuilder.PATH, KustomizationView.class);
        assertThat(k.resources()).noneMatch(r -> r.contains("edge-affinity"));
        assertThat(k.patches()).isEmpty();

        EdgePlacementView runbook = RunbookBuilder.view(new SiteFacts(site)).edgePlacement();
        assertThat(runbook.daemonSets()).containsExactly("kube-system/kube-proxy", "kube-system/calico-node",
                "monitoring/node-exporter", "storage/csi.driver-node");
        assertThat(runbook.patches()).extracting(EdgePlacementView.Patch::file).containsExactly(KUBE_PROXY,
                "cluster/monitoring/node-exporter.edge-affinity.patch.yaml",
                "cluster/storage/csi.driver-node.edge-affinity.patch.yaml");
        // no capture: each patch assumes no terms of its own, which the runbook checks first (calico-node's too)
        assertThat(runbook.unchecked()).extracting(EdgePlacementView.Patch::name)
                .containsExactly("kube-proxy", "calico-node", "node-exporter", "csi.driver-node");
        assertThat(runbook.keptAlready()).isEmpty();
        assertThat(runbook.calicoNode()).isTrue();

        VerifyView verify = PlannedViews.at(files.stream(), "scripts/verify.sh", VerifyView.class);
        assertThat(verify.keptOffNamespaces()).containsExactly("kube-system", "monitoring", "storage");
    }

    @Test
    void withoutCalicoCalicoNodeIsKeptOffOnlyWhenListedAndThenByAPatchOfItsOwn() {
        assertThat(RunbookBuilder.view(SiteVariants.NO_CALICO.facts()).edgePlacement()).isEqualTo(new EdgePlacementView(
                List.of("kube-system/kube-proxy"), List.of(new EdgePlacementView.Patch("kube-system", "kube-proxy",
                KUBE_PROXY)), List.of(new EdgePlacementView.Patch("kube-system", "kube-proxy", KUBE_PROXY)), List.of(),
                false));
        Site site = site(Descriptors.Base.DUAL.edit().delete(16, 18)
                .after(55, "    keepOff: [{namespace: kube-system, name: calico-node}]"));
        assertThat(new OutputPlan(site).siteFiles().stream().map(PlannedFile::path)
                .filter(p -> p.endsWith(".edge-affinity.patch.yaml")))
                .containsExactly(KUBE_PROXY, "cluster/kube-system/calico-node.edge-affinity.patch.yaml");
    }

    @Test
    void withAnUpstreamCalicoBaseKustomizeAppliesCalicoNodesAffinityAndNothingChecksIt() {
        EdgePlacementView v = RunbookBuilder.view(SiteVariants.CALICO_BASE.facts()).edgePlacement();
        assertThat(v.calicoNode()).isTrue();
        assertThat(v.unchecked()).extracting(EdgePlacementView.Patch::name).containsExactly("kube-proxy");
        assertThat(PlannedViews.at(new OutputPlan(SiteVariants.CALICO_BASE.site()).siteFiles().stream(),
                KustomizationBuilder.PATH, KustomizationView.class).patches()).contains("kube-system/calico-node.patch.yaml");
    }

    private static Site site(Descriptors.Edited edited) {
        DescriptorLoader.Result r = edited.load();
        assertThat(r.ok()).as(r.problems().toString()).isTrue();
        return r.site();
    }
}
