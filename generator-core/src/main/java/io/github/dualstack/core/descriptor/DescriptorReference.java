package io.github.dualstack.core.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The descriptor reference in Markdown, made from the schema's own descriptions, types and defaults, so the
 * documentation is never written twice: one row per field, in schema order.
 */
public final class DescriptorReference {

    private final JsonNode schema;

    public DescriptorReference(JsonNode schema) {
        this.schema = schema;
    }

    public static String markdown() {
        return new DescriptorReference(SiteSchema.get().document()).render();
    }

    String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("| field | type | default | description |\n");
        sb.append("| --- | --- | --- | --- |\n");
        List<String[]> rows = new ArrayList<>();
        walk(schema, "", rows);
        for (String[] r : rows) {
            sb.append("| `").append(r[0]).append("` | ").append(r[1]).append(" | ").append(r[2]).append(" | ")
                    .append(r[3]).append(" |\n");
        }
        return sb.toString();
    }

    private void walk(JsonNode node, String path, List<String[]> rows) {
        JsonNode props = merged(node, "properties");
        if (props == null) {
            JsonNode items = merged(node, "items");
            if (items != null) {
                walk(items, path + "[]", rows);
            }
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            JsonNode sub = e.getValue();
            rows.add(new String[] {p, type(sub), defaultText(sub), cell(text(sub, "description"))});
            walk(sub, p, rows);
        }
    }

    /** A keyword of the schema, else of its $ref target (the referring schema's own keywords win). */
    private JsonNode merged(JsonNode node, String keyword) {
        JsonNode own = node.get(keyword);
        JsonNode target = target(node);
        JsonNode inherited = target == null ? null : merged(target, keyword);
        if (own != null && inherited != null && own.isObject() && inherited.isObject() && keyword.equals("properties")) {
            var copy = ((com.fasterxml.jackson.databind.node.ObjectNode) inherited).deepCopy();
            own.fields().forEachRemaining(f -> {
                JsonNode base = copy.get(f.getKey());
                if (base != null && base.isObject()) {
                    var m = ((com.fasterxml.jackson.databind.node.ObjectNode) base).deepCopy();
                    f.getValue().fields().forEachRemaining(g -> m.set(g.getKey(), g.getValue()));
                    copy.set(f.getKey(), m);
                } else {
                    copy.set(f.getKey(), f.getValue());
                }
            });
            return copy;
        }
        return own != null ? own : inherited;
    }

    private JsonNode target(JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref == null ? null : schema.at(ref.asText().substring(1));
    }

    private String text(JsonNode node, String keyword) {
        JsonNode v = node.get(keyword);
        if (v != null) {
            return v.asText();
        }
        JsonNode t = target(node);
        return t == null ? "" : text(t, keyword);
    }

    private String type(JsonNode node) {
        JsonNode en = merged(node, "enum");
        if (en != null) {
            List<String> values = new ArrayList<>();
            en.forEach(v -> values.add(literal(v)));
            return String.join(" \\| ", values);
        }
        JsonNode c = merged(node, "const");
        if (c != null) {
            return "`" + c.asText() + "`";
        }
        JsonNode t = merged(node, "type");
        String type = t == null ? "" : t.asText();
        if (type.equals("array")) {
            JsonNode items = merged(node, "items");
            String inner = items == null ? "" : type(items);
            return "list" + (inner.isEmpty() ? "" : " of " + inner);
        }
        if (type.equals("object") && merged(node, "properties") == null) {
            return "map";
        }
        return type;
    }

    private String defaultText(JsonNode node) {
        JsonNode d = merged(node, "default");
        if (d == null || (d.isContainerNode() && d.isEmpty())) {
            return "";
        }
        return literal(d);
    }

    /** A value as code; the empty string as {@code ""}, which an empty code span cannot show. */
    private static String literal(JsonNode v) {
        String text = v.isTextual() ? v.asText() : v.toString();
        return "`" + (text.isEmpty() ? "\"\"" : text) + "`";
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
