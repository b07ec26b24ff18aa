package io.github.dualstack.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dualstack.core.plan.view.NodeSelectorTerm.Requirement;
import io.github.dualstack.core.plan.view.NodeSelectorTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The required node affinity that keeps a DaemonSet off KubeEdge edge nodes: {@code node-role.kubernetes.io/edge}
 * DoesNotExist (kubeedge/website {@code docs/setup/install-with-keadm.md}; KubeEdge gives every edge node that
 * label). {@code NodeSelector.nodeSelectorTerms} has no patch strategy, so a strategic merge patch replaces the
 * whole list: the patch must carry every term the DaemonSet has, each with the expression ANDed in, since the
 * terms are ORed and one term without it would let the pods back onto edges. Preferred terms, pod affinity and
 * anti-affinity are other fields of {@code affinity}, which the patch merges field by field and so leaves alone.
 */
final class EdgeAffinity {

    static final String EDGE_LABEL = "node-role.kubernetes.io/edge";
    static final Requirement OFF_EDGE = new Requirement(EDGE_LABEL, "DoesNotExist", List.of());

    private EdgeAffinity() {
    }

    /**
     * The terms a patch must hold, from the DaemonSet as captured; empty when it needs no patch (every term excludes
     * edge nodes already). Without a capture, the DaemonSet is taken to have no required node affinity, as kubeadm's
     * kube-proxy and Calico's calico-node have none.
     */
    static List<NodeSelectorTerm> patchTerms(Optional<JsonNode> daemonSet) {
        JsonNode terms = daemonSet.map(ds -> ds.path("spec").path("template").path("spec").path("affinity")
                .path("nodeAffinity").path("requiredDuringSchedulingIgnoredDuringExecution").path("nodeSelectorTerms"))
                .orElse(null);
        if (terms == null || !terms.isArray() || terms.isEmpty()) {
            return List.of(new NodeSelectorTerm(List.of(OFF_EDGE), List.of()));
        }
        List<NodeSelectorTerm> out = new ArrayList<>(terms.size());
        boolean changed = false;
        for (JsonNode t : terms) {
            NodeSelectorTerm term = new NodeSelectorTerm(requirements(t.path("matchExpressions")),
                    requirements(t.path("matchFields")));
            if (!excludesEdges(term)) {
                List<Requirement> expressions = new ArrayList<>(term.matchExpressions());
                expressions.add(OFF_EDGE);
                term = new NodeSelectorTerm(expressions, term.matchFields());
                changed = true;
            }
            out.add(term);
        }
        return changed ? List.copyOf(out) : List.of();
    }

    /** Whether the term can match no edge node: it has the expression, or no requirement at all (it matches nothing). */
    static boolean excludesEdges(NodeSelectorTerm term) {
        return term.matchExpressions().contains(OFF_EDGE)
                || term.matchExpressions().isEmpty() && term.matchFields().isEmpty();
    }

    private static List<Requirement> requirements(JsonNode list) {
        List<Requirement> out = new ArrayList<>(list.size());
        for (JsonNode r : list) {
            List<String> values = new ArrayList<>(r.path("values").size());
            r.path("values").forEach(v -> values.add(v.asText()));
            out.add(new Requirement(r.path("key").asText(), r.path("operator").asText(), values));
        }
        return out;
    }
}
