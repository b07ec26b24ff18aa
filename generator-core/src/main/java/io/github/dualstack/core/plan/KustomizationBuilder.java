package io.github.dualstack.core.plan;

import io.github.dualstack.core.plan.view.KustomizationView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * cluster/kustomization.yaml over the cluster-scoped files, so {@code kubectl apply -k cluster/} applies them.
 * With an upstream Calico base, the base is included and calico-config and calico-node (or, for the Tigera
 * operator, its Installation) are patched; without one, calico-config and the Installation are resources and calico-node is patched by the runbook's kubectl command. The patches that
 * keep kube-proxy and the listed DaemonSets off edge nodes are no resources either: kustomize applies a patch only to
 * an object among its resources, and these DaemonSets are the cluster's, so the runbook applies them with kubectl.
 * Nor are the cloudcore chart's values overlay and Service patch: Helm and kubectl patch apply those.
 */
final class KustomizationBuilder {

    static final String PATH = "cluster/kustomization.yaml";
    private static final String PREFIX = "cluster/";

    PlannedFile file(SiteFacts facts, List<String> clusterFiles) {
        return new PlannedFile(PATH, view(facts, clusterFiles));
    }

    static KustomizationView view(SiteFacts facts, List<String> clusterFiles) {
        Optional<String> base = facts.site.calico().flatMap(c -> c.base());
        List<String> resources = new ArrayList<>();
        List<String> patches = new ArrayList<>();
        base.ifPresent(resources::add);
        for (String path : clusterFiles) {
            String rel = path.substring(PREFIX.length());
            if (path.equals(CalicoBuilder.PATCH)) {
                if (base.isPresent()) {
                    patches.add(rel);
                }
            } else if (path.equals(CalicoBuilder.CONFIG) && base.isPresent()) {
                patches.add(rel);   // the base defines calico-config already; merge ours into it
            } else if (path.equals(CalicoInstallationBuilder.PATH) && base.isPresent()) {
                patches.add(rel);   // the operator's base holds the Installation default; merge ours into it
            } else if (path.endsWith(EdgePlacement.SUFFIX)) {
                continue;   // a patch of a DaemonSet none of the resources defines: the runbook's kubectl applies it
            } else if (path.equals(CloudCoreChartBuilder.VALUES) || path.equals(CloudCoreChartBuilder.SERVICE_PATCH)) {
                continue;   // the chart reads its values; the runbook's kubectl patch re-applies what it cannot render
            } else {
                resources.add(rel);
            }
        }
        return new KustomizationView(resources, patches);
    }

    static Stream<String> clusterPaths(Stream<PlannedFile> files) {
        return files.map(PlannedFile::path).filter(p -> p.startsWith(PREFIX));
    }
}
