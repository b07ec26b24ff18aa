package io.github.dualstack.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generate tells whoever asked what each of its steps cost, in the order they ran: a full run every step, an
 * up-to-date tree only its read, a descriptor with errors up to its validation.
 */
class StepTimingsTest {

    @TempDir
    Path dir;

    @Test
    void eachStepIsToldOnceInOrderAndTheirWallTimesAddUpToAtMostTheRun() throws Exception {
        Path site = copy("dual-stack-site");
        Path out = dir.resolve("generated");
        List<Step> steps = new ArrayList<>();
        Report.Generate full = generate(site, out, steps);
        assertThat(full.ok()).as(full.summary()).isTrue();
        assertThat(steps).extracting(Step::name).containsExactly("read", "validate", "open tree", "site files",
                "edge files", "commit", "record");
        assertThat(steps).allSatisfy(s -> assertThat(List.of(s.wall(), s.cpu(), s.compilation()))
                .allMatch(d -> !d.isNegative()));
        assertThat(steps.stream().map(Step::wall).reduce(Duration.ZERO, Duration::plus)).isLessThanOrEqualTo(
                full.elapsed());
        assertThat(steps.get(0).line()).matches("read: \\d+ ms \\(CPU \\d+ ms, JIT \\d+ ms\\)");

        steps.clear();
        assertThat(generate(site, out, steps).fromStatCache()).isTrue();
        assertThat(steps).extracting(Step::name).containsExactly("read");
    }

    @Test
    void aDescriptorWithErrorsStopsAfterItsValidation() throws Exception {
        Path site = copy("dual-stack-site");
        Files.writeString(site, Files.readString(site).replaceFirst("podSubnets:", "podSubnetz:"));
        List<Step> steps = new ArrayList<>();
        Report.Generate r = generate(site, dir.resolve("generated"), steps);
        assertThat(r.ok()).isFalse();
        assertThat(steps).extracting(Step::name).containsExactly("read", "validate");
        assertThat(dir.resolve("generated")).doesNotExist();
    }

    @Test
    void nobodyAskedNothingIsTold() {
        assertThat(RunOptions.defaults().steps()).isEmpty();
    }

    private Path copy(String sample) throws Exception {
        Path site = dir.resolve("site/site.yaml");
        Files.createDirectories(site.getParent());
        Files.writeString(site, Files.readString(Path.of("..", "samples", sample, "site.yaml")));
        return site;
    }

    private static Report.Generate generate(Path site, Path out, List<Step> steps) throws Exception {
        return Dualstack.generate(new Request.Generate(site, out, false, RunOptions.builder().steps(steps::add)
                .build()));
    }
}
