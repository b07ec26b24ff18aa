package io.github.dualstack.cli;

import static io.github.dualstack.cli.ValidateCliTest.run;
import static io.github.dualstack.cli.ValidateCliTest.sample;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.cli.ValidateCliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dualstack generate} and {@code check} as a user runs them: exit codes, diffs, refusals. */
class GenerateCheckCliTest {

    @TempDir
    Path dir;

    @Test
    void generateThenCheckThenHandEditThenForce() throws Exception {
        String out = dir.resolve("generated").toString();
        Run gen = run("generate", sample("dual-stack-site"), "-o", out);
        assertThat(gen.exit()).as(gen.err()).isZero();
        assertThat(gen.err()).contains("dualstack: 29 written, 0 unchanged, 0 removed");

        Run check = run("check", sample("dual-stack-site"), "-o", out);
        assertThat(check.exit()).isZero();
        assertThat(check.out()).isEmpty();
        assertThat(check.err()).contains("29 files up to date");

        Path service = dir.resolve("generated/cluster/kubeedge/cloudcore.service.yaml");
        String original = Files.readString(service);
        Files.writeString(service, original.replace("RequireDualStack", "SingleStack"));
        Run drift = run("check", sample("dual-stack-site"), "-o", out);
        assertThat(drift.exit()).isEqualTo(1);
        assertThat(drift.out()).contains("--- a/cluster/kubeedge/cloudcore.service.yaml",
                "+++ b/cluster/kubeedge/cloudcore.service.yaml", "-  ipFamilyPolicy: \"SingleStack\"",
                "+  ipFamilyPolicy: \"RequireDualStack\"");
        assertThat(drift.err()).contains("1 differ, 0 missing, 0 extra", "the tree is stale; run: dualstack generate");

        Run refused = run("generate", sample("dual-stack-site"), "-o", out);
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("refused: cluster/kubeedge/cloudcore.service.yaml: was edited by hand",
                "--force", "nothing written");
        assertThat(Files.readString(service)).contains("SingleStack");

        Run forced = run("generate", sample("dual-stack-site"), "-o", out, "--force");
        assertThat(forced.exit()).isZero();
        assertThat(forced.err()).contains("1 written, 28 unchanged, 0 removed");
        assertThat(Files.readString(service)).isEqualTo(original);
    }

    @Test
    void timingsPrintWhatEachStepCostAndNothingElseChanges() throws Exception {
        String out = dir.resolve("generated").toString();
        Run gen = run("generate", sample("dual-stack-site"), "-o", out, "--timings", "--format", "json");
        assertThat(gen.exit()).as(gen.err()).isZero();
        assertThat(gen.errLines().stream().filter(l -> l.startsWith("dualstack: step ")).map(l -> l.replaceAll(
                "\\d+ ms", "N ms"))).containsExactly(Stream.of("read", "validate", "open tree", "site files",
                        "edge files", "commit", "record").map(s -> "dualstack: step " + s + ": N ms (CPU N ms, JIT N ms)")
                .toArray(String[]::new));
        assertThat(gen.out()).as("the report itself is as without --timings").startsWith("{").doesNotContain("JIT");
        Run plain = run("generate", sample("dual-stack-site"), "-o", out);
        assertThat(plain.err()).doesNotContain("dualstack: step");
    }

    @Test
    void anInvalidDescriptorWritesNothing() throws Exception {
        Path site = ValidateCliTest.brokenSite(dir);
        Run r = run("generate", site.toString(), "-o", dir.resolve("generated").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("spec.kubernetes.serviceSubnets.ipv6: prefix /100 is too large", "nothing written");
        assertThat(dir.resolve("generated")).doesNotExist();
        ValidateCliTest.noStackTrace(r);
    }

    @Test
    void theDescriptorsOwnDirectoryIsRefused() throws Exception {
        Path site = Files.writeString(dir.resolve("site.yaml"), Files.readString(Path.of(sample("ipv6-only"))));
        Files.writeString(dir.resolve("notes.txt"), "mine\n");
        Run r = run("generate", site.toString(), "-o", dir.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("is the descriptor's own directory");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("site.yaml", "notes.txt");
        }
    }

    @Test
    void missingOutputOptionIsAUsageError() {
        Run r = run("generate", sample("dual-stack-site"));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--output");
    }
}
