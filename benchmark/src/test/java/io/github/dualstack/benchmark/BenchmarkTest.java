package io.github.dualstack.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole benchmark at a tiny size: CLI subprocesses, in-process runs and the floor, in seconds. */
class BenchmarkTest {

    static final int EDGES = 20;

    @Test
    void aTinyRunPrintsEveryRowAndColumn(@TempDir Path tmp) throws Exception {
        Path cliJar = Path.of(System.getProperty("dualstack.cliJar", "../cli/target/dualstack.jar"));
        assertThat(cliJar).as("the CLI jar, built by the cli module before this one").isRegularFile();
        Path work = tmp.resolve("work");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        int code = Benchmark.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(log, true, StandardCharsets.UTF_8),
                "--sizes", Integer.toString(EDGES), "--repeat", "1", "--work", work.toString(),
                "--cli-jar", cliJar.toString());

        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as("exit code; log:%n%s", log).isZero();
        assertThat(Files.readString(work.resolve("results.md"))).isEqualTo(table);

        List<String> rows = table.lines().filter(l -> l.startsWith("| ")).toList();
        List<String> header = cells(rows.get(0));
        assertThat(header).containsExactly("edges", "operation", "files", "MB", "whole-process s", "ratio to floor",
                "peak RSS MB", "in-process s", "ratio to floor", "target (issue 6)");
        List<List<String>> body = rows.subList(1, rows.size()).stream().map(BenchmarkTest::cells).toList();
        assertThat(body).extracting(r -> r.get(1))
                .containsExactly("validate", "generate", "no-op regenerate", "check", "floor");
        for (List<String> row : body) {
            assertThat(row).hasSize(header.size());
            assertThat(row.get(0)).isEqualTo("20");
            assertThat(row.get(4)).as("whole-process seconds of %s", row.get(1)).matches("\\d+\\.\\d\\d");
            assertThat(row.get(5)).as("ratio of %s", row.get(1)).matches("\\d+\\.\\d\\dx");
            assertThat(row.get(7)).as("in-process seconds of %s", row.get(1)).matches("\\d+\\.\\d\\d");
            assertThat(row.get(8)).matches("\\d+\\.\\d\\dx");
            if (!row.get(1).equals("floor")) {
                assertThat(row.get(6)).as("peak RSS of %s", row.get(1)).matches("\\d+");
            }
        }
        // site-wide files, two per edge, the runbook and .dualstack/
        assertThat(Integer.parseInt(body.get(1).get(2))).isGreaterThan(2 * EDGES);
        assertThat(table).doesNotContain("FAILED", "OOM", "Failures:");
        // trees are cleaned up; the descriptor and the logs stay
        assertThat(work.resolve("20/generated")).doesNotExist();
        assertThat(work.resolve("20/floor")).doesNotExist();
        assertThat(work.resolve("20/site.yaml")).isRegularFile();
    }

    @Test
    void refusesAWorkDirectoryItDidNotMake(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("precious.txt"), "keep me");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int code = Benchmark.run(new PrintStream(new ByteArrayOutputStream()), new PrintStream(log, true,
                StandardCharsets.UTF_8), "--sizes", "5", "--work", tmp.toString(), "--cli-jar",
                System.getProperty("dualstack.cliJar", "../cli/target/dualstack.jar"));
        assertThat(code).isEqualTo(2);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("was not made by the benchmark");
        assertThat(tmp.resolve("precious.txt")).hasContent("keep me");
    }

    @Test
    void usageErrorsExitTwo() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        assertThat(Benchmark.run(new PrintStream(new ByteArrayOutputStream()), new PrintStream(log), "--sizes", "0"))
                .isEqualTo(2);
        assertThat(Benchmark.run(new PrintStream(new ByteArrayOutputStream()), new PrintStream(log), "--bogus"))
                .isEqualTo(2);
    }

    private static List<String> cells(String row) {
        String inner = row.substring(2, row.length() - 2);
        return Arrays.stream(inner.split(" \\| ", -1)).map(String::trim).toList();
    }
}
