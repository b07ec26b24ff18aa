package io.github.dualstack.core.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dualstack.core.FieldPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One generated key schema, compiled once into a tree of shapes and checked by walking the document alongside it:
 * the KubeEdge configs ({@code schemas/cloudcore.schema.json}, {@code edgecore.schema.json}), the Calico objects
 * ({@code schemas/calico-installation.schema.json}, {@code calico-ippool.schema.json}) and each kind of
 * {@code schemas/kubeadm.schema.json}, a key tree of kubeadm's Go types in the same keywords.
 *
 * <p>These schemas are key trees of Go types, written by {@code schemas/tools/kubeedge-keys-to-schema.py} and
 * {@code calico-crds-to-schema.py} with seven keywords only: {@code type}, {@code properties},
 * {@code additionalProperties}, {@code items}, {@code minimum}, {@code maximum} and {@code enum} (strings). A general JSON Schema engine spends most of its time on machinery these schemas never use, and
 * the self-check runs this on every edge node's edgecore.yaml, so the walk is direct. Loading refuses any other
 * keyword: a schema that says more than this class checks must fail loudly, never be half-enforced.
 * {@code KubeEdgeSchemaTest} holds the walk to the same verdicts as the JSON Schema validator on valid and broken
 * configs.
 */
final class KubeEdgeSchema {

    /** A problem at a path of the checked config. */
    record Violation(FieldPath path, String message) {
    }

    private static final Set<String> ANNOTATIONS = Set.of("$id", "$schema", "title", "description");
    private static final Set<String> KEYWORDS = Set.of("type", "properties", "additionalProperties", "items",
            "minimum", "maximum", "enum");
    private static final Set<String> TYPES = Set.of("object", "array", "string", "integer", "number", "boolean",
            "null");
    private static final Pattern INLINES = Pattern.compile("inlines the fields of ([A-Za-z0-9_., ]+)\\)");

    private final String name;
    private final Shape root;

    /** Loads a schema from the classpath; fails fast if it is missing or uses a keyword this class does not check. */
    static KubeEdgeSchema load(String resource) {
        return new KubeEdgeSchema(resource.substring(resource.lastIndexOf('/') + 1), read(resource));
    }

    /** A schema document from the classpath; fails fast if it is missing. */
    static JsonNode read(String resource) {
        try (InputStream in = KubeEdgeSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema missing from the classpath: " + resource);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    KubeEdgeSchema(String name, JsonNode schema) {
        this.name = name;
        this.root = compile(schema, "#");
    }

    /** Every violation of {@code config}, in document order. */
    List<Violation> validate(JsonNode config) {
        List<Violation> out = new ArrayList<>();
        root.check(config, FieldPath.ROOT, out);
        return out;
    }

    /** Reports each violation of {@code config} with its field path, sorted by place so the order is stable. */
    void report(JsonNode config, Scope s, Findings out) {
        record Placed(String where, String message) {
        }
        validate(config).stream()
                .map(v -> new Placed(s.at(v.path()), describe(v)))
                .sorted(Comparator.comparing(Placed::where).thenComparing(Placed::message))
                .forEach(p -> out.add(p.where(), p.message()));
    }

    // ---------------------------------------------------------------- compiled schema

    /**
     * One compiled subschema. {@code additional} is the schema of keys not in {@code properties}: null when they
     * are refused ({@code additionalProperties: false}), {@link #ANY} when they are allowed unchecked.
     */
    private record Shape(Set<String> types, Map<String, Shape> properties, Shape additional, Shape items,
                         BigDecimal minimum, BigDecimal maximum, Set<String> allowed, String description) {

        void check(JsonNode v, FieldPath at, List<Violation> out) {
            String found = typeOf(v);
            if (types != null && !types.contains(found)
                    && !(found.equals("integer") && types.contains("number"))) {
                out.add(new Violation(at, found + " found, " + String.join(" or ", types) + " expected"));
                return;
            }
            if (v.isNumber() && (minimum != null || maximum != null)) {
                // Exact decimal comparison, never rounded through a double.
                BigDecimal n = v.decimalValue();
                if (minimum != null && n.compareTo(minimum) < 0) {
                    out.add(new Violation(at, "must have a minimum value of " + minimum.toPlainString()));
                }
                if (maximum != null && n.compareTo(maximum) > 0) {
                    out.add(new Violation(at, "must have a maximum value of " + maximum.toPlainString()));
                }
            }
            if (allowed != null && !(v.isTextual() && allowed.contains(v.textValue()))) {
                out.add(new Violation(at, "must be one of " + String.join(", ", new TreeSet<>(allowed)) + ", got "
                        + Values.describe(v)));
            }
            if (v.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    Shape known = properties.get(field.getKey());
                    Shape s = known != null ? known : additional;
                    if (s == null) {
                        out.add(new Violation(at.child(field.getKey()), UNKNOWN_KEY));
                    } else if (s != ANY) {
                        s.check(field.getValue(), at.child(field.getKey()), out);
                    }
                }
            } else if (v.isArray() && items != null && items != ANY) {
                for (int i = 0; i < v.size(); i++) {
                    items.check(v.get(i), at.index(i), out);
                }
            }
        }
    }

