package io.github.dualstack.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Golden trees and determinism: the committed sample trees are exactly what the samples generate. */
class GeneratedTreesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"dual-stack-site", "ipv6-primary-hostnetwork", "ipv6-only", "brownfield-kubeadm",
            "calico-operator", "keadm-site", "new-cluster-kubeadm", "retail-fleet"})
    void eachSampleMatchesItsCommittedTreeByteForByte(String sample) throws Exception {
        Path site = Path.of("..", "samples", sample, "site.yaml");
        Report.Check r = Dualstack.check(Request.Check.of(site, Path.of("..", "samples", sample, "generated")));
        assertThat(r.hasErrors()).isFalse();
        assertThat(r.drift().orElseThrow().diffs()).as("regenerate the sample: dualstack generate %s -o .../generated", site)
                .isEmpty();
        assertThat(r.drift().orElseThrow().same()).isGreaterThan(15);
    }

    @Test
    void outputIsByteIdenticalWhateverTheThreadCount() throws Exception {
        Path site = Path.of("..", "samples", "dual-stack-site", "site.yaml");
        Report one = Dualstack.generate(new Request.Generate(site, dir.resolve("one"), false,
                RunOptions.builder().threads(1).build()));
        Report four = Dualstack.generate(new Request.Generate(site, dir.resolve("four"), false,
                RunOptions.builder().threads(4).build()));
        assertThat(one.ok()).isTrue();
        assertThat(four.ok()).isTrue();
        Map<String, String> a = tree(dir.resolve("one"));
        assertThat(a).hasSizeGreaterThan(20).isEqualTo(tree(dir.resolve("four")));
    }

    @Test
    void aSecondRunIsANoOpAndTheSameDescriptorGivesTheSameBytes() throws Exception {
        Path site = Path.of("..", "samples", "ipv6-primary-hostnetwork", "site.yaml");
        Report.Generate first = Dualstack.generate(Request.Generate.of(site, dir.resolve("t")));
        Map<String, String> before = tree(dir.resolve("t"));
        Report.Generate second = Dualstack.generate(Request.Generate.of(site, dir.resolve("t")));
        assertThat(first.write().orElseThrow().written()).hasSize(before.size() - 2);   // manifest and .gitignore
        assertThat(second.write().orElseThrow().noOp()).isTrue();
        assertThat(tree(dir.resolve("t"))).isEqualTo(before);
    }

    @Test
    void changingOneEdgeNodeRewritesOnlyItsFilesAndTheFilesThatListNodes() throws Exception {
        Path site = dir.resolve("site/site.yaml");
        Files.createDirectories(site.getParent());
        String text = Files.readString(Path.of("..", "samples", "dual-stack-site", "site.yaml"));
        Files.writeString(site, text);
        Path out = dir.resolve("generated");
        assertThat(Dualstack.generate(Request.Generate.of(site, out)).ok()).isTrue();
        Files.writeString(site, text.replace("addresses: {ipv4: 192.0.2.102, ipv6: \"2001:db8::102\"}",
                "addresses: {ipv4: 192.0.2.112, ipv6: \"2001:db8::112\"}"));
        Report.Generate r = Dualstack.generate(Request.Generate.of(site, out));
        assertThat(r.write().orElseThrow().written()).containsExactlyInAnyOrder(
                "edge/edge-0002/etc/kubeedge/config/edgecore.yaml", "edge/edge-0002/join.env", "scripts/verify.sh",
                "ansible/inventory/edges.yaml");
        assertThat(r.write().orElseThrow().unchanged()).isEqualTo(25);
        assertThat(Files.readString(out.resolve(".dualstack/manifest.json"))).contains("edge/edge-0002/join.env");
    }

    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(p).toString();
                if (!rel.equals(".dualstack/lock") && !rel.equals(".dualstack/stat-cache")) {   // per machine, not output
                    files.put(rel, Arrays.hashCode(Files.readAllBytes(p)) + "/" + Files.getPosixFilePermissions(p));
                }
            }
        }
        return files;
    }
}
