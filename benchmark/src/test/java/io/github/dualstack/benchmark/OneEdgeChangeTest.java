package io.github.dualstack.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dualstack.fixtures.SyntheticSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OneEdgeChangeTest {

    private static final List<String> OWN = List.of("edge/edge-000004/etc/kubeedge/config/edgecore.yaml",
            "edge/edge-000004/join.env");

    @Test
    void editsOneLabelOfTheMiddleNodeInPlaceAndRestoresTheBytes(@TempDir Path tmp) throws IOException {
        Path site = new SyntheticSite(7, 42).writeTo(tmp.resolve("site.yaml"));
        List<String> before = Files.readAllLines(site);
        OneEdgeChange change = OneEdgeChange.of(site, 7);
        assertThat(change.node()).isEqualTo("edge-000004");

        change.apply();
        List<String> after = Files.readAllLines(site);
        assertThat(after).hasSameSizeAs(before);
        List<Integer> differing = java.util.stream.IntStream.range(0, before.size())
                .filter(i -> !before.get(i).equals(after.get(i))).boxed().toList();
        assertThat(differing).hasSize(1);
        int line = differing.get(0);
        assertThat(after.get(line)).matches("        labels: \\{zone: [a-z-]+, line: \"bench-changed\"}");
        // the edited line belongs to edge-000004: its entry is the nearest "- name:" above
        assertThat(after.subList(0, line).stream().filter(l -> l.contains("- name: ")).reduce((a, b) -> b))
                .hasValue("      - name: edge-000004");

        change.restore();
        assertThat(Files.readString(site, StandardCharsets.UTF_8)).isEqualTo(new SyntheticSite(7, 42).yaml());
    }

    @Test
    void editsTheNodesRowOfACsvInventory(@TempDir Path tmp) throws IOException {
        Path site = new SyntheticSite(7, 42).writeTo(tmp.resolve("site.yaml"), SyntheticSite.Form.CSV);
        Path csv = SyntheticSite.nodesFile(site, SyntheticSite.Form.CSV);
        List<String> before = Files.readAllLines(csv);
        OneEdgeChange change = OneEdgeChange.of(csv, 7);

        change.apply();
        List<String> after = Files.readAllLines(csv);
        List<Integer> differing = java.util.stream.IntStream.range(0, before.size())
                .filter(i -> !before.get(i).equals(after.get(i))).boxed().toList();
        assertThat(differing).containsExactly(4);   // the header, then edge-000001..
        assertThat(after.get(4)).startsWith("edge-000004,").endsWith(";line=bench-changed")
                .isEqualTo(before.get(4).replaceFirst(";line=\\d+$", ";line=bench-changed"));

        change.restore();
        assertThat(csv).hasContent(new SyntheticSite(7, 42).inventory(SyntheticSite.Form.CSV));
    }

    @Test
    void editsTheNodesEntryOfAYamlInventory(@TempDir Path tmp) throws IOException {
        Path site = new SyntheticSite(7, 42).writeTo(tmp.resolve("site.yaml"), SyntheticSite.Form.YAML);
        Path yaml = SyntheticSite.nodesFile(site, SyntheticSite.Form.YAML);
        OneEdgeChange change = OneEdgeChange.of(yaml, 7);

        change.apply();
        String edited = Files.readString(yaml);
        String entry = edited.substring(edited.indexOf("- name: edge-000004\n"), edited.indexOf("- name: edge-000005\n"));
        assertThat(entry).contains("line: \"bench-changed\"");
        assertThat(edited.replace(entry, "")).doesNotContain("bench-changed");
        change.restore();
        assertThat(yaml).hasContent(new SyntheticSite(7, 42).inventory(SyntheticSite.Form.YAML));
    }

    @Test
    void aDescriptorWithoutTheNodeIsRefused(@TempDir Path tmp) throws IOException {
        Path site = new SyntheticSite(3, 42).writeTo(tmp.resolve("site.yaml"));
        Files.writeString(site, Files.readString(site).replace("edge-000002", "renamed"));
        assertThatThrownBy(() -> OneEdgeChange.of(site, 3)).isInstanceOf(IOException.class)
                .hasMessageContaining("no label 'line' of edge node edge-000002");
    }

    @Test
    void onlyTheNodesOwnFilesAndSiteWideOnesMayBeWritten(@TempDir Path tmp) throws IOException {
        OneEdgeChange change = OneEdgeChange.of(new SyntheticSite(7, 42).writeTo(tmp.resolve("site.yaml")), 7);

        assertThat(change.problem(new TreeSet<>(OWN), OWN, 2)).isNull();
        assertThat(change.problem(new TreeSet<>(OWN), null, 2)).isNull();
        var withVerify = new TreeSet<>(OWN);
        withVerify.add("scripts/verify.sh");
        assertThat(change.problem(withVerify, null, 3)).isNull();

        var withOther = new TreeSet<>(OWN);
        withOther.add("edge/edge-000005/join.env");
        assertThat(change.problem(withOther, null, 3)).contains("also touched 1 file(s) of other nodes, e.g."
                + " edge/edge-000005/join.env");
        withOther.remove("edge/edge-000005/join.env");
        withOther.add("nodes/master-1/etc/sysctl.d/60-dualstack.conf");
        assertThat(change.problem(withOther, null, 3)).contains("other nodes");
        // a prefix of the node's name is another node
        assertThat(change.problem(new TreeSet<>(List.of("edge/edge-0000041/join.env", OWN.get(1))), null, 2))
                .contains("other nodes");

        assertThat(change.problem(new TreeSet<>(List.of("scripts/verify.sh")), null, 1))
                .contains("touched none of its files under edge/edge-000004/");
        assertThat(change.problem(new TreeSet<>(OWN), null, 3)).contains("reported 3 written but touched 2");
        assertThat(change.problem(new TreeSet<>(OWN), List.of(OWN.get(0)), 1)).contains("reported [" + OWN.get(0));
    }
}