    /** Marks an unknown key until {@link #validate} callers add the schema's name and a suggestion. */
    private static final String UNKNOWN_KEY = "unknown key";
    private static final Shape ANY = new Shape(null, Map.of(), null, null, null, null, null, "");

    private static Shape compile(JsonNode s, String where) {
        if (s.isBoolean()) {
            if (s.booleanValue()) {
                return ANY;
            }
            throw new IllegalStateException(where + ": a false subschema is only supported as additionalProperties");
        }
        if (!s.isObject()) {
            throw new IllegalStateException(where + ": not a schema");
        }
        for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYWORDS.contains(k) && !ANNOTATIONS.contains(k)) {
                throw new IllegalStateException(where + ": keyword '" + k + "' is not supported by the KubeEdge"
                        + " schema check; extend " + KubeEdgeSchema.class.getSimpleName() + " before using it");
            }
        }
        Set<String> types = null;
        JsonNode t = s.get("type");
        if (t != null) {
            types = new LinkedHashSet<>();
            for (JsonNode one : t.isArray() ? t : List.of(t)) {
                if (!TYPES.contains(one.asText())) {
                    throw new IllegalStateException(where + ": unknown type " + one);
                }
                types.add(one.asText());
            }
            types = Collections.unmodifiableSet(types);
        }
        Map<String, Shape> properties = new LinkedHashMap<>();
        JsonNode props = s.get("properties");
        if (props != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                properties.put(p.getKey(), compile(p.getValue(), where + "/properties/" + p.getKey()));
            }
        }
        JsonNode add = s.get("additionalProperties");
        Shape additional = add == null ? ANY
                : add.isBoolean() && !add.booleanValue() ? null
                : compile(add, where + "/additionalProperties");
        JsonNode items = s.get("items");
        return new Shape(types, Map.copyOf(properties), additional,
                items == null ? null : compile(items, where + "/items"),
                bound(s, "minimum", where), bound(s, "maximum", where), allowed(s, where),
                s.path("description").asText(""));
    }

    /** The values of a string {@code enum}, or null without one. */
    private static Set<String> allowed(JsonNode s, String where) {
        JsonNode e = s.get("enum");
        if (e == null) {
            return null;
        }
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode v : e) {
            if (!v.isTextual()) {
                throw new IllegalStateException(where + ": only string enums are supported");
            }
            values.add(v.textValue());
        }
        return Set.copyOf(values);
    }

    private static BigDecimal bound(JsonNode s, String keyword, String where) {
        JsonNode b = s.get(keyword);
        if (b == null) {
            return null;
        }
        if (!b.isIntegralNumber()) {
            throw new IllegalStateException(where + ": " + keyword + " must be an integer");
        }
        return b.decimalValue();
    }

    /** The JSON Schema type of a value, "integer" for integral numbers. */
    private static String typeOf(JsonNode v) {
        return switch (v.getNodeType()) {
            case OBJECT -> "object";
            case ARRAY -> "array";
            case STRING -> "string";
            case BOOLEAN -> "boolean";
            case NUMBER -> v.isIntegralNumber() ? "integer" : "number";
            case NULL, MISSING -> "null";
            default -> "string"; // BINARY and POJO nodes: never built from YAML text
        };
    }

    // ---------------------------------------------------------------- messages

    /** The message of a violation with, for an unknown key, the schema's name and a hint at what was meant. */
    String describe(Violation v) {
        if (!UNKNOWN_KEY.equals(v.message())) {
            return v.message();
        }
        List<Object> segments = v.path().segments();
        String key = (String) segments.get(segments.size() - 1);
        FieldPath parent = FieldPath.ROOT;
        for (Object seg : segments.subList(0, segments.size() - 1)) {
            parent = seg instanceof Integer i ? parent.index(i) : parent.child((String) seg);
        }
        return "unknown key (not in " + name + ")" + suggestion(parent, key);
    }

    /** A near key in the same object ("did you mean"), or a hint for a Go struct that KubeEdge inlines. */
    private String suggestion(FieldPath parent, String key) {
        Shape node = root;
        for (Object seg : parent.segments()) {
            Shape next = seg instanceof Integer ? node.items() : node.properties().getOrDefault(seg, node.additional());
            if (next == null || next == ANY) {
                return "";
            }
            node = next;
        }
        Matcher m = INLINES.matcher(node.description());
        if (m.find()) {
            for (String inlined : m.group(1).split(",")) {
                String goType = inlined.strip().replaceFirst(".*\\.", "");
                if (goType.equalsIgnoreCase(key)) {
                    return "; Go embeds " + goType + " without a JSON tag: write its fields directly under "
                            + (parent.segments().isEmpty() ? "the root" : parent.toString());
                }
            }
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : new TreeSet<>(node.properties().keySet())) {
            int d = candidate.equalsIgnoreCase(key) ? 0
                    : distance(candidate.toLowerCase(Locale.ROOT), key.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(1, Math.min(2, key.length() / 4))
                ? "; did you mean '" + best + "'?" : "";
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
