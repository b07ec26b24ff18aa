package io.github.dualstack.core.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.FleetSite;
import io.github.dualstack.core.Problem;
import io.github.dualstack.core.model.EdgeNode;
import io.github.dualstack.core.model.IpFamily;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Edge groups and an inventory beside the descriptor: precedence, located problems, hostile files. */
class EdgeInventoryTest {

    private static final String SITE = FleetSite.HEAD + """
                defaults: {kubeedgeVersion: v1.22.0, interface: eth0, labels: {fleet: retail, tier: a}}
                groups:
                  - {name: north, kubeedgeVersion: v1.23.1, labels: {tier: b}, discover: {ipv6: {prefix: "2001:db8:4000::/36"}}}
                  - {name: lan, sharedPrivateLan: true}
                inventory: {file: edges.csv}
            """;

    @TempDir
    Path dir;

    private DescriptorLoader.Result load(String csv) throws IOException {
        return load(SITE, csv.getBytes(StandardCharsets.UTF_8));
    }

    private DescriptorLoader.Result load(String site, byte[] csv) throws IOException {
        Files.write(dir.resolve("edges.csv"), csv);
        Path descriptor = Files.writeString(dir.resolve("site.yaml"), site);
        return new DescriptorLoader(1 << 20).load("site.yaml", Files.readAllBytes(descriptor), true, Optional.empty(),
                Optional.of(descriptor));
    }

    private static List<String> errors(DescriptorLoader.Result r) {
        return r.problems().stream().filter(Problem::isError).map(Problem::toString).toList();
    }

    @Test
    void nodeSettingsWinOverTheGroupsAndTheGroupsOverTheDefaults() throws IOException {
        DescriptorLoader.Result r = load("""
                name,interface,ipv4,ipv6,group,labels
                shop-1,enp2s0,172.16.0.5,,north,tier=c;till=2
                shop-2,,172.16.0.6,2001:db8:4000:1::6,north,
                shop-3,,172.16.0.7,2001:db8:1::7,,
                """);
        assertThat(errors(r)).isEmpty();
        List<EdgeNode> edges = r.site().edgeNodes();
        assertThat(edges).extracting(EdgeNode::name).containsExactly("shop-1", "shop-2", "shop-3");
        EdgeNode one = edges.get(0);
        assertThat(one.interfaceName()).isEqualTo("enp2s0");
        assertThat(one.kubeedgeVersion()).isEqualTo("v1.23.1");
        assertThat(one.labels()).containsExactly(java.util.Map.entry("fleet", "retail"), java.util.Map.entry("tier", "c"),
                java.util.Map.entry("till", "2"));
        assertThat(one.discovers(IpFamily.IPv6)).isTrue();
        assertThat(one.fleet().discovery().ipv6().prefix()).hasValueSatisfying(p -> assertThat(p).hasToString("2001:db8:4000::/36"));
        // a known address wins over the group's discovery
        assertThat(edges.get(1).discovers(IpFamily.IPv6)).isFalse();
        assertThat(edges.get(1).labels()).containsEntry("tier", "b");
        assertThat(edges.get(2).kubeedgeVersion()).isEqualTo("v1.22.0");
        assertThat(edges.get(2).labels()).containsEntry("tier", "a");
        assertThat(r.resolved().at("/spec/edge/nodes/0/name").asText()).isEqualTo("shop-1");
    }

    @Test
    void everyProblemOfTheInventoryIsReportedAtItsLineAndColumnAtOnce() throws IOException {
        DescriptorLoader.Result r = load("""
                name,ipv4,ipv6,group
                shop-1,172.16.0.5,2001:db8:1::5,south
                shop-2,172.16.0.6,not-an-address,
                shop-3,172.16.0.5,2001:db8:1::7,
                shop-4,,2001:db8:1::8,
                """);
        assertThat(errors(load("name\nshop-1\nShop_2\n"))).containsExactly("edges.csv:3:1: name: must be a DNS-1123"
                + " label: lowercase letters, digits and '-', starting and ending with a letter or digit");
        assertThat(errors(r)).containsExactly(
                "edges.csv:2:33: group: no group named 'south' in spec.edge.groups",
                "edges.csv:3:19: ipv6: must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)",
                "edges.csv:4:8: ipv4: duplicate address 172.16.0.5, already used at edges.csv:2:8",
                "edges.csv:5:8: ipv4: is required: the site's ipFamilies include IPv4",
                "edges.csv:5:8: ipv4: needs an IPv4 address to reach CloudCore over its hub family; give it or discover it");
        assertThat(r.ok()).isFalse();
    }

