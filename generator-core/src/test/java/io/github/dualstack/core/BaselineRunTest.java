package io.github.dualstack.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.baseline.BaselineLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * validate, generate and check with a site that names a baseline: its problems join the report's after the
 * descriptor's, nothing is rendered with any of them, and a tree made from a baseline is never recorded as up to
 * date (the fingerprint, taken before the descriptor is read, cannot cover the baseline's files).
 */
class BaselineRunTest {

    private static final Path SMALL = Path.of("src", "test", "resources", "baselines", "small");

    @TempDir
    Path dir;
    Path site;
    Path out;

    @BeforeEach
    void site() throws IOException {
        site = dir.resolve("site/site.yaml");
        Files.createDirectories(site.getParent());
        Files.writeString(site, Descriptors.Base.DUAL.edit().after(8, "  baseline: {directory: baseline}").text());
        try (Stream<Path> walk = Files.walk(SMALL)) {
            for (Path p : walk.toList()) {
                Path to = site.resolveSibling("baseline").resolve(SMALL.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        out = dir.resolve("generated");
    }

    private Path baselineFile(String rel) {
        return site.resolveSibling("baseline").resolve(rel);
    }

    @Test
    void validateReadsTheBaseline() throws Exception {
        Report.Validate ok = Dualstack.validate(Request.Validate.of(site));
        assertThat(Descriptors.withoutMetricsWarning(ok.problems())).isEmpty();
        assertThat(ok.site()).isPresent();

        Files.delete(baselineFile(BaselineLayout.ClusterFile.NODES.path()));
        Files.writeString(baselineFile("notes.md"), "x");
        Report.Validate bad = Dualstack.validate(Request.Validate.of(site));
        assertThat(bad.ok()).isFalse();
        assertThat(bad.site()).isEmpty();
        assertThat(bad.resolved()).isEmpty();
        assertThat(Descriptors.withoutMetricsWarning(bad.problems())).extracting(Problem::toString).containsExactly(
                "baseline/cluster/nodes.yaml:1:1: missing; capture it with: kubectl get nodes -o yaml >"
                        + " baseline/cluster/nodes.yaml || rm -f baseline/cluster/nodes.yaml",
                "baseline/notes.md:1:1: warning: is not part of a baseline; ignored (dualstack capture prints what a"
                        + " baseline holds)");
        assertThat(bad.summary()).startsWith("1 problem(s) in baseline/cluster/nodes.yaml; nothing written");
    }

    @Test
    void theDescriptorsOwnProblemsComeFirstInSourceOrder() throws Exception {
        Files.writeString(site, Descriptors.Base.DUAL.edit().after(8, "  baseline: {directory: captured}").text());
        Report.Validate r = Dualstack.validate(Request.Validate.of(site));
        assertThat(r.problems()).extracting(Problem::toString).containsExactly(site + ":9:25: spec.baseline.directory:"
                + " the baseline directory captured does not exist beside the descriptor; dualstack capture --baseline"
                + " captured prints the commands that capture it", site + ":10:15: warning: " + Descriptors.METRICS_WARNING
                + ": CloudStream's metrics path finds a session only for an edge whose nodeIP is one IPv4 address;"
                + " kubectl logs and exec work through the control-plane redirect (README.md, CloudStream step)");
    }

    @Test
    void generateWritesFromAValidBaselineAndTakesTheFullRunEveryTime() throws Exception {
        Report.Generate first = Dualstack.generate(Request.Generate.of(site, out));
        assertThat(first.ok()).as(first.summary()).isTrue();
        assertThat(first.write().orElseThrow().written()).isNotEmpty();
        assertThat(Files.readString(out.resolve(".dualstack/stat-cache"))).contains("\nfingerprint -\n");
        Report.Generate again = Dualstack.generate(Request.Generate.of(site, out));
        assertThat(again.fromStatCache()).isFalse();
        assertThat(again.write().orElseThrow().noOp()).isTrue();
        assertThat(Files.readString(out.resolve(".dualstack/stat-cache"))).contains("\nfingerprint -\n");

        // a changed capture is read on the next run, with the descriptor unchanged
        Files.writeString(baselineFile("cluster/kubernetes.service.yaml"), "kind: Secret\n");
        Report.Generate changed = Dualstack.generate(Request.Generate.of(site, out));
        assertThat(changed.fromStatCache()).isFalse();
        assertThat(changed.errors()).extracting(Problem::toString).contains(
                "baseline/cluster/kubernetes.service.yaml:1:7: kind: must be Service, got \"Secret\"");
    }

    @Test
    void aStatCacheRecordedWithoutTheBaselineIsNotTrustedWithIt() throws Exception {
        Path plain = site.resolveSibling("plain.yaml");
        Files.writeString(plain, Descriptors.Base.DUAL.text());
        assertThat(Dualstack.generate(Request.Generate.of(plain, out)).ok()).isTrue();
        assertThat(Dualstack.generate(Request.Generate.of(plain, out)).fromStatCache()).isTrue();
        Files.delete(baselineFile("cluster/nodes.yaml"));
        Report.Generate r = Dualstack.generate(Request.Generate.of(site, out));
        assertThat(r.fromStatCache()).isFalse();
        assertThat(r.errors()).singleElement().asString().startsWith("baseline/cluster/nodes.yaml:1:1: missing");
    }

    @Test
    void checkReadsTheBaselineAndComparesNothingWithAnError() throws Exception {
        assertThat(Dualstack.generate(Request.Generate.of(site, out)).ok()).isTrue();
        Report.Check ok = Dualstack.check(Request.Check.of(site, out));
        assertThat(ok.ok()).as(ok.summary()).isTrue();
        Files.delete(baselineFile("control-plane/master-1/kube-apiserver.yaml"));
        Report.Check bad = Dualstack.check(Request.Check.of(site, out));
        assertThat(bad.drift()).isEmpty();
        assertThat(bad.errors()).singleElement().asString()
                .startsWith("baseline/control-plane/master-1/kube-apiserver.yaml:1:1: missing; capture the node's files with:");
    }

    @Test
    void theRunningSiteGuardsTheChangeAtTheDescriptorsField() throws Exception {
        Files.writeString(site, Descriptors.Base.DUAL.edit().after(8, "  baseline: {directory: baseline}")
                .sub(9, "[IPv4, IPv6]", "[IPv6, IPv4]").text());
        Report.Generate r = Dualstack.generate(Request.Generate.of(site, out));
        assertThat(r.errors()).isNotEmpty().allSatisfy(p -> assertThat(p.file()).isEqualTo(site.toString()))
                .anySatisfy(p -> {
                    assertThat(p.path()).isEqualTo("spec.ipFamilies[0]");
                    assertThat(p.line()).isEqualTo(10);
                });
        assertThat(out).doesNotExist();
        Report.Validate v = Dualstack.validate(Request.Validate.of(site));
        assertThat(v.site()).isEmpty();
        assertThat(v.errors()).extracting(Problem::toString).isEqualTo(r.errors().stream().map(Problem::toString).toList());
    }

    @Test
    void theTreeMayNotOverlapTheBaseline() throws Exception {
        Path inside = site.resolveSibling("baseline").resolve("generated");
        Report.Generate r = Dualstack.generate(Request.Generate.of(site, inside));
        assertThat(r.errors()).extracting(Problem::toString).containsExactly(site + ":9:25: spec.baseline.directory:"
                + " the baseline directory baseline and the tree " + inside + " overlap; keep the captured files and the"
                + " generated ones apart");
        assertThat(inside).doesNotExist();
    }
}
