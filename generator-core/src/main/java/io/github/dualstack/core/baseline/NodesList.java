package io.github.dualstack.core.baseline;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dualstack.core.descriptor.StrictYamlReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads {@code kubectl get nodes -o yaml} one item at a time and keeps of each node only what is read of it: at
 * fleet scale a node's images, conditions and annotations are most of the file, and the whole tree would not fit
 * the heap. The strict-YAML checks still see every token.
 */
final class NodesList implements StrictYamlReader.TreeBuilder {

    static final NodesList BUILDER = new NodesList();

    private NodesList() {
    }

    @Override
    public JsonNode build(JsonParser p, ObjectReader reader) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            return null;
        }
        if (t != JsonToken.START_OBJECT) {
            return reader.readTree(p);
        }
        JsonNodeFactory nodes = reader.getConfig().getNodeFactory();
        ObjectNode root = nodes.objectNode();
        for (t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            t = p.nextToken();
            if (name.equals("items") && t == JsonToken.START_ARRAY) {
                ArrayNode items = nodes.arrayNode();
                for (t = p.nextToken(); t != null && t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    items.add(kept(reader.readTree(p)));
                }
                root.set(name, items);
            } else {
                root.set(name, reader.readTree(p));
            }
        }
        return root;
    }

    /** What is read of a node; anything that is not a mapping is kept as it is, for the shape check to name. */
    private static JsonNode kept(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.retain("apiVersion", "kind", "metadata", "spec", "status");
            retain(o.get("metadata"), "name", "labels");
            retain(o.get("spec"), "podCIDR", "podCIDRs");
            retain(o.get("status"), "addresses", "nodeInfo");
            retain(o.path("status").get("nodeInfo"), "kubeletVersion");
        }
        return node;
    }

    private static void retain(JsonNode n, String... fields) {
        if (n instanceof ObjectNode o) {
            o.retain(fields);
        }
    }

    /** The nodes of a list that passed its shape check: names and labels, in the list's order. */
    static List<CaptureCommands.ListedNode> listed(JsonNode list) {
        List<CaptureCommands.ListedNode> out = new ArrayList<>();
        for (JsonNode n : list.path("items")) {
            Map<String, String> labels = new TreeMap<>();
            n.path("metadata").path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
            out.add(new CaptureCommands.ListedNode(n.path("metadata").path("name").asText(), Map.copyOf(labels)));
        }
        return out;
    }
}
