package io.github.dualstack.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The steps of {@code generate --timings}, read from the runs' standard error and reported as medians. */
class StepTimesTest {

    private static String run(int readMs, int validateMs) {
        return "site.yaml:7:15: warning: spec.ipFamilies: something (README.md, CloudStream step)\n"
                + "dualstack: step read: " + readMs + " ms (CPU 600 ms, JIT 300 ms)\n"
                + "dualstack: step validate: " + validateMs + " ms (CPU 9000 ms, JIT 4000 ms)\n"
                + "dualstack: 3 written, 200149 unchanged, 0 removed (11.7s)\n";
    }

    @Test
    void eachStepIsAMedianOfTheRunsWithItsRangeInTheOrderTheStepsRan() {
        StepTimes steps = new StepTimes();
        assertThat(steps.isEmpty()).isTrue();
        assertThat(steps.add(run(400, 4500))).isTrue();
        assertThat(steps.add(run(500, 5200))).isTrue();
        assertThat(steps.add(run(450, 4100))).isTrue();
        assertThat(steps.table()).containsExactly("| step | wall ms | CPU ms | JIT ms |", "|---|---:|---:|---:|",
                "| read | 450 (400–500) | 600 | 300 |", "| validate | 4,500 (4,100–5,200) | 9,000 | 4,000 |");
        assertThat(steps.add(run(460, 4600))).isTrue();
        assertThat(steps.table().get(2)).as("of an even count, the mean of the middle two").isEqualTo(
                "| read | 455 (400–500) | 600 | 300 |");
    }

    @Test
    void aRunWithoutTimingsAddsNothing() {
        StepTimes steps = new StepTimes();
        assertThat(steps.add("dualstack: 3 written, 0 unchanged, 0 removed (0.3s)\n")).isFalse();
        assertThat(steps.isEmpty()).isTrue();
        assertThat(steps.add("prefix dualstack: step read: 4 ms (CPU 6 ms, JIT 3 ms)\n")).as("not at a line start")
                .isFalse();
    }
}
