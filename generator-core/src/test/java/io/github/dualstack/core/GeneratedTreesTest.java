package io.github.dualstack.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.descriptor.StrictYamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
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
    @ValueSource(strings = {"dual-stack-site", "ipv6-primary-hostnetwork", "ipv6-only"})
    void eachSampleMatchesItsCommittedTreeByteForByte(String sample) throws Exception {
        Path site = Path.of("..", "samples", sample, "site.yaml");
        Report r = Dualstack.run(request(site, Path.of("..", "samples", sample, "generated"), GenerateRequest.Mode.CHECK));
        assertThat(r.hasErrors()).isFalse();
        assertThat(r.drift().orElseThrow().diffs()).as("regenerate the sample: dualstack generate %s -o .../generated", site)
                .isEmpty();
        assertThat(r.drift().orElseThrow().same()).isGreaterThan(15);
    }

    @Test
    void outputIsByteIdenticalWhateverTheThreadCount() throws Exception {
        Path site = Path.of("..", "samples", "dual-stack-site", "site.yaml");
        Report one = Dualstack.run(request(site, dir.resolve("one"), GenerateRequest.Mode.GENERATE).withThreads(1));
        Report four = Dualstack.run(request(site, dir.resolve("four"), GenerateRequest.Mode.GENERATE).withThreads(4));
        assertThat(one.ok()).isTrue();
        assertThat(four.ok()).isTrue();
        Map<String, String> a = tree(dir.resolve("one"));
        assertThat(a).hasSizeGreaterThan(20).isEqualTo(tree(dir.resolve("four")));
    }

    @Test
    void aSecondRunIsANoOpAndTheSameDescriptorGivesTheSameBytes() throws Exception {
        Path site = Path.of("..", "samples", "ipv6-primary-hostnetwork", "site.yaml");
        Report first = Dualstack.run(request(site, dir.resolve("t"), GenerateRequest.Mode.GENERATE));
        Map<String, String> before = tree(dir.resolve("t"));
        Report second = Dualstack.run(request(site, dir.resolve("t"), GenerateRequest.Mode.GENERATE));
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
        assertThat(Dualstack.run(request(site, out, GenerateRequest.Mode.GENERATE)).ok()).isTrue();
        Files.writeString(site, text.replace("addresses: {ipv4: 192.0.2.102, ipv6: \"2001:db8::102\"}",
                "addresses: {ipv4: 192.0.2.112, ipv6: \"2001:db8::112\"}"));
        Report r = Dualstack.run(request(site, out, GenerateRequest.Mode.GENERATE));
        assertThat(r.write().orElseThrow().written()).containsExactlyInAnyOrder(
                "edge/edge-0002/etc/kubeedge/config/edgecore.yaml", "edge/edge-0002/join.sh", "scripts/verify.sh");
        assertThat(r.write().orElseThrow().unchanged()).isEqualTo(19);
        assertThat(Files.readString(out.resolve(".dualstack/manifest.json"))).contains("edge/edge-0002/join.sh");
    }

    private static GenerateRequest request(Path site, Path out, GenerateRequest.Mode mode) {
        return new GenerateRequest(site, Optional.of(out), Optional.empty(), mode, false,
                StrictYamlReader.DEFAULT_MAX_BYTES);
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
