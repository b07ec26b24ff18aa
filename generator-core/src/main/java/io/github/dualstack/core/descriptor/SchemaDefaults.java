package io.github.dualstack.core.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fills in the schema's {@code default} values, so that defaults are written once: in the schema, where users
 * and editors see them. Family-keyed defaults ({@code ipv4}, {@code ipv6}) apply only to the site's families.
 */
public final class SchemaDefaults {

    private final JsonNode schemaDoc;
    /** Merged properties, fill plans and resolved references per schema node: computed once, not once per edge node. */
    private final Map<JsonNode, Map<String, JsonNode>> propertiesCache = new IdentityHashMap<>();
    private final Map<String, JsonNode> refCache = new HashMap<>();
    private final Map<JsonNode, List<Property>> plans = new IdentityHashMap<>();
    private final Map<JsonNode, Optional<JsonNode>> itemsCache = new IdentityHashMap<>();

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
            for (Property prop : plan(schema)) {
                JsonNode value = obj.get(prop.key());
                if (value == null) {
                    if (prop.defaultValue() == null || prop.familyKey() && !familyKeys.contains(prop.key())) {
                        continue;
                    }
                    value = prop.defaultValue().deepCopy();
                    obj.set(prop.key(), value);
                }
                fill(prop.schema(), value, familyKeys);
            }
        } else if (instance instanceof ArrayNode arr) {
            JsonNode items = itemsCache.computeIfAbsent(schema, s -> Optional.ofNullable(resolved(s, "items")))
                    .orElse(null);
            if (items != null) {
                for (JsonNode el : arr) {
                    fill(items, el, familyKeys);
                }
            }
        }
    }

    /** A property of an object schema, with its default (null: none) and whether it is keyed by a family. */
    private record Property(String key, JsonNode schema, JsonNode defaultValue, boolean familyKey) {
    }

    /** The properties of {@code schema}, each with what it takes to fill it in, made once per schema node. */
    private List<Property> plan(JsonNode schema) {
        List<Property> plan = plans.get(schema);
        if (plan == null) {
            plan = properties(schema).entrySet().stream()
                    .map(e -> new Property(e.getKey(), e.getValue(), defaultOf(e.getValue()), isFamilyKey(e.getKey())))
                    .toList();
            plans.put(schema, plan);
        }
        return plan;
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
