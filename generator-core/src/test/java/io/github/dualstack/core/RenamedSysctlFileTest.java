package io.github.dualstack.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.write.WriteResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sysctl file moved from 60-dualstack.conf to 99-dualstack.conf so that it sorts after the distribution's
 * files (sysctl.d(5)). A tree generated under the old name loses it on the next run, because the manifest owned it,
 * and gains the new one; nothing else changes.
 */
class RenamedSysctlFileTest {

    private static final String OLD = "/etc/sysctl.d/60-dualstack.conf";
    private static final String NEW = "/etc/sysctl.d/99-dualstack.conf";

    @TempDir
    Path dir;

    @Test
    void aTreeWithTheOldSysctlNameLosesItAndGainsTheNewOne() throws Exception {
        for (String sample : List.of("dual-stack-site", "brownfield-kubeadm")) {
            Path site = copySample(sample);
            Path out = site.resolveSibling("generated");
            assertThat(generate(site, out).ok()).isTrue();
            List<String> renamed = asIfGeneratedUnderTheOldName(out);
            assertThat(renamed).as(sample).isNotEmpty();

            Report.Generate again = generate(site, out);
            assertThat(again.ok()).as(again.summary()).isTrue();
            WriteResult w = again.write().orElseThrow();
            assertThat(w.removed()).as(sample).containsExactlyInAnyOrderElementsOf(renamed);
            assertThat(w.written()).as(sample)
                    .containsExactlyInAnyOrderElementsOf(renamed.stream().map(p -> p.replace(OLD, NEW)).toList());
            for (String p : renamed) {
                assertThat(out.resolve(p)).doesNotExist();
                assertThat(out.resolve(p.replace(OLD, NEW))).isRegularFile();
            }
            assertThat(Files.readString(out.resolve(".dualstack/manifest.json"))).doesNotContain("60-dualstack");
            assertThat(Dualstack.check(Request.Check.of(site, out)).drift().orElseThrow().none()).isTrue();
        }
    }

    private Path copySample(String sample) throws IOException {
        Path from = Path.of("..", "samples", sample);
        Path to = dir.resolve(sample);
        Files.createDirectories(to);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path rel = from.relativize(f);
                if (rel.startsWith("generated")) {
                    continue;
                }
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to.resolve(rel.toString()));
                } else {
                    Files.copy(f, to.resolve(rel.toString()));
                }
            }
        }
        return to.resolve("site.yaml");
    }

    /** Moves every sysctl file back to its old name, in the tree and in the manifest that owns it. */
    private static List<String> asIfGeneratedUnderTheOldName(Path out) throws IOException {
        List<String> old;
        try (Stream<Path> files = Files.walk(out.resolve("nodes"))) {
            old = files.filter(f -> f.toString().endsWith(NEW)).map(f -> out.relativize(f).toString().replace(NEW, OLD))
                    .sorted().toList();
        }
        for (String p : old) {
            Files.move(out.resolve(p.replace(OLD, NEW)), out.resolve(p));
        }
        Path manifest = out.resolve(".dualstack/manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace(NEW, OLD));
        Files.deleteIfExists(out.resolve(".dualstack/stat-cache"));
        return old;
    }

    private static Report.Generate generate(Path site, Path out) throws IOException, DualstackException {
        return Dualstack.generate(new Request.Generate(site, out, false, RunOptions.builder().build()));
    }
}
