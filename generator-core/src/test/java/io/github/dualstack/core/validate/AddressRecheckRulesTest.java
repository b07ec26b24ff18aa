package io.github.dualstack.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.FleetSite;
import io.github.dualstack.core.Problem;
import io.github.dualstack.core.descriptor.DescriptorLoader;
import io.github.dualstack.core.model.EdgeNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** discover.recheckEvery: inherited like the families, checked once where it is written, only for discovering nodes. */
class AddressRecheckRulesTest {

    private static DescriptorLoader.Result load(String edge) {
        return new DescriptorLoader(1 << 20).load("site.yaml", (FleetSite.HEAD + edge).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theNodesSpanWinsOverTheGroupsAndTheGroupsOverTheDefaultsForDiscoveringNodesOnly() {
        DescriptorLoader.Result r = load("""
                    defaults: {kubeedgeVersion: v1.22.0, interface: eth0, discover: {recheckEvery: 1h}}
                    groups:
                      - name: north
                        discover: {recheckEvery: 5min, ipv6: {}}
                        nodes:
                          - {name: n-1, addresses: {ipv4: 172.16.8.1}}
                          - {name: n-2, addresses: {ipv4: 172.16.8.2}, discover: {recheckEvery: 10min}}
                          - {name: n-3, addresses: {ipv4: 172.16.8.3, ipv6: "2001:db8:8::3"}}
                    nodes:
                      - {name: d-1, addresses: {ipv4: 172.16.8.4}, discover: {ipv6: {}}}
                """);
        assertThat(r.problems()).filteredOn(Problem::isError).isEmpty();
        Map<String, Optional<String>> every = r.site().edgeNodes().stream().collect(Collectors.toMap(EdgeNode::name,
                e -> e.recheck().map(a -> a.every())));
        assertThat(every).containsExactlyInAnyOrderEntriesOf(Map.of("n-1", Optional.of("5min"),
                "n-2", Optional.of("10min"), "n-3", Optional.empty(), "d-1", Optional.of("1h")));
    }

    @Test
    void aBadSpanIsReportedOnceAtItsField() {
        DescriptorLoader.Result r = load("""
                    defaults: {kubeedgeVersion: v1.22.0, interface: eth0}
                    groups:
                      - name: north
                        discover: {recheckEvery: 30s, ipv6: {}}
                        nodes:
                          - {name: n-1, addresses: {ipv4: 172.16.8.1}}
                          - {name: n-2, addresses: {ipv4: 172.16.8.2}}
                          - {name: n-3, addresses: {ipv4: 172.16.8.3}, discover: {recheckEvery: 5 minuts}}
                """);
        List<String> errors = r.problems().stream().filter(Problem::isError).map(Problem::toString).toList();
        assertThat(errors).containsExactly(
                "site.yaml:18:34: spec.edge.groups[0].discover.recheckEvery: is 30s: a recheck more often than once a"
                        + " minute only keeps the node busy; give at least 1min",
                "site.yaml:22:81: spec.edge.groups[0].nodes[2].discover.recheckEvery: must be a systemd time span such as"
                        + " 5min, 1h or 1h 30min (systemd.time(7)): whole or decimal numbers with the units s, min, h, d, w,"
                        + " M or y; 'minuts' is no unit");
    }
}
