package io.github.dualstack.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.write.WriteResult;
import io.github.dualstack.fixtures.SyntheticSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A changed descriptor renders only the files whose inputs changed: the others are taken as the previous run left
 * them. The tree is byte-identical to a full run into an empty directory, and a hand edit is still refused.
 */
class IncrementalRegenerationTest {

    private static final int EDGES = 120;

    @TempDir
    Path dir;
    private Path site;
    private Path out;
    private String text;
    private int files;

    @BeforeEach
    void firstRun() throws Exception {
        firstRun(EDGES);
    }

    private void firstRun(int edges) throws Exception {
        site = dir.resolve("site/site.yaml");
        Files.createDirectories(site.getParent());
        text = new SyntheticSite(edges, 7L).yaml();
        Files.writeString(site, text);
        out = dir.resolve("generated-" + edges);
        WriteResult first = generate();
        assertThat(first.reused()).as("nothing to reuse in an empty directory").isZero();
        files = first.written().size();
        assertThat(files).isGreaterThan(2 * edges);
    }

    private WriteResult generate() throws DualstackException {
        Report.Generate r = Dualstack.generate(Request.Generate.of(site, out));
        assertThat(r.ok()).as(r.summary()).isTrue();
        assertThat(r.fromStatCache()).isFalse();
        return r.write().orElseThrow();
    }

