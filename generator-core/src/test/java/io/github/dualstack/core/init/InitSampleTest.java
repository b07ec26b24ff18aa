package io.github.dualstack.core.init;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.dualstack.core.Dualstack;
import io.github.dualstack.core.Problem;
import io.github.dualstack.core.Report;
import io.github.dualstack.core.Request;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * init on the brownfield sample's baseline: the starter it writes, what validate then says of it, and that the
 * starter with the sample's IPv6 values filled in is the sample's own descriptor and generates its committed tree.
 */
class InitSampleTest {

    private static final Path EXPECTED = Path.of("src", "test", "resources", "init", "brownfield-kubeadm.starter.yaml");
    private static final YAMLMapper YAML = new YAMLMapper();

    /** The sample's IPv6 values, put where the starter's TODO comments are. */
    private static final Map<String, String> IPV6 = Map.ofEntries(
            Map.entry("{ipv4: 10.244.0.0/16}   # TODO: add ipv6: the IPv6 pod subnet",
                    "{ipv4: 10.244.0.0/16, ipv6: \"fd00:10:244::/56\"}"),
            Map.entry("{ipv4: 10.96.0.0/12}   # TODO: add ipv6: the IPv6 service subnet, /108 to /124",
                    "{ipv4: 10.96.0.0/12, ipv6: \"fd00:10:96::/112\"}"),
            Map.entry("    # TODO: add ipv6Pool: {cidr: ..., encapsulation: None}: the IPv6 IPPool, inside the IPv6 pod"
                            + " subnet\n",
                    "    ipv6Pool: {cidr: \"fd00:10:244::/56\", blockSize: 122, natOutgoing: true, encapsulation: None}\n"),
            Map.entry("[192.0.2.11]   # TODO: add an IPv6 address edges may dial", "[192.0.2.11, \"2001:db8:1::11\"]"));

    @TempDir
    Path dir;
    InitFixture fx;

    @BeforeEach
    void copy() {
        fx = new InitFixture(dir.resolve("plant"));
    }

