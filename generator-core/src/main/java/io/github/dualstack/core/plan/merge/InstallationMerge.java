package io.github.dualstack.core.plan.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dualstack.core.plan.view.NodeSelectorTerm;
import io.github.dualstack.core.rules.CalicoOperator;
import java.util.ArrayList;
import java.util.List;

/**
 * The Calico operator's {@code Installation} with only the dual-stack fields changed (tigera/operator
 * api/v1/installation_types.go): pools appended to {@code spec.calicoNetwork.ipPools}, a family's
 * {@code nodeAddressAutodetectionV4/V6} where it has none, and the required node affinity terms of
 * {@code spec.calicoNodeDaemonSet.spec.template.spec.affinity}. Pools already listed are never touched: the operator
 * matches pools by CIDR and deletes one it owns that leaves the list. A new site's Installation is this merge over
 * {@link #skeleton()}.
 */
public final class InstallationMerge {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> AFFINITY = List.of("spec", "calicoNodeDaemonSet", "spec", "template", "spec",
            "affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution");

    /** A pool in the Installation's spelling: {@code encapsulation} and {@code natOutgoing} are its enums. */
    public record Pool(String name, String cidr, int blockSize, String encapsulation, String natOutgoing) {
    }

    /** The detection of one family: {@code key} nodeAddressAutodetectionV4 or V6. */
    public record Detection(String key, CalicoOperator.Autodetection method) {
    }

    private InstallationMerge() {
    }

    /** The Installation {@code default} of a new site, before the merge adds its fields. */
    public static ObjectNode skeleton() {
        ObjectNode o = NODES.objectNode();
        o.put("apiVersion", "operator.tigera.io/v1");
        o.put("kind", "Installation");
        o.putObject("metadata").put("name", CalicoOperator.INSTALLATION);
        return o;
    }

    /**
     * {@code installation} (captured, or the skeleton) with {@code pools} appended, each detection set where its
     * family has none, and calico-node's required node affinity terms replaced by {@code terms} unless empty.
     */
    public static Merged merge(JsonNode installation, List<Pool> pools, List<Detection> detections,
                               List<NodeSelectorTerm> terms) {
        ObjectNode object = ServerFields.forApply(installation);
        if (object.get("metadata") instanceof ObjectNode meta) {
            // the operator's own (tigera.io/operator-cleanup, ...): it adds them on every reconcile and removes them
            // to let a deleted Installation go, which a re-applied copy from git would block
            meta.remove("finalizers");
        }
        List<String> changed = new ArrayList<>();
        ObjectNode network = Trees.object(object, List.of("spec", "calicoNetwork"));
        if (!pools.isEmpty()) {
            ArrayNode list = network.get("ipPools") instanceof ArrayNode a ? a : network.putArray("ipPools");
            for (Pool p : pools) {
                ObjectNode pool = list.addObject();
                pool.put("name", p.name());
                pool.put("cidr", p.cidr());
                pool.put("blockSize", p.blockSize());
                pool.put("encapsulation", p.encapsulation());
                pool.put("natOutgoing", p.natOutgoing());
                pool.put("nodeSelector", "all()");
                changed.add("spec.calicoNetwork.ipPools[" + p.name() + "] (added)");
            }
        }
        for (Detection d : detections) {
            JsonNode existing = network.get(d.key());
            if (existing instanceof ObjectNode o && !o.isEmpty()) {
                continue;   // the site's own method stays, as calico-node's env does on a manifest install
            }
            network.putObject(d.key()).set(d.method().field(), value(d.method().value()));
            changed.add("spec.calicoNetwork." + d.key());
        }
        if (!terms.isEmpty()) {
            Trees.object(object, AFFINITY).set("nodeSelectorTerms", terms(terms));
            changed.add("spec.calicoNodeDaemonSet.spec.template.spec.affinity.nodeAffinity"
                    + ".requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms");
        }
        return new Merged(object, changed);
    }

    private static JsonNode value(Object v) {
        if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (v instanceof List<?> list) {
            ArrayNode a = NODES.arrayNode();
            list.forEach(item -> a.add((String) item));
            return a;
        }
        return NODES.textNode((String) v);
    }

    private static ArrayNode terms(List<NodeSelectorTerm> terms) {
        ArrayNode out = NODES.arrayNode();
        for (NodeSelectorTerm t : terms) {
            ObjectNode term = out.addObject();
            if (!t.matchExpressions().isEmpty()) {
                term.set("matchExpressions", requirements(t.matchExpressions()));
            }
            if (!t.matchFields().isEmpty()) {
                term.set("matchFields", requirements(t.matchFields()));
            }
        }
        return out;
    }

    private static ArrayNode requirements(List<NodeSelectorTerm.Requirement> list) {
        ArrayNode out = NODES.arrayNode();
        for (NodeSelectorTerm.Requirement r : list) {
            ObjectNode o = out.addObject();
            o.put("key", r.key());
            o.put("operator", r.operator());
            if (!r.values().isEmpty()) {
                ArrayNode values = o.putArray("values");
                r.values().forEach(values::add);
            }
        }
        return out;
    }
}
