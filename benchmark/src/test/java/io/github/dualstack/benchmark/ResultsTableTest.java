package io.github.dualstack.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.benchmark.SizeResult.Operation;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsTableTest {

    @Test
    void theTargetsOfIssue6AreJudgedAgainstTheFloor() {
        SizeResult big = result(100_000, 100.0, 190.0, 60.0, 101.0);
        SizeResult mid = result(10_000, 10.0, 26.0, 1.0, 1.0);

        String table = ResultsTable.markdown(List.of(mid, big));
        List<String> verdicts = ResultsTable.verdicts(List.of(mid, big));

        assertThat(table).contains("| 100,000 | generate | 200,000 | 1144.4 | 190.00 | 1.90x | 400 |"
                + " skipped | — | <= 2.0x: PASS (1.90x) |");
        assertThat(verdicts).containsExactly(
                "100,000 edges, whole-process generate <= 2.0x floor: PASS (1.90x)",
                "100,000 edges, whole-process no-op regenerate <= 0.5x floor: MISS (0.60x, 20% over)",
                "100,000 edges, whole-process check <= 1.0x floor: MISS (1.01x, 1% over)",
                "10,000 edges, whole-process generate <= 2.5x floor: MISS (2.60x, 4% over)",
                "100,000 edges, no OutOfMemoryError with -Xmx512m: PASS");
    }

    @Test
    void anOutOfMemoryErrorMissesEveryTargetItTouches() {
        SizeResult big = result(100_000, 100.0, 150.0, 10.0, 50.0);
        big.whole(Operation.CHECK).fail("whole-process check: OutOfMemoryError (exit 2)", true);
        List<String> verdicts = ResultsTable.verdicts(List.of(big));
        assertThat(verdicts).contains("100,000 edges, whole-process check <= 1.0x floor: MISS (OutOfMemoryError)",
                "100,000 edges, no OutOfMemoryError with -Xmx512m: MISS");
        assertThat(ResultsTable.markdown(List.of(big))).contains("| OOM |").contains("no OOM: MISS");
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
        r.whole(Operation.NO_OP).add(noOp);
        r.whole(Operation.CHECK).add(check);
        r.wholeProcess.values().forEach(f -> f.rss(400 * 1024));
        return r;
    }
}
