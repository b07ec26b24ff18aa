package io.github.dualstack.core.baseline;

import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * What a running site runs, as captured into the baseline directory and read strictly: the cluster objects that
 * were captured, each control-plane node's files, and the optional edgecore configs. Every tree has passed its
 * shape check ({@code kind}, the fields that merging and the guards read), so readers need not check again.
 */
public record Baseline(String name, Map<BaselineLayout.ClusterFile, CapturedFile> cluster,
                       SortedMap<String, ControlPlaneFiles> controlPlane, Optional<CapturedFile> edgeDefault,
                       SortedMap<String, CapturedFile> edgeNodes) {

    /** One control-plane node's captured files. */
    public record ControlPlaneFiles(String node, Map<BaselineLayout.NodeFile, CapturedFile> manifests,
                                    Map<BaselineLayout.NodeFile, CapturedText> texts) {

        public Optional<CapturedFile> manifest(BaselineLayout.NodeFile file) {
            return Optional.ofNullable(manifests.get(file));
        }

        public Optional<CapturedText> text(BaselineLayout.NodeFile file) {
            return Optional.ofNullable(texts.get(file));
        }
    }

    public Optional<CapturedFile> cluster(BaselineLayout.ClusterFile file) {
        return Optional.ofNullable(cluster.get(file));
    }
}
