package io.github.dualstack.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.benchmark.SizeResult.Operation;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsTableTest {

    @Test
    void theTargetsOfIssues6And16AreJudgedAgainstTheirBases() {
        SizeResult big = result(100_000, 100.0, 140.0, 60.0, 101.0);
        big.whole(Operation.VALIDATE).add(4.5);   // a second run: median (10 + 4.5) / 2 = 7.25
        big.whole(Operation.ONE_EDGE).add(14.0);
        SizeResult mid = result(10_000, 10.0, 26.0, 1.0, 1.0);
        mid.whole(Operation.ONE_EDGE).add(1.5);

        String table = ResultsTable.markdown(List.of(mid, big));
        List<String> verdicts = ResultsTable.verdicts(List.of(mid, big));

        assertThat(table).contains("| 100,000 | generate | 200,000 | 1144.4 | 140.00 | 1.40x | — | 120.00 | 8.00 |"
                + " 1,280 | 400 | skipped | — | — | — | 6: <= 2.0x floor: met (1.40x); 16: <= 1.5x floor: met (1.40x) |");
        // validate ran twice: median and range; the one-edge change is also a multiple of validate
        assertThat(table).contains("| 100,000 | validate | 1 | 14.3 | 7.25 (4.50–10.00) | 0.07x | — |");
        assertThat(table).contains("| 100,000 | one-edge change | 200,000 | 1144.4 | 14.00 | 0.14x | 1.93x |");
        assertThat(table).contains("| 10,000 | one-edge change | 20,000 | 114.4 | 1.50 | 0.15x | 1.50x |");
        assertThat(verdicts).containsExactly(
                "100,000 edges, whole-process generate <= 2.0x floor (issue 6): met (1.40x)",
                "100,000 edges, whole-process no-op regenerate <= 0.5x floor (issue 6): missed by 20% (0.60x)",
                "100,000 edges, whole-process check <= 1.0x floor (issue 6): missed by 1% (1.01x)",
                "10,000 edges, whole-process generate <= 2.5x floor (issue 6): missed by 4% (2.60x)",
                "100,000 edges, whole-process generate <= 1.5x floor (issue 16): met (1.40x)",
                "100,000 edges, whole-process one-edge change <= 2.0x validate (issue 16): met (1.93x)",
                "100,000 edges, whole-process check <= 0.5x floor (issue 16): missed by 102% (1.01x)",
                "100,000 edges, whole-process validate <= 5.0 s (issue 16): missed by 45% (7.25 s)",
                "100,000 edges, no OutOfMemoryError with -Xmx512m (issue 6): met");
    }

    @Test
    void anOutOfMemoryErrorMissesEveryTargetItTouches() {
        SizeResult big = result(100_000, 100.0, 150.0, 10.0, 50.0);
        big.whole(Operation.CHECK).fail("whole-process check: OutOfMemoryError (exit 2)", true);
        List<String> verdicts = ResultsTable.verdicts(List.of(big));
        assertThat(verdicts).contains(
                "100,000 edges, whole-process check <= 1.0x floor (issue 6): missed (OutOfMemoryError)",
                "100,000 edges, whole-process check <= 0.5x floor (issue 16): missed (OutOfMemoryError)",
                "100,000 edges, whole-process one-edge change <= 2.0x validate (issue 16): not measured",
                "100,000 edges, no OutOfMemoryError with -Xmx512m (issue 6): missed");
        assertThat(ResultsTable.markdown(List.of(big))).contains("| OOM |").contains("6: no OOM: missed");
    }

    @Test
    void cpuPerEdgeIsTheMedianOfUserPlusSystemPerRun() {
        SizeResult r = result(1_000, 1.0, 2.0, 0.5, 0.5);
        SizeResult.Figure noOp = r.whole(Operation.NO_OP);
        noOp.add(0.7);
        noOp.add(0.3);
        noOp.cpu(3.0, 0.2);   // 3.2 CPU seconds
        noOp.cpu(1.5, 0.5);   // 2.0
        noOp.cpu(0.4, 0.1);   // 0.5; the medians of user (1.5) and system (0.2) add up to 1.7, not 2.0
        assertThat(noOp.cpuSeconds()).isEqualTo(2.0);
        assertThat(ResultsTable.markdown(List.of(r))).contains(
                "| 1,000 | no-op regenerate | 2,000 | 11.4 | 0.50 (0.30–0.70) | 0.50x | — | 1.50 | 0.20 | 2,000 | 400 |");
    }

    @Test
    void theSizeLinesGiveBytesPerEdgeAndWhatTheOneEdgeChangeWrote() {
        SizeResult r = result(1_000, 1.0, 2.0, 0.5, 0.5);
        r.edgeBytes = 2_612_345;
        r.changedNode = "edge-000500";
        r.oneEdgeWritten = List.of("edge/edge-000500/join.env");
        assertThat(ResultsTable.sizes(List.of(r))).containsExactly("1,000 edges: tree 2,000 files, 11.4 MiB; edge/"
                + " 2,612 bytes per edge node; the one-edge change of edge-000500 wrote 1 file(s): edge/edge-000500/join.env");
    }

    private static SizeResult result(int edges, double floor, double generate, double noOp, double check) {
        SizeResult r = new SizeResult(edges);
        r.descriptorBytes = 150L * edges;
        r.treeFiles = 2 * edges;
        r.treeBytes = 12_000L * edges;
        r.inProcessSkipped = true;
        r.floor.add(floor);
        r.whole(Operation.VALIDATE).add(floor / 10);
        r.whole(Operation.GENERATE).add(generate);
        r.whole(Operation.GENERATE).cpu(generate * 6 / 7, generate * 0.4 / 7);
        r.whole(Operation.NO_OP).add(noOp);
        r.whole(Operation.CHECK).add(check);
        r.wholeProcess.values().forEach(f -> f.rss(400 * 1024));
        return r;
    }
}
