package io.github.dualstack.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dualstack.core.baseline.Baseline;
import io.github.dualstack.core.baseline.BaselineLayout.ClusterFile;
import io.github.dualstack.core.baseline.BaselineLayout.NodeFile;
import io.github.dualstack.core.baseline.BaselineLayout;
import io.github.dualstack.core.baseline.CapturedFile;
import io.github.dualstack.core.baseline.LiveState;
import io.github.dualstack.core.plan.merge.Merged;
import io.github.dualstack.core.plan.view.MergedDocumentView;
import io.github.dualstack.core.plan.view.YamlTree;
import java.util.Optional;

/**
 * What the builders read of a baseline: each captured object by what it is, and the documents embedded in
 * ConfigMaps as trees. The baseline has passed its shape checks, so a field the builders need is there.
 */
final class Captures {

    private final Baseline baseline;
    private final LiveState live;

    Captures(Baseline baseline) {
        this.baseline = baseline;
        this.live = new LiveState(baseline);
    }

    /** The baseline directory as problems and the runbook name it. */
    String baselineName() {
        return baseline.name();
    }

    LiveState live() {
        return live;
    }

    Optional<CapturedFile> cluster(ClusterFile file) {
        return baseline.cluster(file);
    }

    Optional<CapturedFile> node(String node, NodeFile file) {
        return Optional.ofNullable(baseline.controlPlane().get(node)).flatMap(n -> n.manifest(file));
    }

    /** The edge node's own edgecore.yaml, else the fleet's default, if either was captured. */
    Optional<CapturedFile> edgeCore(String node) {
        CapturedFile own = baseline.edgeNodes().get(node);
        return own != null ? Optional.of(own) : baseline.edgeDefault();
    }

    /** The view of a merged file: the document, what it was merged from, and what changed. */
    static MergedDocumentView view(FileKind kind, CapturedFile source, Merged merged) {
        return new MergedDocumentView(kind, source.name(), merged.changed(), new YamlTree(merged.object()));
    }

    /** A document held in a captured ConfigMap (its shape check has read it): the tree to merge into. */
    JsonNode embedded(BaselineLayout.Embedded document) {
        return baseline.embedded(document).orElseThrow().tree();
    }
}
