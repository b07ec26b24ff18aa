package io.github.dualstack.core.baseline;

import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * What a running site runs, as captured into the baseline directory and read strictly: the cluster objects that
 * were captured, the documents their ConfigMaps hold, each control-plane node's files, and the optional edgecore
 * configs. Every tree has passed its shape check ({@code kind}, the fields that merging and the guards read), so
 * readers need not check again. The nodes list keeps, of each node, only what is read of it: {@code apiVersion},
 * {@code kind}, {@code metadata.name}, {@code metadata.labels}, {@code spec.podCIDR(s)}, {@code status.addresses}
 * and {@code status.nodeInfo.kubeletVersion}; at fleet scale the rest (images, conditions) would fill the heap.
 */
public record Baseline(String name, Map<BaselineLayout.ClusterFile, CapturedFile> cluster,
                       SortedMap<String, ControlPlaneFiles> controlPlane, Optional<CapturedFile> edgeDefault,
                       SortedMap<String, CapturedFile> edgeNodes, Map<BaselineLayout.Embedded, CapturedFile> embedded) {

    /** A baseline whose ConfigMaps hold no document that was read. */
    public Baseline(String name, Map<BaselineLayout.ClusterFile, CapturedFile> cluster,
                    SortedMap<String, ControlPlaneFiles> controlPlane, Optional<CapturedFile> edgeDefault,
                    SortedMap<String, CapturedFile> edgeNodes) {
        this(name, cluster, controlPlane, edgeDefault, edgeNodes, Map.of());
    }

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

    /** A document held in a captured ConfigMap: present whenever that ConfigMap is. */
    public Optional<CapturedFile> embedded(BaselineLayout.Embedded document) {
        return Optional.ofNullable(embedded.get(document));
    }
}
