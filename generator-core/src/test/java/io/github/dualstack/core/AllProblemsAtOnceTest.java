package io.github.dualstack.core;

import static io.github.dualstack.core.Descriptors.Base.DUAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.dualstack.core.descriptor.DescriptorLoader;
import org.junit.jupiter.api.Test;

/** One run reports everything wrong within a stage; a stage runs only when the one before it found no error. */
class AllProblemsAtOnceTest {

    @Test
    void fiveIndependentSemanticErrorsAreAllReportedInSourceOrder() {
        DescriptorLoader.Result r = DUAL.edit()
                .sub(13, "fd00:10:96::/112", "fd00:10:96::/100")                     // service subnet too large
                .after(13, "    controllerManager: {extraArgs: {cluster-cidr: 10.244.0.0/16}}")   // managed flag
                .sub(31, "192.0.2.11", "127.0.0.11")                                  // loopback node address
                .sub(49, "192.0.2.10", "192.0.2.11")                                  // cloudCoreAddress not a SAN
                .sub(52, "enp1s0", "enp1s0:1")                                        // interface name with ':'
                .load();

        assertThat(r.ok()).isFalse();
        assertThat(r.problems())
                .extracting(Problem::line, Problem::path, Problem::severity)
                .containsExactly(
                        tuple(9, "spec.ipFamilies", Problem.Severity.WARNING),
                        tuple(13, "spec.kubernetes.serviceSubnets.ipv6", Problem.Severity.ERROR),
                        tuple(14, "spec.kubernetes.controllerManager.extraArgs.cluster-cidr", Problem.Severity.ERROR),
                        tuple(32, "spec.nodes[1].addresses.ipv4", Problem.Severity.ERROR),
                        tuple(50, "spec.edge.nodes[1].cloudCoreAddress", Problem.Severity.ERROR),
                        tuple(53, "spec.edge.nodes[2].interface", Problem.Severity.ERROR));
        assertThat(Descriptors.withoutMetricsWarning(r.problems())).extracting(Problem::message).satisfiesExactly(
                m -> assertThat(m).contains("prefix /100 is too large"),
                m -> assertThat(m).contains("--cluster-cidr is managed by dualstack"),
                m -> assertThat(m).contains("must not be a loopback address"),
                m -> assertThat(m).contains("TLS handshake would fail"),
                m -> assertThat(m).contains("must not contain '/' or ':'"));
    }

    @Test
    void semanticWarningsComeWithSemanticErrors() {
        DescriptorLoader.Result r = DUAL.edit()
                .sub(13, "fd00:10:96::/112", "fec0::/112")
                .sub(22, "1000", "2")
                .sub(31, "192.0.2.11", "224.0.0.1")
                .load();
        assertThat(r.problems()).extracting(Problem::line, Problem::severity).containsExactly(
                tuple(9, Problem.Severity.WARNING), tuple(13, Problem.Severity.WARNING),
                tuple(22, Problem.Severity.WARNING), tuple(31, Problem.Severity.ERROR));
        assertThat(r.ok()).isFalse();
    }

    @Test
    void allSchemaErrorsAreReportedAndStopTheSemanticChecks() {
        DescriptorLoader.Result r = DUAL.edit()
                .sub(7, "factory-east", "Factory-East")      // schema: name pattern
                .sub(20, "NodePort", "ClusterIP")            // schema: enum
                .after(22, "    nodeLimt: 5")                // schema: unknown field
                .sub(31, "192.0.2.11", "127.0.0.11")         // semantic: loopback, not reported
                .sub(13, "10.96.0.0/12", "10.96.0.0/8")      // semantic: too large, not reported
                .load();
        assertThat(r.ok()).isFalse();
        assertThat(r.resolved()).as("defaults are not applied to a schema-invalid tree").isNull();
        assertThat(r.problems())
                .extracting(Problem::line, Problem::path)
                .containsExactly(
                        tuple(7, "metadata.name"),
                        tuple(20, "spec.cloudCore.exposure"),
                        tuple(23, "spec.cloudCore.nodeLimt"));
    }

    @Test
    void allReaderErrorsAreReportedAndStopTheSchema() {
        DescriptorLoader.Result r = DUAL.edit()
                .sub(11, "version: v1.32.4", "version: !!str v1.32.4")   // tag
                .after(22, "    quic: yes")                             // YAML 1.1 boolean
                .sub(39, "labels: {", "labels: &l {")                   // anchor
                .after(39, "      bogus: 1")                           // schema: unknown field, not reported
                .load();
        assertThat(r.ok()).isFalse();
        assertThat(r.problems())
                .extracting(Problem::line, Problem::path)
                .containsExactly(
                        tuple(11, "spec.kubernetes.version"),
                        tuple(23, "spec.cloudCore.quic"),
                        tuple(40, "spec.edge.defaults.labels"));
    }

    @Test
    void aProblemPrintsAsFileLineColumnPathMessage() {
        Problem p = Descriptors.errors(DUAL.edit().sub(13, "fd00:10:96::/112", "fd00:10:96::/100").load()).get(0);
        assertThat(p.toString()).isEqualTo("site.yaml:13:49: spec.kubernetes.serviceSubnets.ipv6: prefix /100 is too large;"
                + " IPv6 service subnets must be /108 or smaller (kube-apiserver)");
        Problem w = Descriptors.withoutMetricsWarning(Descriptors.warnings(DUAL.edit().sub(22, "1000", "2").load())).get(0);
        assertThat(w.toString()).startsWith("site.yaml:22:16: warning: spec.cloudCore.nodeLimit: is 2 but the site has 3 edge nodes");
        Problem doc = Descriptors.errors(Descriptors.load("")).get(0);
        assertThat(doc.toString()).isEqualTo("site.yaml:1:1: descriptor is empty");
    }
}
