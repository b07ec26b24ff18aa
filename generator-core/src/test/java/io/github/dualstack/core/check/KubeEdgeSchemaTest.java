package io.github.dualstack.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import io.github.dualstack.core.FieldPath;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The direct walk of {@link KubeEdgeSchema} must reach the same verdicts as a JSON Schema 2020-12 validator on the
 * same schema: for the shipped edgecore and cloudcore configs and for every single-point mutation of them (a wrong
 * type at every value, an unknown and a miscased key in every object, out-of-range integers), both flag the same
 * paths.
 */
class KubeEdgeSchemaTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String SCHEMAS = "/io/github/dualstack/schemas/";

    @ParameterizedTest
    @ValueSource(strings = {"edgecore", "cloudcore", "calico-installation", "calico-ippool"})
    void agreesWithAJsonSchemaValidatorOnEveryMutation(String which) throws IOException {
        JsonNode schemaJson = read(SCHEMAS + which + ".schema.json");
        KubeEdgeSchema walk = new KubeEdgeSchema(which + ".schema.json", schemaJson);
        Schema reference = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaJson);
        JsonNode base = config(which);

        assertThat(walk.validate(base)).as("the shipped %s config is valid", which).isEmpty();
        assertThat(reference.validate(base)).isEmpty();

        List<JsonNode> mutants = mutations(base);
        assertThat(mutants).hasSizeGreaterThan(which.equals("calico-ippool") ? 40 : 100);
        int invalid = 0;
        for (JsonNode m : mutants) {
            Set<String> ours = walk.validate(m).stream().map(v -> v.path().toString()).collect(Collectors.toCollection(TreeSet::new));
            Set<String> theirs = new TreeSet<>();
            for (com.networknt.schema.Error e : reference.validate(m)) {
                FieldPath p = toPath(e.getInstanceLocation());
                theirs.add(("additionalProperties".equals(e.getKeyword()) ? p.child(e.getProperty()) : p).toString());
            }
            assertThat(ours).as("paths flagged in %s", m).isEqualTo(theirs);
            invalid += ours.isEmpty() ? 0 : 1;
        }
        assertThat(invalid).as("mutants the schema refuses").isGreaterThan(mutants.size() / 2);
    }

    @Test
    void messagesNameTypeBoundsAndTheNearestKey() throws IOException {
        KubeEdgeSchema walk = KubeEdgeSchema.load(SCHEMAS + "edgecore.schema.json");
        ObjectNode cfg = (ObjectNode) config("edgecore");
        ObjectNode hub = (ObjectNode) cfg.path("modules").path("edgeHub");
        hub.put("heartbeat", "15");
        hub.set("tlsCAFile", hub.remove("tlsCaFile"));
        ((ObjectNode) cfg.path("modules").path("eventBus")).put("mqttQOS", 256);
        List<String> messages = walk.validate(cfg).stream().map(v -> v.path() + ": " + walk.describe(v)).toList();
        assertThat(messages).containsExactlyInAnyOrder(
                "modules.edgeHub.heartbeat: string found, integer expected",
                "modules.edgeHub.tlsCAFile: unknown key (not in edgecore.schema.json); did you mean 'tlsCaFile'?",
                "modules.eventBus.mqttQOS: must have a maximum value of 255");
    }

    @Test
    void refusesASchemaThatSaysMoreThanItChecks() {
        ObjectNode schema = NODES.objectNode();
        schema.put("type", "object");
        schema.putObject("properties").putObject("name").put("type", "string").put("pattern", "^[a-z]+$");
        assertThatThrownBy(() -> new KubeEdgeSchema("x.schema.json", schema))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("#/properties/name: keyword 'pattern' is not supported");
    }

    // ---------------------------------------------------------------- mutations

    private static List<JsonNode> mutations(JsonNode base) {
        List<JsonNode> out = new ArrayList<>();
        walk(base, new ArrayList<>(), (path) -> {
            JsonNode target = at(base, path);
            if (target.isObject()) {
                out.add(edit(base, path, n -> ((ObjectNode) n).put("noSuchKey", 1)));
                Iterator<String> names = target.fieldNames();
                if (names.hasNext()) {
                    String first = names.next();
                    String miscased = Character.toUpperCase(first.charAt(0)) + first.substring(1);
                    out.add(edit(base, path, n -> ((ObjectNode) n).set(miscased, ((ObjectNode) n).remove(first))));
                }
            }
            if (path.isEmpty()) {
                return;
            }
            out.add(replace(base, path, target.isTextual() ? NODES.numberNode(7) : NODES.textNode("7")));
            out.add(replace(base, path, NODES.booleanNode(true)));
            out.add(replace(base, path, NODES.nullNode()));
            if (target.isIntegralNumber()) {
                out.add(replace(base, path, NODES.numberNode(BigInteger.ONE.shiftLeft(40))));
                out.add(replace(base, path, NODES.numberNode(-1)));
                out.add(replace(base, path, NODES.numberNode(1.5)));
            }
            if (!target.isArray()) {
                out.add(replace(base, path, NODES.arrayNode().add("a")));
            }
        });
        return out;
    }

    private static void walk(JsonNode n, List<Object> path, Consumer<List<Object>> visit) {
        visit.accept(List.copyOf(path));
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                path.add(f.getKey());
                walk(f.getValue(), path, visit);
                path.remove(path.size() - 1);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                path.add(i);
                walk(n.get(i), path, visit);
                path.remove(path.size() - 1);
            }
        }
    }

    private static JsonNode at(JsonNode n, List<Object> path) {
        for (Object seg : path) {
            n = seg instanceof Integer i ? n.get(i) : n.get((String) seg);
        }
        return n;
    }

    private static JsonNode edit(JsonNode base, List<Object> path, Consumer<JsonNode> change) {
        JsonNode copy = base.deepCopy();
        change.accept(at(copy, path));
        return copy;
    }

    private static JsonNode replace(JsonNode base, List<Object> path, JsonNode value) {
        JsonNode copy = base.deepCopy();
        JsonNode parent = at(copy, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer i) {
            ((ArrayNode) parent).set(i, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
        return copy;
    }

    // ---------------------------------------------------------------- the schema files

    private static JsonNode schema(String name) throws IOException {
        try (InputStream in = KubeEdgeSchemaTest.class.getResourceAsStream(SCHEMAS + name)) {
            assertThat(in).as(name).isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    private static JsonNode key(JsonNode schema, String dotted) {
        JsonNode node = schema;
        for (String part : dotted.split("\\.")) {
            assertThat(node.path("additionalProperties").asBoolean(true)).as("%s is a closed object", dotted).isFalse();
            node = node.path("properties").path(part);
            assertThat(node.isMissingNode()).as("schema has key %s (at %s)", dotted, part).isFalse();
        }
        return node;
    }

    @Test
    void schemasHaveTheKeysDualstackRelyOn() throws IOException {
        JsonNode edge = schema("edgecore.schema.json");
        for (String k : List.of("apiVersion", "kind", "edgecoreVersion", "database.dataSource",
                "modules.edged.nodeIP", "modules.edged.hostnameOverride", "modules.edged.nodeLabels",
                "modules.edged.tailoredKubeletConfig.cgroupDriver",
                "modules.edged.tailoredKubeletConfig.containerRuntimeEndpoint",
                "modules.edged.tailoredKubeletConfig.imageServiceEndpoint",
                "modules.edged.tailoredKubeletConfig.clusterDNS", "modules.edgeHub.tlsCaFile",
                "modules.edgeHub.websocket.server", "modules.edgeHub.websocket.enable",
                "modules.edgeHub.quic.server", "modules.edgeHub.quic.enable", "modules.edgeHub.httpServer",
                "modules.edgeStream.server", "modules.edgeStream.enable")) {
            key(edge, k);
        }
        assertThat(key(edge, "modules.edged.nodeLabels").path("additionalProperties").path("type").asText()).isEqualTo("string");
        assertThat(key(edge, "modules.edgeHub.websocket.enable").path("type").asText()).isEqualTo("boolean");

        JsonNode cloud = schema("cloudcore.schema.json");
        List<String> keys = new ArrayList<>(List.of("apiVersion", "kind",
                "modules.cloudHub.advertiseAddress", "modules.cloudHub.dnsNames", "modules.cloudHub.nodeLimit",
                "modules.cloudHub.tlsCAFile",
                "modules.cloudStream.enable", "modules.cloudStream.streamPort", "modules.cloudStream.tunnelPort",
                "kubeAPIConfig.qps", "kubeAPIConfig.burst",
                "modules.edgeController.load.queryNodeWorkers", "modules.edgeController.load.patchNodeWorkers",
                "modules.edgeController.load.createLeaseWorkers", "modules.edgeController.buffer.patchNode",
                "modules.edgeController.buffer.queryNode", "modules.edgeController.buffer.createLease"));
        for (String server : List.of("websocket", "quic", "https")) {
            for (String leaf : List.of("enable", "address", "port")) {
                keys.add("modules.cloudHub." + server + "." + leaf);
            }
        }
        for (String k : keys) {
            key(cloud, k);
        }
        assertThat(key(cloud, "modules.cloudHub.advertiseAddress").path("items").path("type").asText()).isEqualTo("string");
        assertThat(key(cloud, "modules.cloudHub.websocket.port").path("type").asText()).isEqualTo("integer");
    }

    @Test
    void schemasAreTheIntersectionOfTheTargetedKubeEdgeVersions() throws IOException {
        for (String name : List.of("edgecore.schema.json", "cloudcore.schema.json")) {
            JsonNode s = schema(name);
            assertThat(s.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(s.path("description").asText()).contains("v1.22.0").contains("v1.23.1")
                    .contains("exists in every one of these versions (the intersection)");
        }
        assertThat(schema("edgecore.schema.json").path("properties").path("modules").path("properties").path("edgeHub")
                .path("properties").has("tlsCAFile")).isFalse();
        assertThat(schema("cloudcore.schema.json").at("/properties/modules/properties/deviceController/properties/buffer"
                + "/properties").has("deviceStatusEvent")).as("v1.23-only key").isFalse();
    }

    // ---------------------------------------------------------------- inputs

    private static JsonNode config(String which) throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        if (which.equals("calico-installation")) {
            // the operator-shaped capture, as dualstack writes it back: no status, plus calico-node's affinity
            ObjectNode inst = (ObjectNode) yaml.readTree(java.nio.file.Path.of("src", "test", "resources", "baselines",
                    "operator", "calico.installation.yaml").toFile());
            inst.remove("status");
            ((ObjectNode) inst.path("spec")).set("calicoNodeDaemonSet", yaml.readTree("""
                    spec:
                      template:
                        spec:
                          affinity:
                            nodeAffinity:
                              requiredDuringSchedulingIgnoredDuringExecution:
                                nodeSelectorTerms:
                                - matchExpressions:
                                  - key: node-role.kubernetes.io/edge
                                    operator: DoesNotExist
                    """));
            return inst;
        }
        if (which.equals("calico-ippool")) {
            return yaml.readTree(KubeEdgeSchemaTest.class.getResourceAsStream("/selfcheck/calico-ippool.yaml"));
        }
        if (which.equals("edgecore")) {
            return yaml.readTree(KubeEdgeSchemaTest.class.getResourceAsStream("/selfcheck/edgecore.yaml"));
        }
        JsonNode cm = yaml.readTree(KubeEdgeSchemaTest.class.getResourceAsStream("/selfcheck/cloudcore.configmap.yaml"));
        return yaml.readTree(cm.path("data").path("cloudcore.yaml").textValue());
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = KubeEdgeSchemaTest.class.getResourceAsStream(resource)) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static FieldPath toPath(NodePath np) {
        FieldPath p = FieldPath.ROOT;
        for (int i = 0; i < np.getNameCount(); i++) {
            Object el = np.getElement(i);
            p = el instanceof Integer idx ? p.index(idx) : p.child(String.valueOf(el));
        }
        return p;
    }
}
