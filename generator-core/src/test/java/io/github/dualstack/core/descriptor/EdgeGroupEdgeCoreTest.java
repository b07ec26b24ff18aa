package io.github.dualstack.core.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.dualstack.core.Dualstack;
import io.github.dualstack.core.FleetSite;
import io.github.dualstack.core.Problem;
import io.github.dualstack.core.Report;
import io.github.dualstack.core.Request;
import io.github.dualstack.core.RunOptions;
import io.github.dualstack.core.model.EdgeCoreSettings;
import io.github.dualstack.core.model.EdgeNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The EdgeCore settings of edge groups: a node's own wins over its group's, the group's over the edge defaults'. */
class EdgeGroupEdgeCoreTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Nodes: n-defaults (no group), n-group (group g, nothing of its own), n-own (group g, its own value). */
    private static String site(String key, String atDefaults, String atGroup, String atNode) {
        return FleetSite.HEAD + """
                    defaults: {kubeedgeVersion: v1.22.0, interface: eth0, %s}
                    groups:
                      - name: g
                        %s
                        nodes:
                          - {name: n-group, addresses: {ipv4: 198.51.100.21, ipv6: "2001:db8:100::21"}}
                          - {name: n-own, addresses: {ipv4: 198.51.100.22, ipv6: "2001:db8:100::22"}, %s}
                    nodes:
                      - {name: n-defaults, addresses: {ipv4: 198.51.100.20, ipv6: "2001:db8:100::20"}}
                """.formatted(key + ": " + atDefaults, key + ": " + atGroup, key + ": " + atNode);
    }

    static Stream<Arguments> settings() {
        return Stream.of(
                Arguments.of("metaServer", "false", "true", "false",
                        (Function<EdgeCoreSettings, Object>) EdgeCoreSettings::metaServer, false, true, false),
                Arguments.of("clusterDNS", "[169.254.20.10]", "[169.254.96.16]", "[10.96.0.10]",
                        (Function<EdgeCoreSettings, Object>) s -> s.clusterDns().stream().map(Object::toString).toList(),
                        List.of("169.254.20.10"), List.of("169.254.96.16"), List.of("10.96.0.10")),
                Arguments.of("clusterDomain", "edge.local", "north.edge.local", "till.edge.local",
                        (Function<EdgeCoreSettings, Object>) s -> s.clusterDomain().orElseThrow(),
                        "edge.local", "north.edge.local", "till.edge.local"),
                Arguments.of("podSandboxImage", "registry.local/pause:3.6", "north.local/pause:3.6", "till.local/pause:3.9",
                        (Function<EdgeCoreSettings, Object>) EdgeCoreSettings::podSandboxImage,
                        "registry.local/pause:3.6", "north.local/pause:3.6", "till.local/pause:3.9"),
                Arguments.of("maxPods", "50", "30", "12", (Function<EdgeCoreSettings, Object>) EdgeCoreSettings::maxPods,
                        50, 30, 12));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void theNodesSettingWinsOverTheGroupsAndTheGroupsOverTheDefaults(String key, String atDefaults, String atGroup,
            String atNode, Function<EdgeCoreSettings, Object> value, Object fromDefaults, Object fromGroup,
            Object fromNode) {
        String text = site(key, atDefaults, atGroup, atNode).replace("advertiseAddresses:",
                "dynamicController: true\n    advertiseAddresses:");
        DescriptorLoader.Result r = new DescriptorLoader(1 << 20).load("site.yaml", text.getBytes(StandardCharsets.UTF_8));
        assertThat(r.problems()).filteredOn(Problem::isError).isEmpty();
        Map<String, EdgeNode> edges = r.site().edgeNodes().stream().collect(Collectors.toMap(EdgeNode::name, e -> e));
        assertThat(value.apply(edges.get("n-defaults").edgeCore())).isEqualTo(fromDefaults);
        assertThat(value.apply(edges.get("n-group").edgeCore())).isEqualTo(fromGroup);
        assertThat(value.apply(edges.get("n-own").edgeCore())).isEqualTo(fromNode);
        // the group's nodes share one instance; a node setting its own has one of its own
        assertThat(edges.get("n-group").edgeCore()).isNotSameAs(r.site().edgeCoreDefaults());
        assertThat(edges.get("n-defaults").edgeCore()).isSameAs(r.site().edgeCoreDefaults());
    }

    @Test
    void aProblemOfAGroupsSettingIsReportedAtTheGroupOnceAndANodesAtTheNode() {
        String text = site("clusterDNS", "[169.254.20.10]", "[10.95.0.10]", "[10.95.0.11]").replace(
                "n-group, addresses", "n-group, maxPods: 20, addresses");
        DescriptorLoader.Result r = new DescriptorLoader(1 << 20).load("site.yaml", text.getBytes(StandardCharsets.UTF_8));
        assertThat(r.problems()).filteredOn(Problem::isError).extracting(Problem::toString).containsExactly(
                "site.yaml:18:22: spec.edge.groups[0].clusterDNS[0]: 10.95.0.10 is neither in the IPv4 service subnet"
                        + " 10.96.0.0/12 (the cluster DNS Service) nor link-local (a node-local DNS such as EdgeMesh's"
                        + " 169.254.96.16)",
                "site.yaml:21:100: spec.edge.groups[0].nodes[1].clusterDNS[0]: 10.95.0.11 is neither in the IPv4 service"
                        + " subnet 10.96.0.0/12 (the cluster DNS Service) nor link-local (a node-local DNS such as"
                        + " EdgeMesh's 169.254.96.16)");
    }

    @TempDir
    Path dir;

    @Test
    void aGroupNodesEdgeCoreYamlCarriesTheGroupsValueAndANodesOwnWins() throws Exception {
        Path descriptor = Files.writeString(dir.resolve("site.yaml"), site("maxPods", "50", "30", "12"));
        Path out = dir.resolve("generated");
        Report.Generate r = Dualstack.generate(new Request.Generate(descriptor, out, false, RunOptions.builder().build()));
        assertThat(r.ok()).as(r.summary() + r.problems()).isTrue();
        assertThat(maxPods(out, "n-defaults")).isEqualTo(50);
        assertThat(maxPods(out, "n-group")).isEqualTo(30);
        assertThat(maxPods(out, "n-own")).isEqualTo(12);
    }

    private static int maxPods(Path out, String edge) throws Exception {
        JsonNode config = YAML.readTree(out.resolve("edge/" + edge + "/etc/kubeedge/config/edgecore.yaml").toFile());
        JsonNode maxPods = config.at("/modules/edged/tailoredKubeletConfig/maxPods");
        assertThat(maxPods.isInt()).as(edge).isTrue();
        return maxPods.asInt();
    }
}