    /** The tree a full run of the current descriptor writes into an empty directory. */
    private Map<String, String> fullRun() throws Exception {
        Path fresh = dir.resolve("fresh-" + System.nanoTime());
        Report.Generate r = Dualstack.generate(Request.Generate.of(site, fresh));
        assertThat(r.write().orElseThrow().reused()).isZero();
        return tree(fresh);
    }

    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String rel = root.relativize(p).toString();
                if (!rel.equals(".dualstack/stat-cache")) {
                    out.put(rel, Files.readString(p));
                }
            }
        }
        return out;
    }

    private void edit(String from, String to) throws IOException {
        assertThat(text).contains(from);
        text = text.replace(from, to);
        Files.writeString(site, text);
    }

    /** Moves the edge to another zone label: only its own files say so. */
    private void relabel(String edge) throws IOException {
        relabel(edge, "moved");
    }

    private void relabel(String edge, String zone) throws IOException {
        Matcher m = Pattern.compile("- name: " + edge + "\\n(?:        .*\\n)*?        labels: \\{zone: ([a-z.-]+),")
                .matcher(text);
        assertThat(m.find()).isTrue();
        edit(m.group(), m.group().replace("zone: " + m.group(1) + ",", "zone: " + zone + ","));
    }

    @Test
    void oneChangedEdgeRendersOnlyItsOwnFiles() throws Exception {
        relabel("edge-000060");
        WriteResult r = generate();
        // the Ansible inventory's file of the node (the only one, up to 1,000 nodes) lists it in its label groups
        assertThat(r.written()).containsExactlyInAnyOrder("edge/edge-000060/etc/kubeedge/config/edgecore.yaml",
                "edge/edge-000060/join.env", "ansible/inventory/edges.yaml");
        assertThat(r.reused()).as("every other file taken as it was").isEqualTo(files - 3);
        assertThat(tree(out)).isEqualTo(fullRun());
    }

    /**
     * In a fleet listed in two inventory files, a relabelled node rewrites its own file only, and verify.sh, which
     * prints no labels, is taken as it was; a label whose group name clashes with the other file's renames the
     * group in both files.
     */
    @Test
    void aRelabelledNodeOfALargerFleetRendersOnlyItsInventoryFile() throws Exception {
        firstRun(1_100);
        String edge = "edge-000600";
        String inventory = "ansible/inventory/edges-00" + Math.floorMod(edge.hashCode(), 2) + ".yaml";
        relabel(edge, "new-z");
        WriteResult r = generate();
        assertThat(r.written()).containsExactlyInAnyOrder("edge/" + edge + "/etc/kubeedge/config/edgecore.yaml",
                "edge/" + edge + "/join.env", inventory);
        assertThat(r.reused()).as("every other file, verify.sh and the other inventory file too, taken as it was")
                .isEqualTo(files - 3);
        assertThat(tree(out)).isEqualTo(fullRun());

        String other = java.util.stream.IntStream.rangeClosed(1, 1_100).mapToObj(SyntheticSite::edgeName)
                .filter(n -> Math.floorMod(n.hashCode(), 2) != Math.floorMod(edge.hashCode(), 2)).findFirst()
                .orElseThrow();
        relabel(other, "new.z");
        WriteResult clash = generate();
        assertThat(clash.written()).containsExactlyInAnyOrder("edge/" + other + "/etc/kubeedge/config/edgecore.yaml",
                "edge/" + other + "/join.env", "ansible/inventory/edges-000.yaml", "ansible/inventory/edges-001.yaml");
        assertThat(tree(out)).isEqualTo(fullRun());
    }

    @Test
    void anAddedAndARemovedEdgeRenderTheirFilesAndTheFilesThatListNodes() throws Exception {
        String last = "      - name: " + SyntheticSite.edgeName(EDGES) + "\n";
        String lastBlock = text.substring(text.indexOf(last));
        edit(lastBlock, lastBlock + lastBlock.replace(SyntheticSite.edgeName(EDGES), "edge-new")
                .replace(SyntheticSite.edgeIpv4(EDGES), "100.64.200.1")
                .replace(SyntheticSite.edgeIpv6(EDGES), "2001:db8:1::c8:1"));
        WriteResult added = generate();
        assertThat(added.written()).contains("edge/edge-new/etc/kubeedge/config/edgecore.yaml", "edge/edge-new/join.env",
                "scripts/verify.sh").noneMatch(p -> p.startsWith("edge/edge-0"));
        assertThat(added.reused()).isGreaterThanOrEqualTo(2 * EDGES);
        assertThat(tree(out)).isEqualTo(fullRun());

        String first = text.substring(text.indexOf("      - name: " + SyntheticSite.edgeName(1) + "\n"),
                text.indexOf("      - name: " + SyntheticSite.edgeName(2) + "\n"));
        edit(first, "");
        WriteResult removed = generate();
        assertThat(removed.removed()).containsExactlyInAnyOrder(
                "edge/" + SyntheticSite.edgeName(1) + "/etc/kubeedge/config/edgecore.yaml",
                "edge/" + SyntheticSite.edgeName(1) + "/join.env");
        assertThat(removed.written()).noneMatch(p -> p.startsWith("edge/edge-0"));
        assertThat(tree(out)).isEqualTo(fullRun());
    }

    @Test
    void aNodeInsertedFirstRendersOnlyItsFilesThoughEveryLaterNodeIsDeclaredOneIndexOn() throws Exception {
        String first = "      - name: " + SyntheticSite.edgeName(1) + "\n";
        String block = text.substring(text.indexOf(first), text.indexOf("      - name: " + SyntheticSite.edgeName(2) + "\n"));
        edit(first, block.replace(SyntheticSite.edgeName(1), "edge-first")
                .replace(SyntheticSite.edgeIpv4(1), "100.64.200.2").replace(SyntheticSite.edgeIpv6(1), "2001:db8:1::c8:2")
                + first);
        WriteResult r = generate();
        assertThat(r.written()).contains("edge/edge-first/etc/kubeedge/config/edgecore.yaml", "edge/edge-first/join.env")
                .noneMatch(p -> p.startsWith("edge/edge-0"));
        assertThat(r.reused()).isGreaterThanOrEqualTo(2 * EDGES);
        assertThat(tree(out)).isEqualTo(fullRun());
    }

    @Test
    void aSiteValueThatEdgeFilesPrintRendersThemAllAndOneTheyDoNotPrintNone() throws Exception {
        edit("    kubeProxy:\n", "    dnsDomain: plant.example\n    kubeProxy:\n");
        WriteResult domain = generate();
        assertThat(domain.written()).filteredOn(p -> p.endsWith("/edgecore.yaml")).hasSize(EDGES);
        assertThat(tree(out)).isEqualTo(fullRun());

        edit("blockSize: 26", "blockSize: 27");
        WriteResult pool = generate();
        assertThat(pool.written()).isNotEmpty().noneMatch(p -> p.startsWith("edge/"));
        assertThat(pool.reused()).isGreaterThanOrEqualTo(2 * EDGES);
        assertThat(tree(out)).isEqualTo(fullRun());
    }

    @Test
    void aHandEditedFileIsNeverReusedAndStillRefused() throws Exception {
        Path edited = out.resolve("edge/edge-000010/join.env");
        Files.writeString(edited, Files.readString(edited) + "# mine\n");
        relabel("edge-000020");
        Report.Generate r = Dualstack.generate(Request.Generate.of(site, out));
        assertThat(r.ok()).isFalse();
        assertThat(r.write().orElseThrow().refusals()).extracting(w -> w.path())
                .containsExactly("edge/edge-000010/join.env");
        assertThat(Files.readString(edited)).endsWith("# mine\n");
    }

    @Test
    void anotherTemplateOverrideRendersEverythingAgain() throws Exception {
        Path overrides = Files.createDirectories(dir.resolve("templates"));
        Files.writeString(overrides.resolve("join.env.ftl"),
                Files.readString(Path.of("..", "templates", "join.env.ftl")) + "# site note\n");
        Report.Generate r = Dualstack.generate(new Request.Generate(site, out, false,
                RunOptions.builder().templateOverrides(overrides).build()));
        assertThat(r.ok()).as(r.summary()).isTrue();
        assertThat(r.write().orElseThrow().reused()).isZero();
        assertThat(r.write().orElseThrow().written()).hasSize(EDGES);   // every join.env, nothing else changed
    }
}
