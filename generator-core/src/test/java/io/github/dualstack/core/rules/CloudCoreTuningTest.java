package io.github.dualstack.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** AdjustCloudCoreConfig's formulas, their Go defaults, and the committed samples agreeing with them. */
class CloudCoreTuningTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @ParameterizedTest(name = "{0} at nodeLimit {1} = {2}")
    @CsvSource({
            "QPS, 1000, 5000", "BURST, 1000, 10000",
            "QUERY_NODE_WORKERS, 1000, 1000", "PATCH_NODE_WORKERS, 1000, 120", "CREATE_LEASE_WORKERS, 1000, 1000",
            "PATCH_NODE_BUFFER, 1000, 1524", "QUERY_NODE_BUFFER, 1000, 2024", "CREATE_LEASE_BUFFER, 1000, 2024",
            // Go's integer division truncates
            "PATCH_NODE_WORKERS, 999, 119", "PATCH_NODE_BUFFER, 999, 1523", "PATCH_NODE_WORKERS, 49, 100",
            // the Go defaults are the formulas at DefaultNodeLimit 500
            "QPS, 500, 2500", "BURST, 500, 5000", "PATCH_NODE_WORKERS, 500, 110"})
    void formulas(CloudCoreTuning setting, long nodeLimit, long expected) {
        assertThat(setting.at(nodeLimit)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} = {1} at nodeLimit {2}: adjusted {3}")
    @CsvSource({
            "QPS, 5000, 1000, false", "QPS, 5001, 1000, true", "QPS, 4999, 1000, true",
            "BURST, 2500, 250, false", "BURST, 5000, 250, true",
            "QUERY_NODE_WORKERS, 1000, 1000, false", "QUERY_NODE_WORKERS, 4000, 1000, false",
            "QUERY_NODE_WORKERS, 999, 1000, true", "CREATE_LEASE_BUFFER, 2023, 1000, true",
            "CREATE_LEASE_BUFFER, 2024, 1000, false"})
    void qpsAndBurstAreExactTheOthersMinimums(CloudCoreTuning setting, long value, long nodeLimit, boolean adjusted) {
        assertThat(setting.wouldAdjust(value, nodeLimit)).isEqualTo(adjusted);
    }

    @Test
    void goDefaultsAreTheFormulasAtTheDefaultNodeLimit() {
        assertThat(CloudCoreTuning.QPS.goDefault()).isEqualTo(2500);
        assertThat(CloudCoreTuning.BURST.goDefault()).isEqualTo(5000);
        assertThat(CloudCoreTuning.QUERY_NODE_BUFFER.goDefault()).isEqualTo(1524);
    }

    /** Until the CloudCore ConfigMap is built from this class, the committed output proves the two agree. */
    @ParameterizedTest
    @CsvSource({"dual-stack-site", "ipv6-only", "ipv6-primary-hostnetwork"})
    void theCommittedConfigMapsHoldExactlyTheseValues(String sample) throws IOException {
        Path file = Path.of("..", "samples", sample, "generated", "cluster", "kubeedge", "cloudcore.configmap.yaml");
        JsonNode config = YAML.readTree(YAML.readTree(file.toFile()).path("data").path("cloudcore.yaml").asText());
        long nodeLimit = config.path("modules").path("cloudHub").path("nodeLimit").asLong();
        assertThat(nodeLimit).isPositive();
        for (CloudCoreTuning s : CloudCoreTuning.values()) {
            JsonNode v = config;
            for (String key : s.path().split("\\.")) {
                v = v.path(key);
            }
            assertThat(v.isIntegralNumber()).as("%s in %s", s.path(), sample).isTrue();
            assertThat(v.asLong()).as("%s in %s", s.path(), sample).isEqualTo(s.at(nodeLimit));
            assertThat(s.wouldAdjust(v.asLong(), nodeLimit)).isFalse();
        }
    }
}
