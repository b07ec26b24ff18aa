package io.github.dualstack.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.descriptor.DescriptorLoader;
import io.github.dualstack.core.descriptor.StrictYamlReader;
import io.github.dualstack.core.model.EdgeNode;
import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.fixtures.SyntheticSite;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * KubeEdge's scale target: 100,000 edge nodes in one descriptor. Validation must be linear (hash-based duplicate
 * checks), so this runs in seconds; the time is published to the test report, not asserted.
 */
class LargeSiteTest {

    static final int EDGES = 100_000;
    static final long SEED = 20_260_101L;

    @Test
    void aHundredThousandEdgeNodesValidate(TestReporter reporter) {
        byte[] bytes = new SyntheticSite(EDGES, SEED).bytes();
        assertThat((long) bytes.length).isLessThan(StrictYamlReader.DEFAULT_MAX_BYTES);

        long start = System.nanoTime();
        DescriptorLoader.Result r = Descriptors.load(bytes, StrictYamlReader.DEFAULT_MAX_BYTES);
        long millis = (System.nanoTime() - start) / 1_000_000;
        String figure = "validated " + EDGES + " edge nodes (" + bytes.length + " bytes) in " + millis + " ms";
        reporter.publishEntry("LargeSiteTest", figure);
        System.out.println("LargeSiteTest: " + figure);

        assertThat(Descriptors.withoutMetricsWarning(r.problems())).isEmpty();
        assertThat(r.ok()).isTrue();
        assertThat(r.site().nodes()).hasSize(SyntheticSite.CLOUD_NODES);
        assertThat(r.site().edgeNodes()).hasSize(EDGES);
        EdgeNode first = r.site().edgeNodes().get(0);
        EdgeNode last = r.site().edgeNodes().get(EDGES - 1);
        assertThat(first.name()).isEqualTo("edge-000001");
        assertThat(first.addresses().ipv4()).hasToString("100.64.0.1");
        assertThat(first.addresses().ipv6()).hasToString("2001:db8:1::1");
        assertThat(last.name()).isEqualTo("edge-100000");
        assertThat(last.addresses().ipv4()).hasToString("100.65.134.160");
        assertThat(last.addresses().ipv6()).hasToString("2001:db8:1::1:86a0");
        Set<String> names = new HashSet<>();
        r.site().edgeNodes().forEach(e -> names.add(e.name()));
        assertThat(names).hasSize(EDGES);
        // the seed's variations are there: hub families, QUIC, cgroup drivers, KubeEdge versions, labels
        assertThat(r.site().edgeNodes()).anyMatch(e -> e.hubFamily() == IpFamily.IPv4)
                .anyMatch(e -> e.hubFamily() == IpFamily.IPv6)
                .anyMatch(e -> e.hubProtocol() == EdgeNode.HubProtocol.quic)
                .anyMatch(e -> e.hubProtocol() == EdgeNode.HubProtocol.websocket)
                .anyMatch(e -> e.cgroupDriver() == EdgeNode.CgroupDriver.cgroupfs)
                .anyMatch(e -> e.kubeedgeVersion().equals("v1.23.1"));
        assertThat(r.site().edgeNodes().stream().map(EdgeNode::labels).distinct().count()).isGreaterThan(10);
    }

    @Test
    void theSyntheticSiteIsDeterministic() {
        assertThat(new SyntheticSite(500, 7).yaml()).isEqualTo(new SyntheticSite(500, 7).yaml())
                .isNotEqualTo(new SyntheticSite(500, 8).yaml());
        assertThat(Descriptors.load(new SyntheticSite(0, 1).yaml()).problems()).isEmpty();
    }

    /** A duplicate name and a duplicate address (spelled differently) deep in a large site are each found once. */
    @Test
    void duplicatesAmongManyEdgesAreReportedOnceWithBothPlaces() {
        int edges = 20_000;
        String yaml = new SyntheticSite(edges, SEED).yaml()
                .replace("      - name: " + SyntheticSite.edgeName(edges) + "\n", "      - name: " + SyntheticSite.edgeName(1) + "\n")
                .replace("ipv6: \"" + SyntheticSite.edgeIpv6(edges - 1) + "\"", "ipv6: \"2001:DB8:1:0:0:0:0:2\"");
        DescriptorLoader.Result r = Descriptors.load(yaml.getBytes(StandardCharsets.UTF_8), StrictYamlReader.DEFAULT_MAX_BYTES);
        assertThat(r.ok()).isFalse();
        assertThat(Descriptors.errors(r)).extracting(Problem::path, Problem::message).containsExactly(
                org.assertj.core.api.Assertions.tuple("spec.edge.nodes[19998].addresses.ipv6",
                        "duplicate address 2001:db8:1::2, already used at spec.edge.nodes[1].addresses.ipv6"),
                org.assertj.core.api.Assertions.tuple("spec.edge.nodes[19999].name",
                        "duplicate node name 'edge-000001', first used at spec.edge.nodes[0].name;"
                                + " names must be unique across cloud and edge nodes"));
    }
}