    @Test
    void sharedPrivateLansMayRepeatIpv4AmongThemselvesOnlyWithAWarning() throws IOException {
        DescriptorLoader.Result ok = load("""
                name,ipv4,ipv6,group
                shop-1,192.168.1.10,2001:db8:5001::10,lan
                shop-2,192.168.1.10,2001:db8:5002::10,lan
                """);
        assertThat(errors(ok)).isEmpty();
        assertThat(ok.problems()).anyMatch(p -> !p.isError() && p.path().equals("spec.edge.groups[1].sharedPrivateLan")
                && p.message().contains("CloudStream"));
        DescriptorLoader.Result outside = load("""
                name,ipv4,ipv6,group
                shop-1,192.168.1.10,2001:db8:5001::10,lan
                shop-2,192.168.1.10,2001:db8:5002::10,
                shop-3,192.168.1.11,2001:db8:5002::10,lan
                """);
        assertThat(errors(outside)).containsExactly(
                "edges.csv:3:8: ipv4: duplicate address 192.168.1.10, already used at edges.csv:2:8"
                        + " in a shared private LAN; only nodes of groups with sharedPrivateLan may share an IPv4 address",
                "edges.csv:4:21: ipv6: duplicate address 2001:db8:5002::10, already used at edges.csv:3:21");
    }

    @Test
    void hostileContentIsRefusedWithItsPosition() throws IOException {
        assertThat(errors(load("name,ipv4,ipv6\nshop-1,=cmd|' /C calc'!A0,2001:db8::5\n"))).containsExactly(
                "edges.csv:2:8: ipv4: starts with \"=\", which a spreadsheet evaluates as a formula; an inventory holds plain values");
        assertThat(errors(load("name,ipv4\nshop-1,\"192.0.2.5\u0000\"\n"))).singleElement().asString()
                .startsWith("edges.csv:2:18: holds the control character \\u0000");
        assertThat(errors(load("name,ipv4\nshop-1,\"192.0.2.5\n"))).singleElement().asString()
                .startsWith("edges.csv:2:18: a line break inside a quoted field");
        assertThat(errors(load("name,ipv4\nshop-1,19\"2\n"))).singleElement().asString()
                .startsWith("edges.csv:2:10: a quote inside an unquoted field");
        assertThat(errors(load(SITE, new byte[] {'n', 'a', 'm', 'e', '\n', (byte) 0xc3, '(', '\n'}))).containsExactly(
                "edges.csv:1:1: is not UTF-8 text; export the inventory as UTF-8 CSV");
        assertThat(errors(load("name,ipv4\nshop-1\n"))).containsExactly("edges.csv:2:1: has 1 fields, but the header names 2");
    }

    @Test
    void theInventoryPathStaysInsideTheDescriptorsDirectoryAndWithinTheLimit() throws IOException {
        Path outside = Files.writeString(Files.createTempFile("fleet", ".csv"), "name\nshop-1\n");
        try {
            Files.createSymbolicLink(dir.resolve("linked.csv"), outside);
            Path descriptor = Files.writeString(dir.resolve("site.yaml"), SITE.replace("edges.csv", "linked.csv"));
            DescriptorLoader.Result r = new DescriptorLoader(1 << 20).load("site.yaml", Files.readAllBytes(descriptor),
                    true, Optional.empty(), Optional.of(descriptor));
            assertThat(errors(r)).singleElement().asString().startsWith("site.yaml:19:23: spec.edge.inventory.file: the"
                    + " inventory linked.csv leads through a symbolic link to").endsWith("outside the descriptor's directory; it must be inside it");
        } finally {
            Files.delete(outside);
        }
        assertThat(errors(load(SITE.replace("edges.csv", "../edges.csv"), new byte[0]))).singleElement().asString()
                .contains("spec.edge.inventory.file: must be a relative path inside the descriptor's directory");
        byte[] large = new byte[(1 << 20) + 1];
        java.util.Arrays.fill(large, (byte) 'a');
        assertThat(errors(load(SITE, large))).singleElement().asString()
                .contains("the inventory edges.csv is larger than 1048576 bytes");
    }

    @Test
    void aYamlInventoryIsLocatedInItsOwnFile() throws IOException {
        Files.writeString(dir.resolve("edges.yaml"), """
                nodes:
                  - {name: shop-1, group: north, addresses: {ipv4: 172.16.0.5}}
                  - name: shop-2
                    addresses: {ipv4: 172.16.0.5, ipv6: "2001:db8:1::6"}
                """);
        Path descriptor = Files.writeString(dir.resolve("site.yaml"), SITE.replace("edges.csv", "edges.yaml"));
        DescriptorLoader.Result r = new DescriptorLoader(1 << 20).load("site.yaml", Files.readAllBytes(descriptor), true,
                Optional.empty(), Optional.of(descriptor));
        assertThat(errors(r)).containsExactly("edges.yaml:4:23: nodes[1].addresses.ipv4: duplicate address 172.16.0.5,"
                + " already used at edges.yaml:2:52");
        Files.writeString(dir.resolve("edges.yaml"), "- {name: shop-1}\n");
        r = new DescriptorLoader(1 << 20).load("site.yaml", Files.readAllBytes(descriptor), true, Optional.empty(),
                Optional.of(descriptor));
        assertThat(errors(r)).containsExactly("edges.yaml:1:1: an inventory is a mapping with one key, nodes: a list of"
                + " edge nodes shaped like spec.edge.nodes");
    }

