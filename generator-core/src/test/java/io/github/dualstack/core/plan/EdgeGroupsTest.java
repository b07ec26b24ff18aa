package io.github.dualstack.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.model.EdgeCoreSettings;
import io.github.dualstack.core.model.EdgeNode;
import io.github.dualstack.core.model.FamilyPair;
import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.net.IpAddress;
import io.github.dualstack.core.net.IpLiterals;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The Ansible groups of edge nodes: one per label, names Ansible accepts, no two labels in one group. */
class EdgeGroupsTest {

    /** The groups do not depend on the addresses: every node has these. */
    private static final FamilyPair<IpAddress> ADDRESSES = new FamilyPair<>(address("192.0.2.1"), address("2001:db8::1"));

    private static IpAddress address(String text) {
        try {
            return IpAddress.parse(text);
        } catch (IpLiterals.InvalidLiteral e) {
            throw new AssertionError(e);
        }
    }

    private static EdgeNode edge(String name, Map<String, String> labels) {
        return new EdgeNode(name, "eth0", ADDRESSES, "v1.22.0", IpFamily.IPv6,
                EdgeNode.HubProtocol.websocket, EdgeNode.CgroupDriver.systemd,
                "unix:///run/containerd/containerd.sock", new TreeMap<>(labels), Optional.empty(),
                new EdgeCoreSettings(false, List.of(), Optional.empty(), "kubeedge/pause:3.6", 110));
    }

    @Test
    void oneGroupPerLabelWithItsNodesSorted() {
        assertThat(EdgeGroups.of(List.of(edge("edge-2", Map.of("line", "1", "site", "east")),
                edge("edge-1", Map.of("line", "1")), edge("edge-3", Map.of("line", "2"))))).isEqualTo(new TreeMap<>(Map.of(
                        "edge_line_1", List.of("edge-1", "edge-2"),
                        "edge_line_2", List.of("edge-3"),
                        "edge_site_east", List.of("edge-2"))));
    }

    @Test
    void prefixedKeysAndValuesBecomeLettersDigitsAndUnderscores() {
        assertThat(EdgeGroups.of(List.of(edge("edge-1", Map.of("node-role.kubernetes.io/edge", "",
                "topology.kubernetes.io/zone", "eu-west.1b"))))).containsOnlyKeys(
                "edge_node_role_kubernetes_io_edge_", "edge_topology_kubernetes_io_zone_eu_west_1b");
    }

    @Test
    void labelsThatWouldShareAGroupEachGetOneOfTheirOwn() {
        var groups = EdgeGroups.of(List.of(edge("edge-1", Map.of("zone", "a-b")), edge("edge-2", Map.of("zone", "a.b")),
                edge("edge-3", Map.of("zone", "c"))));
        assertThat(groups).hasSize(3).containsEntry("edge_zone_c", List.of("edge-3"));
        assertThat(groups.keySet()).allMatch(g -> g.matches("[A-Za-z0-9_]+"));
        assertThat(groups.values()).containsOnly(List.of("edge-1"), List.of("edge-2"), List.of("edge-3"));
        assertThat(groups.keySet()).filteredOn(g -> g.startsWith("edge_zone_a_b_")).hasSize(2)
                .allMatch(g -> g.matches("edge_zone_a_b_[0-9a-f]{8}"));
        assertThat(EdgeGroups.of(List.of(edge("edge-1", Map.of("zone", "a-b"))))).containsOnlyKeys("edge_zone_a_b");
    }

    @Test
    void noLabelsNoGroups() {
        assertThat(EdgeGroups.of(List.of(edge("edge-1", Map.of())))).isEmpty();
        assertThat(EdgeGroups.of(List.of())).isEmpty();
    }
}
