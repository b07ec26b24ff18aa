package io.github.dualstack.core.plan.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dualstack.core.baseline.BaselineLayout.Embedded;
import io.github.dualstack.core.yaml.CanonicalYaml;
import java.util.ArrayList;
import java.util.List;

/**
 * The CloudCore ConfigMap with only {@code modules.cloudHub.advertiseAddress}, {@code dnsNames} and the values
 * CloudCore derives from {@code nodeLimit} changed. CloudCore reads its file over its defaults, so the chart's
 * {@code iptablesManager.mode: external}, {@code dynamicController} (EdgeMesh, MetaServer), {@code router},
 * {@code taskManager} and feature gates are the site's and must be written back as they are.
 */
public final class CloudCoreMerge {


    /** A value to set in cloudcore.yaml: its path of keys and the number. */
    public record Tuned(List<String> path, int value) {
    }

    private CloudCoreMerge() {
    }

    public static Merged merge(JsonNode configMap, JsonNode cloudcore, List<String> advertiseAddresses,
                               List<String> dnsNames, List<Tuned> tuned) {
        ObjectNode object = ServerFields.forApply(configMap);
        ObjectNode conf = cloudcore.deepCopy();
        List<String> changed = new ArrayList<>();
        ObjectNode hub = Trees.object(conf, List.of("modules", "cloudHub"));
        if (setList(hub, "advertiseAddress", advertiseAddresses)) {
            changed.add("data.cloudcore.yaml: modules.cloudHub.advertiseAddress");
        }
        if (!dnsNames.isEmpty() && setList(hub, "dnsNames", dnsNames)) {
            changed.add("data.cloudcore.yaml: modules.cloudHub.dnsNames");
        }
        for (Tuned t : tuned) {
            ObjectNode parent = Trees.object(conf, t.path().subList(0, t.path().size() - 1));
            String key = t.path().get(t.path().size() - 1);
            if (!parent.path(key).isIntegralNumber() || parent.path(key).asLong() != t.value()) {
                parent.set(key, IntNode.valueOf(t.value()));
                changed.add("data.cloudcore.yaml: " + String.join(".", t.path()));
            }
        }
        ((ObjectNode) object.get("data")).put(Embedded.CLOUDCORE_CONFIG.dataKey(), CanonicalYaml.print(conf));
        return new Merged(object, changed);
    }

    private static boolean setList(ObjectNode parent, String key, List<String> values) {
        ArrayNode list = parent.arrayNode();
        values.forEach(list::add);
        if (list.equals(parent.get(key))) {
            return false;
        }
        parent.set(key, list);
        return true;
    }
}
