package io.github.dualstack.core.check;

import static io.github.dualstack.core.check.GeneratedFiles.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.dualstack.core.plan.FileKind;
import org.junit.jupiter.api.Test;

/** The CloudCore ConfigMap: its embedded cloudcore.yaml, the schema, CloudHub checks and AdjustCloudCoreConfig. */
class CloudCoreConfigsTest {

    @Test
    void cloudHubMisspelledAsCloudhub() {
        String m = cloudFailure(replaceOnce(CLOUDCORE_CM, "      cloudHub:\n", "      cloudhub:\n"));
        assertThat(m).contains("data[\"cloudcore.yaml\"].modules.cloudhub: unknown key (not in cloudcore.schema.json)")
                .contains("did you mean 'cloudHub'?");
    }

    @Test
    void cloudWrongTypeAndPortRange() {
        String m = cloudFailure(CLOUDCORE_CM.replace("port: 10002", "port: \"10002\"")
                .replace("port: 10000", "port: 70000"));
        assertThat(m).contains("data[\"cloudcore.yaml\"].modules.cloudHub.https.port: ")
                .contains("data[\"cloudcore.yaml\"].modules.cloudHub.websocket.port: 70000 is not a port number");
    }

    /** cloudcore's own apiVersion and the one the Helm chart writes (which a merged ConfigMap keeps) pass. */
    @Test
    void cloudApiVersionIsV1alpha1OrTheChartsV1alpha2() {
        assertThat(CLOUDCORE_CM).contains("apiVersion: cloudcore.config.kubeedge.io/v1alpha1");
        assertThatCode(() -> check(file("cm.yaml", CLOUDCORE_CM, FileKind.CLOUDCORE_CONFIGMAP)))
                .doesNotThrowAnyException();
        String chart = CLOUDCORE_CM.replace("cloudcore.config.kubeedge.io/v1alpha1", "cloudcore.config.kubeedge.io/v1alpha2");
        assertThatCode(() -> check(file("cm.yaml", chart, FileKind.CLOUDCORE_CONFIGMAP))).doesNotThrowAnyException();
        String m = cloudFailure(CLOUDCORE_CM.replace("cloudcore.config.kubeedge.io/v1alpha1", "cloudcore.config.kubeedge.io/v1beta1"));
        assertThat(m).contains("data[\"cloudcore.yaml\"].apiVersion: must be cloudcore.config.kubeedge.io/v1alpha1 or"
                + " cloudcore.config.kubeedge.io/v1alpha2, got \"cloudcore.config.kubeedge.io/v1beta1\"");
    }

    @Test
    void advertiseAddressMustBeBareIps() {
        String m = cloudFailure(replaceOnce(CLOUDCORE_CM, "- \"2001:db8::10\"", "- \"[2001:db8::10]\""));
        assertThat(m).contains("data[\"cloudcore.yaml\"].modules.cloudHub.advertiseAddress[1]: \"[2001:db8::10]\" must be a bare IP");
    }

    @Test
    void qpsAndWorkersMustMatchNodeLimitOrCloudCoreRewritesItsConfigMap() {
        String m = cloudFailure(CLOUDCORE_CM.replace("qps: 5000", "qps: 2500").replace("queryNodeWorkers: 1000", "queryNodeWorkers: 4"));
        assertThat(m).contains("data[\"cloudcore.yaml\"].kubeAPIConfig.qps: is 2500, but must be 5000; cloudcore would")
                .contains("modules.edgeController.load.queryNodeWorkers: is 4, but must be at least 1000");
        String omitted = cloudFailure(replaceOnce(CLOUDCORE_CM, "          createLease: 2024\n", ""));
        assertThat(omitted).contains("data[\"cloudcore.yaml\"].modules.edgeController.buffer.createLease: is omitted, "
                + "so the Go default 1524 applies, but must be at least 2024");
        String defaults = CLOUDCORE_CM.replace("        nodeLimit: 1000\n", "").replace("qps: 5000", "qps: 2500")
                .replace("burst: 10000", "burst: 5000");
        assertThatCode(() -> check(file("cm.yaml", defaults, FileKind.CLOUDCORE_CONFIGMAP)))
                .as("nodeLimit omitted: the Go defaults are consistent").doesNotThrowAnyException();
    }

    @Test
    void cloudCoreConfigMapNeedsTheConfigKeyAndKind() {
        String m = cloudFailure(CLOUDCORE_CM.replace("cloudcore.yaml: |", "cloudcore.yml: |").replace("kind: ConfigMap", "kind: Secret"));
        assertThat(m).contains("kind: must be ConfigMap").contains("data.\"cloudcore.yaml\": is required");
    }

    @Test
    void embeddedCloudCoreYamlIsReadStrictly() {
        String m = cloudFailure(replaceOnce(CLOUDCORE_CM, "      qps: 5000\n", "      qps: 5000\n      qps: 5000\n"));
        assertThat(m).contains("data[\"cloudcore.yaml\"].kubeAPIConfig.qps: duplicate key 'qps'");
    }
}
