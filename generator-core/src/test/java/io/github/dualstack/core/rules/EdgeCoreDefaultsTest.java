package io.github.dualstack.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dualstack.core.Descriptors;
import io.github.dualstack.core.descriptor.DescriptorLoader;
import io.github.dualstack.core.model.CloudCore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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
        // the defaults, groups and nodes share one definition of the list
        for (JsonNode owner : List.of(edge, defs.path("edgeGroup").path("properties"), defs.path("edgeNode").path("properties"))) {
            assertThat(owner.path("clusterDNS").path("$ref").asText()).isEqualTo("#/$defs/edgeClusterDNS");
        }
        assertThat(defs.path("edgeClusterDNS").path("maxItems").asInt()).isEqualTo(EdgeCoreDefaults.MAX_CLUSTER_DNS);
        JsonNode cloudCore = defs.path("cloudCore").path("properties");
        // no schema default: the binder picks external for a chart-installed CloudCore, else KubeEdge's internal
        assertThat(cloudCore.path("iptablesManager").has("default")).isFalse();
        assertThat(Descriptors.load(Descriptors.Base.DUAL.text()).site().cloudCore().iptablesManager())
                .isEqualTo(CloudCore.IptablesManager.internal);
        String keadm = Descriptors.Base.DUAL.text().replace("  cloudCore:\n", "  cloudCore:\n    installedBy: keadm\n");
        assertThat(keadm).contains("installedBy: keadm");
        DescriptorLoader.Result chart = Descriptors.load(keadm);
        assertThat(chart.problems()).noneMatch(p -> p.isError());
        assertThat(chart.site().cloudCore().iptablesManager()).as("the chart runs the iptables-manager DaemonSet")
                .isEqualTo(CloudCore.IptablesManager.external);
        assertThat(cloudCore.path("dynamicController").path("default").asBoolean(true)).isFalse();
    }
}