    @Test
    void theSampleBaselineGivesTheStarter() throws Exception {
        Report.Init r = fx.init();
        assertThat(r.problems()).isEmpty();
        assertThat(r.ok()).isTrue();
        assertThat(r.todos()).isEqualTo(17);
        assertThat(r.summary()).startsWith("wrote " + fx.site + ": 17 value(s) to add, each marked TODO (");
        assertThat(fx.descriptor()).isEqualTo(Files.readString(EXPECTED)).isEqualTo(r.text().orElseThrow());
        assertThat(fx.descriptor()).startsWith("# yaml-language-server: $schema=https://dualstack.github.io/schemas/"
                + "site.schema.json\n");
        assertThat(fx.descriptor().split("# TODO: ", -1)).hasSize(17 + 1);
        try (Stream<Path> files = Files.list(fx.dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no staged file left")
                    .containsExactlyInAnyOrder("baseline", "site.yaml");
        }
    }

    @Test
    void theSameBaselineGivesTheSameBytes() throws Exception {
        InitFixture other = new InitFixture(dir.resolve("elsewhere"));
        fx.init();
        other.init();
        assertThat(Files.readAllBytes(other.site)).isEqualTo(Files.readAllBytes(fx.site));
    }

    @Test
    void validateNamesEveryValueLeftOutWhereItsTodoIs() throws Exception {
        fx.init();
        String starter = fx.descriptor();

        // The edges' interfaces, which no capture holds (an edge may inherit one from its group or the defaults).
        String noInterface = ": is required: neither the node, its group nor spec.edge.defaults names the interface"
                + " that carries its addresses";
        assertThat(located(validate())).filteredOn(p -> p.contains(".interface")).containsExactly(
                "66:9: spec.edge.nodes[0].interface" + noInterface,
                "69:9: spec.edge.nodes[1].interface" + noInterface,
                "72:9: spec.edge.nodes[2].interface" + noInterface,
                "76:9: spec.edge.nodes[3].interface" + noInterface);

        // Then every IPv6 value, and nothing else but the warning the sample has too.
        Files.writeString(fx.site, withInterfaces(starter));
        Report.Validate second = validate();
        String v6 = ": is required: the site's ipFamilies include IPv6";
        assertThat(located(second)).containsExactly(
                "17:17: spec.kubernetes.podSubnets.ipv6" + v6,
                "18:21: spec.kubernetes.serviceSubnets.ipv6" + v6,
                "25:5: spec.calico.ipv6Pool" + v6,
                "31:25: spec.cloudCore.advertiseAddresses: needs at least one IPv6 address: the site's ipFamilies"
                        + " include IPv6 and the CloudCore certificate must cover it",
                "warning: 36:29: spec.cloudCore.regenerateCertificates: the runbook re-signs CloudCore's server"
                        + " certificate; if the CA is replaced as well (casecret deleted), every existing edge"
                        + " certificate and join token becomes invalid and each edge must join again",
                "41:18: spec.nodes[0].addresses.ipv6" + v6,
                "45:18: spec.nodes[1].addresses.ipv6" + v6,
                "49:18: spec.nodes[2].addresses.ipv6" + v6,
                "53:18: spec.nodes[3].addresses.ipv6" + v6,
                "57:18: spec.nodes[4].addresses.ipv6" + v6,
                "68:20: spec.edge.nodes[0].addresses.ipv6" + v6,
                "71:20: spec.edge.nodes[1].addresses.ipv6" + v6,
                "74:20: spec.edge.nodes[2].addresses.ipv6" + v6,
                "78:20: spec.edge.nodes[3].addresses.ipv6" + v6);

        // Each error is at its TODO: on its line, or (a key left out of a mapping) the line after the mapping's
        // first, where the comment stands; and every TODO is named by one of the two runs.
        List<String> lines = List.of(starter.split("\n", -1));
        List<Problem> errors = second.errors();
        for (Problem p : errors) {
            String at = lines.get(p.line() - 1) + "\n" + lines.get(p.line());
            assertThat(at).as(p.toString()).contains("# TODO: ");
        }
        assertThat(errors.size() + 4).isEqualTo(17);
    }

    @Test
    void withTheSamplesIpv6ValuesItIsTheSamplesDescriptorAndGeneratesItsTree() throws Exception {
        fx.init();
        String filled = withIpv6(withInterfaces(fx.descriptor()));
        assertThat(filled).doesNotContain("# TODO: ");
        Files.writeString(fx.site, filled);
        Report.Validate starter = validate();
        assertThat(starter.errors()).isEmpty();
        Report.Validate sample = Dualstack.validate(Request.Validate.resolving(InitFixture.SAMPLE.resolve("site.yaml")));
        assertThat(sample.errors()).isEmpty();

        // Where the sample chose differently: it sets Calico's IPv6 autodetection to the IPv4 one, which the starter
        // leaves to its default (interface= the nodes' interfaces, anchored).
        ObjectNode expected = (ObjectNode) resolved(sample);
        ((ObjectNode) expected.at("/spec/calico/autodetection")).remove("ipv6");
        assertThat(resolved(starter)).isEqualTo(expected);

        Files.writeString(fx.site, filled.replace("autodetection: {ipv4: interface=eth0}   # ipv6: interface= the"
                + " nodes' interfaces unless set", "autodetection: {ipv4: interface=eth0, ipv6: interface=eth0}"));
        Report.Validate same = validate();
        assertThat(resolved(same)).isEqualTo(resolved(sample));

        Path out = fx.dir.resolve("generated");
        Report.Generate generated = Dualstack.generate(Request.Generate.of(fx.site, out));
        assertThat(generated.ok()).as(generated.summary()).isTrue();
        assertThat(tree(out)).isEqualTo(tree(InitFixture.SAMPLE.resolve("generated")));
    }

    /** The edges' interfaces, as the sample has them. */
    static String withInterfaces(String starter) {
        String todo = "        # TODO: add interface: the edge's network interface that carries its addresses\n";
        String out = starter;
        for (String iface : List.of("eth0", "eth0", "enp1s0", "eth0")) {
            int at = out.indexOf(todo);
            assertThat(at).isNotNegative();
            out = out.substring(0, at) + "        interface: " + iface + "\n" + out.substring(at + todo.length());
        }
        assertThat(out).doesNotContain(todo);
        return out;
    }

    static String withIpv6(String starter) {
        String out = starter;
        for (Map.Entry<String, String> e : IPV6.entrySet()) {
            assertThat(out).contains(e.getKey());
            out = out.replace(e.getKey(), e.getValue());
        }
        out = out.replaceAll("\\{ipv4: 192\\.0\\.2\\.(\\d+)}   # TODO: add ipv6: the node's IPv6 address",
                "{ipv4: 192.0.2.$1, ipv6: \"2001:db8:1::$1\"}");
        return out.replaceAll("\\{ipv4: 198\\.51\\.100\\.(\\d+)}   # TODO: add ipv6: the edge's IPv6 address",
                "{ipv4: 198.51.100.$1, ipv6: \"2001:db8:2::$1\"}");
    }

    private Report.Validate validate() throws Exception {
        return Dualstack.validate(Request.Validate.resolving(fx.site));
    }

    /** {@code line:column: path: message}, warnings marked first. */
    private static List<String> located(Report r) {
        return r.problems().stream().map(p -> (p.isError() ? "" : "warning: ") + p.line() + ":" + p.column() + ": "
                + p.path() + ": " + p.message()).toList();
    }

    private static JsonNode resolved(Report.Validate r) throws IOException {
        return YAML.readTree(r.resolved().orElseThrow().yaml());
    }

    /** Every file of a tree by its path, as text. */
    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                if (!root.relativize(p).toString().equals(".dualstack/stat-cache")) {   // per machine, never committed
                    files.put(root.relativize(p).toString(), Files.readString(p));
                }
            }
        }
        return files;
    }
}
