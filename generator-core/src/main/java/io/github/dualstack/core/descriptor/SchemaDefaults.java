package io.github.dualstack.core.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Fills in the schema's {@code default} values, so that defaults are written once: in the schema, where users
 * and editors see them. Family-keyed defaults ({@code ipv4}, {@code ipv6}) apply only to the site's families.
 */
public final class SchemaDefaults {

    private final JsonNode schemaDoc;
    /** Merged properties and resolved references per schema node: computed once, not once per edge node. */
    private final Map<JsonNode, Map<String, JsonNode>> propertiesCache = new IdentityHashMap<>();
    private final Map<String, JsonNode> refCache = new HashMap<>();

    public SchemaDefaults(JsonNode schemaDoc) {
        this.schemaDoc = schemaDoc;
    }

    /** Adds every absent defaulted property to {@code instance}, in place, and returns it. */
    public JsonNode apply(JsonNode instance, Set<String> familyKeys) {
        fill(schemaDoc, instance, familyKeys);
        return instance;
    }

    private void fill(JsonNode schema, JsonNode instance, Set<String> familyKeys) {
        if (instance instanceof ObjectNode obj) {
            for (Map.Entry<String, JsonNode> prop : properties(schema).entrySet()) {
                String key = prop.getKey();
                JsonNode sub = prop.getValue();
                if (!obj.has(key)) {
                    if (isFamilyKey(key) && !familyKeys.contains(key)) {
                        continue;
                    }
                    JsonNode def = defaultOf(sub);
                    if (def == null) {
                        continue;
                    }
                    obj.set(key, def.deepCopy());
                }
                fill(sub, obj.get(key), familyKeys);
            }
        } else if (instance instanceof ArrayNode arr) {
            JsonNode items = resolved(schema, "items");
            if (items != null) {
                for (JsonNode el : arr) {
                    fill(items, el, familyKeys);
                }
            }
        }
    }

    private static boolean isFamilyKey(String key) {
        return key.equals("ipv4") || key.equals("ipv6");
    }

    /** The schema's properties merged with those of its $ref target; the referring schema's keywords win. */
    private Map<String, JsonNode> properties(JsonNode schema) {
        Map<String, JsonNode> cached = propertiesCache.get(schema);
        if (cached == null) {
            cached = mergedProperties(schema);
            propertiesCache.put(schema, cached);
        }
        return cached;
    }

    private Map<String, JsonNode> mergedProperties(JsonNode schema) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        JsonNode target = ref(schema);
        if (target != null) {
            out.putAll(properties(target));
        }
        JsonNode props = schema.get("properties");
        if (props != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode base = out.get(e.getKey());
                out.put(e.getKey(), base == null ? e.getValue() : merge(base, e.getValue()));
            }
        }
        return out;
    }

    private static JsonNode merge(JsonNode base, JsonNode over) {
        ObjectNode m = ((ObjectNode) base).deepCopy();
        over.fields().forEachRemaining(e -> m.set(e.getKey(), e.getValue()));
        return m;
    }

    private JsonNode defaultOf(JsonNode schema) {
        if (schema.has("default")) {
            return schema.get("default");
        }
        JsonNode target = ref(schema);
        return target == null ? null : defaultOf(target);
    }

    private JsonNode resolved(JsonNode schema, String keyword) {
        if (schema.has(keyword)) {
            return schema.get(keyword);
        }
        JsonNode target = ref(schema);
        return target == null ? null : resolved(target, keyword);
    }

    private JsonNode ref(JsonNode schema) {
        JsonNode ref = schema.get("$ref");
        if (ref == null) {
            return null;
        }
        String r = ref.asText();
        if (!r.startsWith("#/")) {
            throw new IllegalStateException("only local $ref is supported in the site schema: " + r);
        }
        return refCache.computeIfAbsent(r, k -> schemaDoc.at(k.substring(1)));
    }
}
