package io.github.dualstack.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.fixtures.SyntheticSite;
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
    private static final String SECONDS = "\\d+\\.\\d\\d";
    private static final String RATIO = "\\d+\\.\\d\\dx";
    private static final String MICROS = "\\d{1,3}(,\\d{3})*";

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

        // the first table: the lines from its header to the blank line after it
        List<String> rows = table.lines().dropWhile(l -> !l.startsWith("| ")).takeWhile(l -> !l.isEmpty())
                .filter(l -> l.startsWith("| ")).toList();
        List<String> header = cells(rows.get(0));
        assertThat(header).containsExactly("edges", "operation", "files", "MB", "whole-process s", "ratio to floor",
                "ratio to validate", "user s", "sys s", "CPU µs/edge", "peak RSS MB", "in-process s", "ratio to floor",
                "ratio to validate", "CPU µs/edge", "targets (issues 6, 16)");
        List<List<String>> body = rows.subList(1, rows.size()).stream().map(BenchmarkTest::cells).toList();
        assertThat(body).extracting(r -> r.get(1))
                .containsExactly("validate", "generate", "generate, self-check all", "no-op regenerate",
                        "one-edge change", "check", "floor");
        for (List<String> row : body) {
            String op = row.get(1);
            assertThat(row).hasSize(header.size());
            assertThat(row.get(0)).isEqualTo("20");
            assertThat(row.get(4)).as("whole-process seconds of %s", op).matches(SECONDS);
            assertThat(row.get(5)).as("ratio of %s", op).matches(RATIO);
            assertThat(row.get(11)).as("in-process seconds of %s", op).matches(SECONDS);
            assertThat(row.get(12)).matches(RATIO);
            if (op.equals("floor")) {
                continue;
            }
            assertThat(row.get(7)).as("user CPU of %s", op).matches(SECONDS);
            assertThat(row.get(8)).as("system CPU of %s", op).matches(SECONDS);
            assertThat(row.get(9)).as("CPU per edge of %s", op).matches(MICROS);
            assertThat(row.get(10)).as("peak RSS of %s", op).matches("\\d+");
            assertThat(row.get(14)).as("in-process CPU per edge of %s", op).matches(MICROS);
            // a JVM cannot start in less than 10 ms of CPU: the figure is the child's, not a stub
            assertThat(Double.parseDouble(row.get(7)) + Double.parseDouble(row.get(8))).isGreaterThan(0.01);
            boolean oneEdge = op.equals("one-edge change");
            assertThat(row.get(6)).as("ratio to validate of %s", op).matches(oneEdge ? RATIO : "—");
            assertThat(row.get(13)).matches(oneEdge ? RATIO : "—");
        }
        // site-wide files, two per edge, the runbook and .dualstack/
        assertThat(Integer.parseInt(body.get(1).get(2))).isGreaterThan(2 * EDGES);
        assertThat(table).doesNotContain("FAILED", "OOM", "Failures:");
        // the middle node's two files and the Ansible inventory's file of it, nothing else: its label is in
        // edgecore.yaml's nodeLabels, join.env's LABELS and the inventory's label groups
        assertThat(table).containsPattern("- 20 edges: tree [\\d,]+ files, \\d+\\.\\d MiB; edge/ [\\d,]+ bytes per edge"
                + " node; the one-edge change of edge-000010 wrote 3 file\\(s\\): ansible/inventory/edges.yaml,"
                + " edge/edge-000010/etc/kubeedge/config/edgecore.yaml, edge/edge-000010/join.env\n");
        // where the one-edge change's time went, from the same runs: every step of generate --timings
        assertThat(table).contains("One-edge change at 20 edges, step by step");
        for (String step : List.of("read", "validate", "open tree", "site files", "edge files", "commit", "record")) {
            assertThat(table).containsPattern("\n\\| " + step + " \\| [\\d,]+ \\| [\\d,]+ \\| [\\d,]+ \\|\n");
        }
        // the descriptor is restored and later operations saw the original tree (check found no drift)
        assertThat(work.resolve("20/site.yaml")).hasContent(new SyntheticSite(EDGES, 42).yaml());
        // trees are cleaned up; the descriptor and the logs stay
        assertThat(work.resolve("20/generated")).doesNotExist();
        assertThat(work.resolve("20/floor")).doesNotExist();
        assertThat(work.resolve("20/site.yaml")).isRegularFile();
    }

    @Test
    void aCsvInventoryRunChangesTheRowAndTheSameFiles(@TempDir Path tmp) throws Exception {
        Path work = tmp.resolve("work");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        int code = Benchmark.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(log, true, StandardCharsets.UTF_8), "--sizes", Integer.toString(EDGES),
                "--work", work.toString(), "--skip-in-process", "--skip-self-check-all", "--inventory", "csv",
                "--cli-jar", System.getProperty("dualstack.cliJar", "../cli/target/dualstack.jar"));

        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as("exit code; log:%n%s", log).isZero();
        assertThat(table).contains("edge nodes in the inventory edges.csv")
                .containsPattern("the one-edge change of edge-000010 wrote 3 file\\(s\\): ansible/inventory/edges.yaml,"
                        + " edge/edge-000010/etc/kubeedge/config/edgecore.yaml, edge/edge-000010/join.env\n")
                .doesNotContain("FAILED", "Failures:");
        // the row was edited in the inventory and put back; the descriptor only names the file
        SyntheticSite site = new SyntheticSite(EDGES, 42);
        assertThat(work.resolve("20/edges.csv")).hasContent(site.inventory(SyntheticSite.Form.CSV));
        assertThat(work.resolve("20/site.yaml")).hasContent(site.descriptor(SyntheticSite.Form.CSV));
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("whole-process one-edge change");
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
        assertThat(Benchmark.run(new PrintStream(new ByteArrayOutputStream()), new PrintStream(log, true,
                StandardCharsets.UTF_8), "--inventory", "xml")).isEqualTo(2);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("--inventory must be csv or yaml, got xml");
    }

    private static List<String> cells(String row) {
        String inner = row.substring(2, row.length() - 2);
        return Arrays.stream(inner.split(" \\| ", -1)).map(String::trim).toList();
    }
}
