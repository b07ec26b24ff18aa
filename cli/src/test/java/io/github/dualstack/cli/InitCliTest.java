package io.github.dualstack.cli;

import static io.github.dualstack.cli.ValidateCliTest.noStackTrace;
import static io.github.dualstack.cli.ValidateCliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.cli.ValidateCliTest.Run;
import io.github.dualstack.fixtures.TreeCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dualstack init}: the starter written, problems and the summary on stderr, the exit codes. */
class InitCliTest {

    private static final Path SAMPLE_BASELINE = Path.of("..", "samples", "brownfield-kubeadm", "baseline");

    @TempDir
    Path dir;
    Path baseline;
    Path site;

    @BeforeEach
    void copy() throws IOException {
        baseline = dir.resolve("baseline");
        site = dir.resolve("site.yaml");
        TreeCopy.copy(SAMPLE_BASELINE, baseline);
    }

    @Test
    void writesTheStarterAndSaysHowManyValuesAreLeft() throws Exception {
        Run r = run("init", "--baseline", baseline.toString(), "-o", site.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).singleElement().asString()
                .matches("dualstack: wrote " + site + ": 17 value\\(s\\) to add, each marked TODO \\(\\d+\\.\\ds\\)");
        assertThat(Files.readString(site)).startsWith("# yaml-language-server: $schema=")
                .contains("\nmetadata:\n  name: plant-north\n").contains("\n    directory: baseline\n");

        // and validate takes it from there, naming the values to add, the edges' interfaces among them
        Run v = run("validate", site.toString());
        assertThat(v.exit()).isEqualTo(ExitCodes.PROBLEMS);
        String noInterface = ": is required: neither the node, its group nor spec.edge.defaults names the interface"
                + " that carries its addresses";
        assertThat(v.errLines()).filteredOn(l -> l.contains(".interface")).containsExactly(
                site + ":66:9: spec.edge.nodes[0].interface" + noInterface,
                site + ":69:9: spec.edge.nodes[1].interface" + noInterface,
                site + ":72:9: spec.edge.nodes[2].interface" + noInterface,
                site + ":76:9: spec.edge.nodes[3].interface" + noInterface);
    }

    @Test
    void anExistingDescriptorIsRefusedWithExitOneAndReplacedWithForce() throws Exception {
        Files.writeString(site, "mine\n");
        Run refused = run("init", "--baseline", baseline.toString(), "-o", site.toString(), "--name", "lab-1");
        assertThat(refused.exit()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(refused.errLines()).singleElement().asString().startsWith("dualstack: refused: " + site
                + " exists; init does not replace it unless asked to (--force); nothing written (");
        assertThat(Files.readString(site)).isEqualTo("mine\n");

        Run forced = run("init", "--baseline", baseline.toString(), "-o", site.toString(), "--name", "lab-1", "--force");
        assertThat(forced.exit()).as(forced.err()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(site)).contains("\nmetadata:\n  name: lab-1\n");
    }

    @Test
    void aMissingBaselineIsAUsageErrorWithoutAStackTrace() {
        Path missing = dir.resolve("nothing");
        Run r = run("init", "--baseline", missing.toString(), "-o", site.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines()).containsExactly("dualstack: baseline directory not found: " + missing
                + "; dualstack capture --baseline " + missing + " prints the commands that capture it");
        noStackTrace(r);
        assertThat(site).doesNotExist();
    }

    @Test
    void aNameThatIsNoLabelIsAUsageError() {
        Run r = run("init", "--baseline", baseline.toString(), "-o", site.toString(), "--name", "Plant North");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("dualstack: the site name must be a DNS-1123 label");
        assertThat(site).doesNotExist();
    }

    @Test
    void baselineProblemsAreLocatedLinesAndExitOne() throws Exception {
        Files.delete(baseline.resolve("cluster/kubernetes.service.yaml"));
        Run r = run("init", "--baseline", baseline.toString(), "-o", site.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(r.errLines()).hasSize(2);
        assertThat(r.errLines().get(0)).startsWith(baseline + "/cluster/kubernetes.service.yaml:1:1: missing; init"
                + " reads the running site from it; capture it with: kubectl -n default get service kubernetes");
        assertThat(r.errLines().get(1)).startsWith("dualstack: 1 problem(s) in the baseline; nothing written (");
        assertThat(site).doesNotExist();
    }

    @Test
    void theDefaultsAreTheCurrentDirectorysBaselineAndSiteYaml() {
        assertThat(ValidateCliTest.run("init", "--help").out()).contains("--baseline=DIR", "default: baseline",
                "-o, --output=FILE", "default: site.yaml", "--force", "--name=NAME", "Exit codes:",
                "1   the baseline has problems, or the descriptor exists");
        assertThat(ValidateCliTest.run("--help").out()).contains("  init ");
    }
}
