package io.github.dualstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.Dualstack;
import io.github.dualstack.core.Request;
import io.github.dualstack.core.Report;
import io.github.dualstack.core.write.TreeWriter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real generator process (SIGKILL) at spread-out instants of its run, alternating between two
 * descriptors that change every edge file, and checks after each kill (and the recovery the next run performs
 * first) that the tree is exactly one of the two complete trees, manifest included.
 */
class KillAtAnyInstantIT {

    private static final int RUNS = 52;
    private static final int EDGES = 150;

    @TempDir
    Path dir;

    @Test
    void aKilledRunLeavesThePreviousTreeOrTheNewOne() throws Exception {
        Path siteA = site("a", "v1.22.0");
        Path siteB = site("b", "v1.23.1");
        Map<String, String> treeA = expected(siteA, dir.resolve("expected-a"));
        Map<String, String> treeB = expected(siteB, dir.resolve("expected-b"));
        assertThat(treeA).isNotEqualTo(treeB);
        Path out = dir.resolve("out");

        long fullRunNanos = timeFullRun(siteA, out);   // also leaves tree A in place
        int previousMatched = 0;
        int newMatched = 0;
        int journalsSeen = 0;
        for (int i = 0; i < RUNS; i++) {
            Path next = i % 2 == 0 ? siteB : siteA;
            Map<String, String> before = snapshot(out);
            Process p = start(next, out);
            long delay;
            if ((i / 2) % 2 == 0) {
                // Spread the kill over the whole run, a little past its usual end, in even steps.
                delay = (long) (fullRunNanos * 1.1 * i / RUNS);
                TimeUnit.NANOSECONDS.sleep(delay);
            } else {
                // Aim at the commit: the few milliseconds between the journal and the last rename.
                delay = killDuringCommit(p, out, i % 5);
            }
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
            if (Files.exists(out.resolve(".dualstack/journal.json"))) {
                journalsSeen++;
            }
            try (TreeWriter recovery = TreeWriter.open(out, false, "recovery", Duration.ofSeconds(30))) {
                // opening replays or discards what the killed run left; nothing else is written
            }
            Map<String, String> after = snapshot(out);
            Map<String, String> target = next == siteA ? treeA : treeB;
            assertThat(after).as("run %d killed after %d ms", i, delay / 1_000_000)
                    .satisfiesAnyOf(t -> assertThat(t).isEqualTo(before), t -> assertThat(t).isEqualTo(target));
            if (after.equals(target) && !before.equals(target)) {
                newMatched++;
            } else {
                previousMatched++;
            }
            if (!after.equals(treeA) && !after.equals(treeB)) {
                throw new AssertionError("run " + i + " left a tree that is neither A nor B");
            }
        }
        System.out.printf("kill test: %d runs, %d left the previous tree, %d the new one, %d killed after the"
                + " journal was written (full run %d ms)%n", RUNS, previousMatched, newMatched, journalsSeen,
                fullRunNanos / 1_000_000);
        assertThat(previousMatched).as("some kills must land before the commit").isPositive();
        assertThat(journalsSeen).as("some kills must land inside the commit").isPositive();
        assertThat(newMatched).as("some runs must complete").isPositive();
    }

    /** Waits until the run writes its journal (or ends), then a few more milliseconds; the nanoseconds waited. */
    private static long killDuringCommit(Process p, Path out, int extraMillis) throws InterruptedException {
        long start = System.nanoTime();
        Path journal = out.resolve(".dualstack/journal.json");
        while (p.isAlive() && !Files.exists(journal) && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(60)) {
            Thread.onSpinWait();
        }
        TimeUnit.MILLISECONDS.sleep(extraMillis);
        return System.nanoTime() - start;
    }

    private long timeFullRun(Path site, Path out) throws Exception {
        long start = System.nanoTime();
        Process p = start(site, out);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        return System.nanoTime() - start;
    }

    private static Process start(Path site, Path out) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "generate", site.toString(), "-o", out.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static Map<String, String> expected(Path site, Path out) throws Exception {
        Report r = Dualstack.generate(Request.Generate.of(site, out));
        assertThat(r.ok()).as(r.summary()).isTrue();
        return snapshot(out);
    }

    /** Every file below the root but the lock and the stat cache (per machine, never tree content), path to content. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.exists(root)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(p).toString().replace(File.separatorChar, '/');
                if (!rel.equals(".dualstack/lock") && !rel.equals(".dualstack/stat-cache")) {
                    files.put(rel, Arrays.toString(Files.readAllBytes(p)).hashCode() + ":" + Files.size(p));
                }
            }
        }
        return files;
    }

    private Path site(String name, String kubeedgeVersion) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("apiVersion: dualstack/v1alpha1\nkind: Site\nmetadata:\n  name: kill-test\nspec:\n")
                .append("  ipFamilies: [IPv4, IPv6]\n  kubernetes:\n    version: v1.32.4\n")
                .append("    podSubnets: {ipv4: 10.244.0.0/16, ipv6: \"fd00:10:244::/56\"}\n")
                .append("    serviceSubnets: {ipv4: 10.96.0.0/12, ipv6: \"fd00:10:96::/112\"}\n")
                .append("  cloudCore:\n    advertiseAddresses: [192.0.2.10, \"2001:db8::10\"]\n")
                .append("  nodes:\n    - {name: cp-1, role: control-plane, interface: eth0,")
                .append(" addresses: {ipv4: 192.0.2.10, ipv6: \"2001:db8::10\"}}\n")
                .append("  edge:\n    defaults: {kubeedgeVersion: ").append(kubeedgeVersion).append("}\n    nodes:\n");
        for (int i = 1; i <= EDGES; i++) {
            sb.append("      - {name: edge-").append(i).append(", interface: eth0, addresses: {ipv4: 198.51.100.")
                    .append(i).append(", ipv6: \"2001:db8:1::").append(Integer.toHexString(i)).append("\"}}\n");
        }
        Path d = Files.createDirectories(dir.resolve(name));
        return Files.writeString(d.resolve("site.yaml"), sb.toString());
    }
}
