package io.github.dualstack.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.FleetSite;
import io.github.dualstack.core.plan.view.EdgeFleetView;
import io.github.dualstack.core.plan.view.RunbookView;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The runbook's fleet part: counts and group names of the edges that discover an address, what join.sh does there,
 * the recheck timer, and the NodeGroup steps; none of it for a site without them.
 */
class FleetRunbookTest {

    private static final String SITE = FleetSite.HEAD + """
                defaults: {kubeedgeVersion: v1.22.0, interface: eth0, hubFamily: IPv6}
                groups:
                  - name: north
                    labels: {region: north}
                    nodeGroup: true
                    discover: {recheckEvery: 5min, ipv6: {prefix: "2001:db8:4000::/36"}}
                    nodes:
                      - {name: shop-1, addresses: {ipv4: 172.16.8.20}}
                      - {name: shop-2, addresses: {ipv4: 172.16.8.21}}
                      - {name: shop-3, addresses: {ipv4: 172.16.8.23, ipv6: "2001:db8:4000:3::23"}}
                  - name: south
                    labels: {region: south}
                    nodeGroup: true
                    discover: {ipv4: {}, ipv6: {}}
                    nodes:
                      - {name: shop-4}
                nodes:
                  - {name: lab-1, addresses: {ipv4: 172.16.9.1}, discover: {recheckEvery: 1h, ipv6: {}}}
            """;

    @Test
    void theFleetViewCountsTheDiscoveringNodesPerFamilyAndNamesTheirGroups() {
        RunbookView v = (RunbookView) ScriptHarness.file(ScriptHarness.loadText(SITE), "README.md").view();
        assertThat(v.fleet()).contains(new EdgeFleetView(List.of(
                new EdgeFleetView.Discovered("IPv4", 1, List.of("south"), 0),
                new EdgeFleetView.Discovered("IPv6", 4, List.of("north", "south"), 1)), "lab-1",
                List.of(new EdgeFleetView.Recheck("1h", 1), new EdgeFleetView.Recheck("5min", 2)),
                List.of(new EdgeFleetView.NodeGroup("north", "cluster/kubeedge/north.nodegroup.yaml"),
                        new EdgeFleetView.NodeGroup("south", "cluster/kubeedge/south.nodegroup.yaml"))));
        RunbookView none = (RunbookView) ScriptHarness.file(ScriptHarness.load("dual-stack-site"), "README.md").view();
        assertThat(none.fleet()).isEqualTo(Optional.empty());
    }

    @Test
    void theRunbookSaysWhatJoinShDoesOnDiscoveringNodesAndHowToCheckTheNodeGroups() {
        String runbook = ScriptHarness.runbook(ScriptHarness.loadText(SITE));
        assertThat(runbook).contains("**Addresses found at join time.** 1 edge node discovers its IPv4 address (group"
                        + " south); 4 edge nodes discover their IPv6 address (groups north, south, and 1 outside a group).")
                .contains("./join.sh lab-1 --dry-run      # prints: join.sh: nodeIP ... (found on IFACE)")
                .contains("1 of them gets the timer every 1h; 2 of them get the timer every 5min:")
                .contains("`dualstack-nodeip.timer` and `dualstack-nodeip.service`")
                .contains("journalctl -u dualstack-nodeip.service")
                .contains("edged finds the node IP itself only while `nodeIP` is unset, and then\nreports a single"
                        + " address, which would lose dual-stack.")
                .contains("**NodeGroups.** The groups north, south each get a KubeEdge NodeGroup")
                .contains("kubectl apply -f cluster/kubeedge/north.nodegroup.yaml -f cluster/kubeedge/south.nodegroup.yaml\n"
                        + "kubectl get nodegroups.apps.kubeedge.io\n"
                        + "kubectl get nodegroups.apps.kubeedge.io north -o jsonpath='{.status.nodeStatuses}'\n"
                        + "kubectl get nodes -l apps.kubeedge.io/belonging-to=north\n");
        String plain = ScriptHarness.runbook(ScriptHarness.load("dual-stack-site"));
        assertThat(plain).doesNotContain("Addresses found at join time").doesNotContain("NodeGroup")
                .doesNotContain("dualstack-nodeip");
        String noTimer = ScriptHarness.runbook(ScriptHarness.loadText(SITE.replace("recheckEvery: 5min, ", "")
                .replace("recheckEvery: 1h, ", "").replace("nodeGroup: true", "nodeGroup: false")));
        assertThat(noTimer).contains("Where an address changes while the node runs, run `./join.sh NODE --config-only"
                + " --skip-preflight` on it again").doesNotContain("dualstack-nodeip").doesNotContain("**NodeGroups.**");
    }
}
