package io.github.dualstack.cli;

import static io.github.dualstack.cli.InputErrorsCliTest.usageError;
import static io.github.dualstack.cli.ValidateCliTest.noStackTrace;
import static io.github.dualstack.cli.ValidateCliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.cli.ValidateCliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dualstack capture}: the commands on stdout, a captured nodes list's problems on stderr. */
class CaptureCliTest {

    private static final Path NODES = Path.of("..", "generator-core", "src", "test", "resources", "baselines",
            "small", "cluster", "nodes.yaml");

    @TempDir
    Path dir;

    @Test
    void withoutANodesListTheKubectlCommandsAndANoteToRunAgain() {
        String baseline = dir.resolve("baseline").toString();
        Run r = run("capture", "--baseline", baseline);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("\nkubectl get nodes -o yaml > " + baseline + "/cluster/nodes.yaml || rm -f "
                        + baseline + "/cluster/nodes.yaml\n")
                .contains("\nkubectl -n kubeedge get service cloudcore -o yaml > " + baseline
                        + "/cluster/cloudcore.service.yaml || rm -f ")
                .endsWith("/cluster/nodes.yaml captured, it prints the command for each control-plane node and the"
                        + " edge commands.\n")
                .doesNotContain("ssh");
        assertThat(dir.resolve("baseline")).as("prints, never writes").doesNotExist();
    }

    @Test
    void withANodesListOneCommandPerControlPlaneNode() throws Exception {
        Path baseline = Files.createDirectories(dir.resolve("baseline/cluster")).getParent();
        Files.copy(NODES, baseline.resolve("cluster/nodes.yaml"));
        Run r = run("capture", "--baseline", baseline.toString(), "--cloudcore-namespace", "edge-system");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("\nmkdir -p " + baseline + "/control-plane/master-1 && ssh -- master-1 'sudo sh -c ")
                .contains("\nmkdir -p " + baseline + "/edge && ssh -- edge-0001 'sudo cat /etc/kubeedge/config/edgecore.yaml'")
                .contains("kubectl -n edge-system get deployment cloudcore -o yaml")
                .doesNotContain("ssh -- worker-1");
    }

    @Test
    void aBrokenNodesListIsReportedAndNotUsed() throws Exception {
        Path baseline = Files.createDirectories(dir.resolve("baseline/cluster")).getParent();
        Files.writeString(baseline.resolve("cluster/nodes.yaml"), "apiVersion: v1\nkind: List\nitems:\n- kind: Pod\n");
        Run r = run("capture", "--baseline", baseline.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(r.errLines()).containsExactly(
                baseline + "/cluster/nodes.yaml:4:3: items[0].apiVersion: must be v1, got nothing",
                baseline + "/cluster/nodes.yaml:4:9: items[0].kind: must be Node, got \"Pod\"");
        assertThat(r.out()).contains("kubectl get nodes -o yaml").doesNotContain("ssh");
        noStackTrace(r);
    }

    @Test
    void aNamespaceThatNoNamespaceCanHaveIsAUsageError() {
        usageError(run("capture", "--cloudcore-namespace", "Kube Edge;x"), "capture", "--cloudcore-namespace must be a"
                + " namespace name (lowercase letters, digits and '-', at most 63), not \"Kube Edge;x\"");
    }

    @Test
    void theHelpSaysHowToCapture() {
        Run r = run("capture", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Usage: dualstack capture", "--baseline=DIR", "--cloudcore-namespace=NS",
                "1. Run dualstack capture --baseline baseline", "commit the baseline", "join token is blanked");
        assertThat(run("--help").out()).contains("capture");
    }
}
