package io.github.dualstack.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportSummaryTest {

    private static Problem error(String file) {
        return new Problem(file, 1, 1, "spec", Problem.Severity.ERROR, "wrong");
    }

    private static String summary(List<Problem> problems) {
        return new Report.Validate(problems, Optional.empty(), Optional.empty(), Duration.ofMillis(1200)).summary();
    }

    @Test
    void namesEachFileThatHasAnErrorOnceInTheOrderOfTheProblems() {
        assertThat(summary(List.of(error("site.yaml"), error("baseline/cluster/nodes.yaml"), error("site.yaml"))))
                .isEqualTo("3 problem(s) in site.yaml, baseline/cluster/nodes.yaml; nothing written (1.2s)");
    }

    @Test
    void warningsAreNeitherCountedNorNamed() {
        Problem warning = new Problem("edges.csv", 2, 1, "", Problem.Severity.WARNING, "odd");
        assertThat(summary(List.of(warning, error("site.yaml"))))
                .isEqualTo("1 problem(s) in site.yaml; nothing written (1.2s)");
    }

    @Test
    void namesAtMostThreeFilesAndCountsTheRest() {
        assertThat(summary(List.of(error("a"), error("b"), error("c"), error("d"), error("e"))))
                .isEqualTo("5 problem(s) in a, b, c and 2 more file(s); nothing written (1.2s)");
    }
}
