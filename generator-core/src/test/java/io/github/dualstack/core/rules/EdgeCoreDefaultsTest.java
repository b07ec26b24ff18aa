package io.github.dualstack.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The schema's defaults of the edge settings are EdgeCore's own, which the plan leaves out of edgecore.yaml: a site
 * that sets none of them renders exactly as before they existed.
 */
class EdgeCoreDefaultsTest {

    @Test
    void theSchemaDefaultsAreEdgeCoresDefaults() throws IOException {
        JsonNode defs = new ObjectMapper().readTree(Path.of("..", "schemas", "site.schema.json").toFile()).path("$defs");
        JsonNode edge = defs.path("edge").path("properties").path("defaults").path("properties");
        assertThat(edge.path("podSandboxImage").path("default").asText()).isEqualTo(EdgeCoreDefaults.POD_SANDBOX_IMAGE);
        assertThat(edge.path("maxPods").path("default").asInt()).isEqualTo(EdgeCoreDefaults.MAX_PODS);
        assertThat(edge.path("metaServer").path("default").asBoolean(true)).isFalse();
        assertThat(edge.path("clusterDNS").path("default").isEmpty()).isTrue();
        assertThat(edge.path("clusterDNS").path("maxItems").asInt()).isEqualTo(EdgeCoreDefaults.MAX_CLUSTER_DNS);
        JsonNode node = defs.path("edge").path("properties").path("nodes").path("items").path("properties");
        assertThat(node.path("clusterDNS").path("maxItems").asInt()).isEqualTo(EdgeCoreDefaults.MAX_CLUSTER_DNS);
        JsonNode cloudCore = defs.path("cloudCore").path("properties");
        assertThat(cloudCore.path("iptablesManager").path("default").asText()).isEqualTo("internal");
        assertThat(cloudCore.path("dynamicController").path("default").asBoolean(true)).isFalse();
    }
}
