package io.github.dualstack.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dualstack.core.model.EdgeNode;
import io.github.dualstack.core.model.IpFamily;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bundled samples, read through the core's one entry point as the CLI and the plugin do. */
class SamplesTest {

    /** Surefire runs in the module directory; the samples are at the top of the repository. */
    static Path sample(String name) {
        Path p = Path.of("..", "samples", name, "site.yaml");
        assertThat(p).exists();
        return p;
    }

    static Report.Validate validate(String name) throws DualstackException {
        return Dualstack.validate(Request.Validate.resolving(sample(name)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dual-stack-site", "ipv6-only", "ipv6-primary-hostnetwork", "brownfield-kubeadm",
            "calico-operator", "keadm-site", "new-cluster-kubeadm", "retail-fleet"})
    void everySampleIsValid(String name) throws Exception {
        Report.Validate r = validate(name);
        assertThat(r.errors()).isEmpty();
        assertThat(r.hasErrors()).isFalse();
        assertThat(r.site()).isPresent();
        assertThat(r.resolved()).isPresent();
        assertThat(Dualstack.validate(Request.Validate.of(sample(name))).resolved()).as("not asked for: not kept")
                .isEmpty();
        assertThat(Files.readString(sample(name))).startsWith("# yaml-language-server: $schema=../../schemas/site.schema.json\n");
    }

    @Test
    void dualStackSiteHasOnlyTheMetricsWarningAndResolvesItsDefaults() throws Exception {
        Report.Validate r = validate("dual-stack-site");
        assertThat(r.problems()).extracting(Problem::path, Problem::severity, Problem::message)
                .containsExactly(tuple("spec.ipFamilies", Problem.Severity.WARNING, METRICS_WARNING));
        var site = r.site().orElseThrow();
        assertThat(site.ipFamilies()).containsExactly(IpFamily.IPv4, IpFamily.IPv6);
        assertThat(site.nodes()).hasSize(2);
        assertThat(site.edgeNodes()).hasSize(3);
        // defaults from the schema
        assertThat(site.kubernetes().imageRepository()).isEqualTo("registry.k8s.io");
        assertThat(site.kubernetes().dnsDomain()).isEqualTo("cluster.local");
        assertThat(site.kubernetes().nodeMaskSizes().ipv4()).isEqualTo(24);
        assertThat(site.kubernetes().nodeMaskSizes().ipv6()).isEqualTo(64);
        assertThat(site.kubernetes().allocateNodeCIDRs()).isTrue();
        assertThat(site.cloudCore().namespace()).isEqualTo("kubeedge");
        assertThat(site.cloudCore().ports().byName()).containsExactly(
                org.assertj.core.api.Assertions.entry("websocket", 10000), org.assertj.core.api.Assertions.entry("quic", 10001),
                org.assertj.core.api.Assertions.entry("https", 10002), org.assertj.core.api.Assertions.entry("stream", 10003),
                org.assertj.core.api.Assertions.entry("tunnel", 10004));
        assertThat(site.cloudCore().nodePorts().websocket()).isEqualTo(30000);
        // edge defaults are resolved per node; the node's own setting wins, labels merge
        var e2 = site.edgeNodes().get(1);
        assertThat(e2.hubFamily()).isEqualTo(IpFamily.IPv4);
        assertThat(e2.labels()).containsEntry("site", "factory-east").containsEntry("line", "2");
        assertThat(site.edgeNodes().get(0).hubFamily()).isEqualTo(IpFamily.IPv6);
        assertThat(site.edgeNodes().get(2).cgroupDriver()).isEqualTo(EdgeNode.CgroupDriver.cgroupfs);
        assertThat(SiteSummary.of(site)).contains("factory-east (dual-stack, IPv4 primary)")
                .contains("2 x websocket over IPv6 to 2001:db8::10")
                .contains("1 x websocket over IPv4 to 192.0.2.10");
    }

    private static final String METRICS_WARNING = "metrics-server and kubectl top get no metrics from edge nodes:"
            + " CloudStream's metrics path finds a session only for an edge whose nodeIP is one IPv4 address;"
            + " kubectl logs and exec work through the control-plane redirect (README.md, CloudStream step)";

    @Test
    void ipv6OnlySiteHasOnlyTheMetricsWarning() throws Exception {
        Report.Validate r = validate("ipv6-only");
        assertThat(r.problems()).extracting(Problem::path, Problem::severity, Problem::message)
                .containsExactly(tuple("spec.ipFamilies", Problem.Severity.WARNING, METRICS_WARNING));
        assertThat(r.site().orElseThrow().ipFamilies()).containsExactly(IpFamily.IPv6);
        // family-keyed defaults apply only to the site's families
        assertThat(r.site().orElseThrow().kubernetes().nodeMaskSizes().ipv4()).isNull();
        assertThat(r.resolved().orElseThrow().yaml()).contains("    nodeMaskSizes:\n      ipv6: 64\n    allocateNodeCIDRs");
    }

    @Test
    void ipv6PrimaryHostNetworkHasExactlyItsTwoWarnings() throws Exception {
        Report.Validate r = validate("ipv6-primary-hostnetwork");
        String file = sample("ipv6-primary-hostnetwork").toString();
        assertThat(r.problems())
                .extracting(Problem::file, Problem::line, Problem::column, Problem::path, Problem::severity, Problem::message)
                .containsExactly(
                        tuple(file, 9, 15, "spec.ipFamilies", Problem.Severity.WARNING,
                                METRICS_WARNING),
                        tuple(file, 31, 29, "spec.cloudCore.regenerateCertificates", Problem.Severity.WARNING,
                                "the runbook re-signs CloudCore's server certificate; if the CA is replaced as well"
                                        + " (casecret deleted), every existing edge certificate and join token becomes"
                                        + " invalid and each edge must join again"));
        assertThat(r.warnings()).hasSize(2);
        assertThat(r.problems().get(0).toString())
                .isEqualTo(file + ":9:15: warning: spec.ipFamilies: " + METRICS_WARNING);
        assertThat(SiteSummary.of(r.site().orElseThrow())).contains("telco-west (dual-stack, IPv6 primary)")
                .contains("1 x quic over IPv6 to 2001:db8:20::10")
                .contains("1 x quic over IPv6 to cloudcore.telco-west.example.net");
    }

    /** The fleet sample: its inventory's rows are in the resolved descriptor, and its warnings say what it gives up. */
    @Test
    void retailFleetMergesItsInventoryAndWarnsAboutDiscoveryAndTheSharedLan() throws Exception {
        Report.Validate r = validate("retail-fleet");
        assertThat(r.errors()).isEmpty();
        assertThat(r.warnings()).extracting(Problem::path).containsExactly("spec.ipFamilies", "spec.edge.groups[0].discover.ipv4",
                "spec.edge.groups[0].discover.ipv6", "spec.edge.groups[1].sharedPrivateLan");
        JsonNode nodes = new ObjectMapper().readTree(r.resolved().orElseThrow().json()).at("/spec/edge/nodes");
        assertThat(nodes).hasSize(4);
        assertThat(nodes.get(1).path("interface").asText()).isEqualTo("enp2s0");
        assertThat(nodes.get(3).path("labels").path("floor").asText()).isEqualTo("ground");
        assertThat(r.site().orElseThrow().edgeNodes()).allSatisfy(e -> assertThat(e.labels()).containsEntry("fleet", "retail"))
                .filteredOn(e -> e.fleet().group().orElseThrow().equals("north"))
                .allSatisfy(e -> assertThat(e.discoversAny()).isTrue());
    }
}