    @Test
    void aNodeGroupSelectsExactlyItsGroupsNodes() throws IOException {
        String site = SITE.replace("{name: lan, sharedPrivateLan: true}",
                "{name: lan, sharedPrivateLan: true, nodeGroup: true, labels: {shop: small}}");
        assertThat(errors(load(site, """
                name,ipv4,ipv6,group,labels
                shop-1,192.168.1.10,2001:db8:5001::10,lan,
                shop-2,192.168.1.11,2001:db8:5002::10,lan,shop=large
                shop-3,192.168.1.12,2001:db8:5003::10,,shop=small
                """.getBytes(StandardCharsets.UTF_8)))).containsExactly(
                "edges.csv:3:43: labels: overrides a label of its group 'lan', whose NodeGroup then would not select it",
                "edges.csv:4:40: labels: carries every label of group 'lan', so its NodeGroup would select this node too;"
                        + " give the group a label only its nodes carry");
        assertThat(errors(load(SITE.replace("{name: lan, sharedPrivateLan: true}", "{name: lan, nodeGroup: true}"),
                "name,ipv4,ipv6\nshop-1,192.168.1.10,2001:db8:5001::10\n".getBytes(StandardCharsets.UTF_8))))
                .containsExactly("site.yaml:18:32: spec.edge.groups[1].nodeGroup: a NodeGroup selects its nodes by the"
                        + " group's own labels; give the group labels");
    }

    /** A descriptor with one edge node of its own before the inventory's, and both ways of writing the inventory. */
    private static final String MIXED = SITE.replace("inventory: {file: edges.csv}", """
            nodes:
                  - {name: shop-0, interface: eth0, addresses: {ipv4: 172.16.0.1, ipv6: "2001:db8:1::1"}}
                inventory: {file: INVENTORY}""");

    @Test
    void everyRuleAboutAnInventoryNodeNamesItsCellAndTheFirstUseWhereItIs() throws IOException {
        DescriptorLoader.Result r = load(MIXED.replace("INVENTORY", "edges.csv"), """
                name,ipv4,ipv6
                shop-1,172.16.0.5,2001:db8:1::5
                shop-1,172.16.0.1,2001:db8:1::6
                shop-2,10.96.0.7,2001:db8:1::5
                shop-0,172.16.0.8,fd00:10:244::8
                """.getBytes(StandardCharsets.UTF_8));
        assertThat(errors(r)).containsExactly(
                "edges.csv:3:1: name: duplicate node name 'shop-1', first used at edges.csv:2:1; names must be unique"
                        + " across cloud and edge nodes",
                "edges.csv:3:8: ipv4: duplicate address 172.16.0.1, already used at spec.edge.nodes[0].addresses.ipv4",
                "edges.csv:4:8: ipv4: lies inside the service subnet 10.96.0.0/12; node addresses must be outside it",
                "edges.csv:4:18: ipv6: duplicate address 2001:db8:1::5, already used at edges.csv:2:19",
                "edges.csv:5:1: name: duplicate node name 'shop-0', first used at spec.edge.nodes[0].name; names must be"
                        + " unique across cloud and edge nodes",
                "edges.csv:5:19: ipv6: lies inside the pod subnet fd00:10:244::/56; node addresses must be outside it");
    }

    @Test
    void everyRuleAboutAYamlInventoryNodeNamesItsValueAndTheFirstUseWhereItIs() throws IOException {
        Files.writeString(dir.resolve("edges.yaml"), """
                nodes:
                  - {name: shop-1, addresses: {ipv4: 172.16.0.5, ipv6: "2001:db8:1::5"}}
                  - name: shop-1
                    addresses: {ipv4: 172.16.0.1, ipv6: "2001:db8:1::6"}
                  - name: shop-2
                    addresses:
                      ipv4: 10.96.0.7
                      ipv6: "2001:db8:1::5"
                    hubFamily: IPv4
                    cloudCoreAddress: "2001:db8:100::10"
                """);
        Path descriptor = Files.writeString(dir.resolve("site.yaml"), MIXED.replace("INVENTORY", "edges.yaml"));
        DescriptorLoader.Result r = new DescriptorLoader(1 << 20).load("site.yaml", Files.readAllBytes(descriptor), true,
                Optional.empty(), Optional.of(descriptor));
        assertThat(errors(r)).containsExactly(
                "edges.yaml:3:11: nodes[1].name: duplicate node name 'shop-1', first used at edges.yaml:2:12; names"
                        + " must be unique across cloud and edge nodes",
                "edges.yaml:4:23: nodes[1].addresses.ipv4: duplicate address 172.16.0.1, already used at"
                        + " spec.edge.nodes[0].addresses.ipv4",
                "edges.yaml:7:13: nodes[2].addresses.ipv4: lies inside the service subnet 10.96.0.0/12; node addresses"
                        + " must be outside it",
                "edges.yaml:8:13: nodes[2].addresses.ipv6: duplicate address 2001:db8:1::5, already used at"
                        + " edges.yaml:2:56",
                "edges.yaml:10:23: nodes[2].cloudCoreAddress: is an IPv6 address but the edge's hubFamily is IPv4");
    }
}
