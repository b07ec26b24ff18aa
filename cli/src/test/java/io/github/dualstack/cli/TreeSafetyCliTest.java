package io.github.dualstack.cli;

import static io.github.dualstack.cli.ValidateCliTest.run;
import static io.github.dualstack.cli.ValidateCliTest.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.dualstack.cli.ValidateCliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the user sees when the inputs or the tree are not what they should be: one line naming the path and the
 * cause, the right exit code, never a hang or a stack trace.
 */
class TreeSafetyCliTest {

    @TempDir
    Path dir;

    @Test
    void aDescriptorThatIsADeviceOrAFifoIsRefusedInOneLineWithoutReadingIt() throws Exception {
        Path fifo = dir.resolve("site.yaml");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mk.waitFor()).isZero();
        Path linkToZero = Files.createSymbolicLink(dir.resolve("zero.yaml"), Path.of("/dev/zero"));
        for (String[] c : new String[][] {{fifo.toString(), "is a FIFO (named pipe), not a regular file"},
                {"/dev/zero", "is a character device, not a regular file"},
                {"/dev/urandom", "is a character device, not a regular file"},
                {linkToZero.toString(), "is a character device, not a regular file"},
                {dir.toString(), "is a directory, not a regular file"}}) {
            for (String command : new String[] {"validate", "generate"}) {
                Run r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> command.equals("validate")
                        ? run("validate", c[0]) : run("generate", c[0], "-o", dir.resolve("out").toString()));
                assertThat(r.exit()).as(command + " " + c[0]).isEqualTo(2);
                assertThat(r.errLines()).as(command + " " + c[0]).containsExactly(
                        "dualstack: cannot read the descriptor: " + c[0] + ": " + c[1]);
            }
        }
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void checkReportsAnInterruptedGenerateWithTheCommandThatCompletesIt() throws Exception {
        String out = dir.resolve("generated").toString();
        assertThat(run("generate", sample("ipv6-only"), "-o", out).exit()).isZero();
        Files.writeString(dir.resolve("generated/.dualstack/journal.json"), "{\"renames\":[],\"deletes\":[]}");
        Run check = run("check", sample("ipv6-only"), "-o", out);
        assertThat(check.exit()).isEqualTo(1);
        assertThat(check.out()).isEmpty();
        // after the sample's own warning (no metrics from IPv6 edges)
        assertThat(check.errLines().get(0)).contains(": warning: spec.ipFamilies: metrics-server");
        assertThat(check.errLines().subList(1, check.errLines().size())).containsExactly("dualstack: "
                + Path.of(out).toAbsolutePath() + ": a generate"
                + " was interrupted while committing (.dualstack/journal.json is there), so the tree is part old, part"
                + " new; run dualstack generate " + sample("ipv6-only") + " -o " + out + " to complete it",
                "dualstack: the tree cannot be checked as it is: 1 problem(s) (" + check.err().replaceAll(
                        "(?s).*problem\\(s\\) \\(([0-9.]+s)\\).*", "$1") + ")");
        Run gen = run("generate", sample("ipv6-only"), "-o", out);
        assertThat(gen.exit()).as(gen.err()).isZero();
        assertThat(gen.err()).contains("completed an interrupted earlier run from its journal");
        assertThat(run("check", sample("ipv6-only"), "-o", out).exit()).isZero();
    }

    @Test
    void checkSeesAModeChangedByHandAsGenerateDoes() throws Exception {
        String out = dir.resolve("generated").toString();
        assertThat(run("generate", sample("ipv6-only"), "-o", out).exit()).isZero();
        Path verify = dir.resolve("generated/scripts/verify.sh");
        Files.setPosixFilePermissions(verify, PosixFilePermissions.fromString("rw-r--r--"));
        Run check = run("check", sample("ipv6-only"), "-o", out);
        assertThat(check.exit()).isEqualTo(1);
        assertThat(check.out()).isEqualTo("diff --git a/scripts/verify.sh b/scripts/verify.sh\nold mode 100644\n"
                + "new mode 100755\n");
        assertThat(check.err()).contains("1 differ, 0 missing, 0 extra");
        Run gen = run("generate", sample("ipv6-only"), "-o", out);
        assertThat(gen.err()).contains("1 written");
        assertThat(run("check", sample("ipv6-only"), "-o", out).exit()).isZero();
    }

    @Test
    void aTreeThatIsALinkIsRefusedAndNothingIsWrittenWhereItPoints() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(dir.resolve("generated"), elsewhere);
        Run r = run("generate", sample("ipv6-only"), "-o", link.toString(), "--force");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("refused: " + link.toAbsolutePath() + ": is a symbolic link");
        try (var s = Files.list(elsewhere)) {
            assertThat(s).isEmpty();
        }
    }
}
