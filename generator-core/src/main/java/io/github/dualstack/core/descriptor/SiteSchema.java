package io.github.dualstack.core.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import io.github.dualstack.core.FieldPath;
import io.github.dualstack.core.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code schemas/site.schema.json}, compiled once, reporting every violation as a located problem. */
public final class SiteSchema {

    static final String RESOURCE = "/io/github/dualstack/schemas/site.schema.json";

    private static final SiteSchema INSTANCE = new SiteSchema();

    private final JsonNode document;
    private final Schema schema;

    private SiteSchema() {
        try (InputStream in = SiteSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("schema missing from the classpath: " + RESOURCE);
            }
            document = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .errorMessageKeyword("message")
                .locale(Locale.ROOT)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaRegistryConfig(config));
        schema = registry.getSchema(document);
        schema.initializeValidators();
    }

    public static SiteSchema get() {
        return INSTANCE;
    }

    /** The schema as JSON, for reading defaults and descriptions. */
    public JsonNode document() {
        return document;
    }

    /**
     * Adds one problem per violation, in document order. A value of the wrong type gets that one problem: its
     * range or format checks would only repeat it (1e400 for an integer is no integer, and over any maximum).
     */
    public void validate(JsonNode tree, Problems problems) {
        List<com.networknt.schema.Error> errors = schema.validate(tree);
        errors.sort(Comparator.comparing(e -> e.getInstanceLocation().toString()));
        Set<String> wrongType = new HashSet<>();
        errors.stream().filter(e -> "type".equals(e.getKeyword()))
                .forEach(e -> wrongType.add(e.getInstanceLocation().toString()));
        for (com.networknt.schema.Error e : errors) {
            if (!"type".equals(e.getKeyword()) && wrongType.contains(e.getInstanceLocation().toString())) {
                continue;
            }
            FieldPath path = toPath(e.getInstanceLocation());
            String keyword = e.getKeyword();
            if (("required".equals(keyword) || "additionalProperties".equals(keyword)
                    || "unevaluatedProperties".equals(keyword)) && e.getProperty() != null) {
                path = path.child(e.getProperty());
            }
            problems.error(path, message(e));
        }
    }

    private static String message(com.networknt.schema.Error e) {
        String keyword = e.getKeyword();
        if (e.isCustomMessage()) {
            return e.getMessage();
        }
        String prop = e.getProperty();
        switch (keyword == null ? "" : keyword) {
            case "required":
                return "is required";
            case "additionalProperties":
            case "unevaluatedProperties":
                return "unknown field '" + prop + "'";
            case "enum": {
                JsonNode node = e.getInstanceNode();
                List<String> allowed = new ArrayList<>();
                e.getSchemaNode().forEach(v -> allowed.add(v.asText()));
                return (node == null ? "value" : node.toString()) + " is not one of " + String.join(", ", allowed);
            }
            case "type": {
                String m = strip(e.getMessage());
                JsonNode node = e.getInstanceNode();
                boolean scalar = node != null && (node.isNumber() || node.isBoolean());
                if (scalar && m.contains("string expected")) {
                    return m + "; quote the value in YAML if it is meant as text";
                }
                return m;
            }
            default:
                return strip(e.getMessage());
        }
    }

    /** networknt prefixes messages with the instance location; the problem line carries the path already. */
    private static String strip(String m) {
        int colon = m.indexOf(": ");
        if (m.startsWith("/") || m.startsWith("$")) {
            return colon < 0 ? m : m.substring(colon + 2);
        }
        return m;
    }

    static FieldPath toPath(NodePath np) {
        FieldPath p = FieldPath.ROOT;
        for (int i = 0; i < np.getNameCount(); i++) {
            Object el = np.getElement(i);
            p = el instanceof Integer idx ? p.index(idx) : p.child(String.valueOf(el));
        }
        return p;
    }
}
