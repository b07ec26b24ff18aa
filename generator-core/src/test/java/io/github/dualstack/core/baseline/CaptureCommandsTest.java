package io.github.dualstack.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dualstack.core.baseline.BaselineLayout.ClusterFile;
import io.github.dualstack.core.baseline.CaptureCommands.ListedNode;
import io.github.dualstack.core.rules.ShellWord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The capture commands as printed, and as a real shell runs them with fake kubectl, ssh and sudo first on PATH:
 * every value stays one inert word, whatever a node or directory is called.
 */
class CaptureCommandsTest {

    private static final Map<String, String> CONTROL_PLANE = Map.of(CaptureCommands.CONTROL_PLANE_LABEL, "");
    private static final Map<String, String> EDGE = Map.of(CaptureCommands.EDGE_LABEL, "");
    private static final String HOSTILE_DIRECTORY = "my dir/$(touch pwned)`touch pwned2`;'x";

    @TempDir
    Path tmp;

    @Test
    void eachClusterFileIsOneKubectlGet() {
        CaptureCommands c = new CaptureCommands("baseline", "edge-system");
        assertThat(c.cluster(ClusterFile.KUBEADM_CONFIG)).isEqualTo("kubectl -n kube-system get configmap kubeadm-config"
                + " -o yaml > baseline/cluster/kubeadm-config.configmap.yaml || rm -f"
                + " baseline/cluster/kubeadm-config.configmap.yaml");
        assertThat(c.cluster(ClusterFile.CLOUDCORE_SERVICE)).isEqualTo("kubectl -n edge-system get service cloudcore"
                + " -o yaml > baseline/cluster/cloudcore.service.yaml || rm -f baseline/cluster/cloudcore.service.yaml");
        assertThat(c.cluster(ClusterFile.NODES)).isEqualTo("kubectl get nodes -o yaml > baseline/cluster/nodes.yaml"
                + " || rm -f baseline/cluster/nodes.yaml");
        assertThat(c.cluster(ClusterFile.CALICO_POOLS)).isEqualTo("kubectl get ippools.crd.projectcalico.org -o yaml"
                + " > baseline/cluster/calico.ippools.yaml || rm -f baseline/cluster/calico.ippools.yaml");
    }

    @Test
    void withoutANodesListTheClusterPartAndANoteToRunAgain() {
        String script = new CaptureCommands("baseline", "kubeedge").script(Optional.empty());
        List<String> commands = script.lines().filter(l -> !l.startsWith("#")).toList();
        assertThat(commands).first().isEqualTo("mkdir -p baseline/cluster");
        assertThat(commands).hasSize(1 + ClusterFile.values().length)
                .allSatisfy(l -> assertThat(l).doesNotContain("ssh"));
        for (ClusterFile f : ClusterFile.values()) {
            assertThat(commands).contains(new CaptureCommands("baseline", "kubeedge").cluster(f));
        }
        assertThat(script.lines().toList()).last().asString().isEqualTo("# Then run dualstack capture again: with"
                + " baseline/cluster/nodes.yaml captured, it prints the command for each control-plane node and the"
                + " edge commands.");
    }

    @Test
    void withANodesListOneCommandPerControlPlaneNodeAndTheEdgeOnes() {
        String script = new CaptureCommands("baseline", "kubeedge").script(Optional.of(List.of(
                new ListedNode("master-2", CONTROL_PLANE), new ListedNode("worker-1", Map.of()),
                new ListedNode("edge-0009", EDGE), new ListedNode("edge-0003", EDGE),
                new ListedNode("master-1", CONTROL_PLANE))));
        List<String> ssh = script.lines().filter(l -> l.contains("ssh -- ")).toList();
        assertThat(ssh).hasSize(4);
        assertThat(ssh.get(0)).startsWith("mkdir -p baseline/control-plane/master-2 && ssh -- master-2 'sudo sh -c ")
                .endsWith(" | tar -x -f - -C baseline/control-plane/master-2");
        assertThat(ssh.get(1)).startsWith("mkdir -p baseline/control-plane/master-1 && ssh -- master-1 ");
        assertThat(ssh.get(2)).isEqualTo("mkdir -p baseline/edge && ssh -- edge-0003 'sudo cat"
                + " /etc/kubeedge/config/edgecore.yaml' | sed -e 's/^\\([[:space:]]*token:\\).*$/\\1 \"\"/' >"
                + " baseline/edge/edgecore.yaml && [ -s baseline/edge/edgecore.yaml ] || rm -f baseline/edge/edgecore.yaml");
        assertThat(ssh.get(3)).startsWith("n=\"${EDGE_NODE:?set EDGE_NODE to the name of the edge node}\" && mkdir -p"
                + " baseline/edge/\"$n\" && ssh -- \"$n\" ");
        assertThat(script).doesNotContain("worker-1");
    }

    @Test
    void aListWithoutControlPlaneOrEdgeNodesSaysSo() {
        String script = new CaptureCommands("baseline", "kubeedge").script(Optional.of(List.of(
                new ListedNode("worker-1", Map.of()))));
        assertThat(script).contains("# (baseline/cluster/nodes.yaml lists no node labelled"
                + " node-role.kubernetes.io/control-plane)\n");
        assertThat(script).contains("n=\"${EDGE_NODE:?set EDGE_NODE to the name of an edge node}\" && mkdir -p"
                + " baseline/edge && ssh -- \"$n\" ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a;touch pwned", "$(touch pwned)", "`touch pwned`", "-oProxyCommand=touch pwned",
            "../../etc", "m1\n# forged line", "m1\u001b[2J", "M1", "a b", "x'y", ".", ""})
    void aNameNoNodeCanHaveIsSkippedInAOneLineComment(String name) {
        String script = new CaptureCommands("baseline", "kubeedge").script(Optional.of(List.of(
                new ListedNode(name, CONTROL_PLANE), new ListedNode("edge-1", EDGE))));
        List<String> lines = script.lines().toList();
        assertThat(lines).filteredOn(l -> l.startsWith("# skipped a node")).singleElement().asString()
                .doesNotContain("\n", "\u001b");
        assertThat(lines).filteredOn(l -> l.contains("baseline/control-plane/")).isEmpty();
        assertThat(CaptureCommands.isNodeName(name)).isFalse();
        assertThatThrownBy(() -> new CaptureCommands("baseline", "kubeedge").controlPlane(name))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "a b", "$(touch pwned)", "`touch pwned`", "x'y'z", "'", "\"", "\\", "a\nb",
            "*", "~", "-rf", ";rm -rf /", "$HOME", "", "!", "#c", "a\tb", "é"})
    void aQuotedWordIsTheStringItselfToTheShell(String value) throws Exception {
        Path out = tmp.resolve("out");
        Shell r = shell("printf %s " + ShellWord.quote(value) + " > " + out, tmp);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(out)).isEqualTo(value);
        assertThat(tmp.resolve("pwned")).doesNotExist();
    }

    @Test
    void theScriptRunsWithAHostileDirectoryNameAndWritesOnlyInsideIt() throws Exception {
        Path bin = fakeTools();
        String script = new CaptureCommands(HOSTILE_DIRECTORY, "kube'edge").script(Optional.of(List.of(
                new ListedNode("master-1", CONTROL_PLANE), new ListedNode("edge-0001", EDGE))));
        Path work = Files.createDirectories(tmp.resolve("site"));
        Shell r = shell("PATH=" + bin + ":$PATH; export FAKE_LOG=" + tmp.resolve("log") + "; EDGE_NODE=edge-0002; set -e\n"
                + script, work);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(work.resolve("pwned")).doesNotExist();
        assertThat(work.resolve("pwned2")).doesNotExist();
        Path baseline = work.resolve(HOSTILE_DIRECTORY);
        assertThat(baseline.resolve("cluster/cloudcore.service.yaml")).content()
                .isEqualTo("kubectl -n kube'edge get service cloudcore -o yaml\n");
        assertThat(baseline.resolve("cluster/nodes.yaml")).content().isEqualTo("kubectl get nodes -o yaml\n");
        for (String f : List.of("kube-apiserver.yaml", "kubelet.service", "apiserver.sans.txt")) {
            assertThat(baseline.resolve("control-plane/master-1/" + f)).content().isEqualTo("captured " + f + "\n");
        }
        for (String f : List.of("edge/edgecore.yaml", "edge/edge-0002/edgecore.yaml")) {
            assertThat(baseline.resolve(f)).content().isEqualTo("modules:\n  edgeHub:\n    token: \"\"\n    enable: true\n");
        }
        String log = Files.readString(tmp.resolve("log"));
        assertThat(log).contains("ssh [--] [master-1] [sudo sh -c '" + CaptureCommands.nodeScript() + "']\n");
        assertThat(log).contains("sudo [sh] [-c] [" + CaptureCommands.nodeScript() + "]\n");
        assertThat(log).contains("ssh [--] [edge-0001] [sudo cat /etc/kubeedge/config/edgecore.yaml]\n");
        assertThat(log).contains("ssh [--] [edge-0002] [sudo cat /etc/kubeedge/config/edgecore.yaml]\n");
    }

    @Test
    void whatTheClusterOrANodeDoesNotGiveLeavesNoFile() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("failing"));
        tool(bin, "kubectl", "echo 'Error from server (NotFound)' >&2; exit 1\n");
        tool(bin, "ssh", "exit 255\n");
        CaptureCommands c = new CaptureCommands("baseline", "kubeedge");
        Path work = Files.createDirectories(tmp.resolve("w"));
        Shell r = shell("PATH=" + bin + ":$PATH; mkdir -p baseline/cluster; " + c.cluster(ClusterFile.CALICO_INSTALLATION)
                + "; " + c.edgeDefault(Optional.of("edge-1")) + "; EDGE_NODE=edge-2; " + c.edgeNode(), work);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(work.resolve("baseline/cluster/calico.installation.yaml")).doesNotExist();
        assertThat(work.resolve("baseline/edge/edgecore.yaml")).doesNotExist();
        assertThat(work.resolve("baseline/edge/edge-2/edgecore.yaml")).doesNotExist();
    }

    @Test
    void theNodeScriptCopiesTheNodesFilesUnderTheBaselinesNames() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("node-bin"));
        Path root = Files.createDirectories(tmp.resolve("node-root"));
        tool(bin, "cp", "exec /bin/cp \"$FAKE_ROOT$1\" \"$2\"\n");
        tool(bin, "systemctl", "echo \"[Service] from systemctl $*\"\n");
        tool(bin, "openssl", "echo \"X509v3 Subject Alternative Name: from openssl $*\"\n");
        for (String f : List.of("kube-apiserver.yaml", "kube-controller-manager.yaml")) {
            Files.createDirectories(root.resolve("etc/kubernetes/manifests"));
            Files.writeString(root.resolve("etc/kubernetes/manifests/" + f), "node's " + f + "\n");
        }
        Path out = Files.createDirectories(tmp.resolve("into"));
        Shell r = shell("PATH=" + bin + ":$PATH; export FAKE_ROOT=" + root + "; sh -c "
                + ShellWord.quote(CaptureCommands.nodeScript()) + " | tar -x -f - -C " + out, tmp);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(out.resolve("kube-apiserver.yaml")).content().isEqualTo("node's kube-apiserver.yaml\n");
        assertThat(out.resolve("kube-controller-manager.yaml")).content().isEqualTo("node's kube-controller-manager.yaml\n");
        assertThat(out.resolve("kubelet.service")).content().isEqualTo("[Service] from systemctl cat kubelet\n");
        assertThat(out.resolve("apiserver.sans.txt")).content().isEqualTo("X509v3 Subject Alternative Name: from"
                + " openssl x509 -in /etc/kubernetes/pki/apiserver.crt -noout -ext subjectAltName\n");
        if (Files.notExists(Path.of("/etc/kubernetes/manifests/etcd.yaml"))) {
            assertThat(out.resolve("etcd.yaml")).as("external etcd: no manifest").doesNotExist();
        }
        try (var left = Files.list(out)) {
            assertThat(left).hasSizeLessThanOrEqualTo(5);
        }
    }

    @Test
    void theTokenIsBlankedWhateverItsQuoting() throws Exception {
        for (String line : List.of("    token: abc.def", "    token: \"abc\"", "    token: 'x y'", "  token:abc")) {
            Path f = tmp.resolve("e.yaml");
            Shell r = shell("printf '%s\\n' " + ShellWord.quote(line) + " | sed -e "
                    + ShellWord.quote(CaptureCommands.BLANK_TOKEN) + " > " + f, tmp);
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(Files.readString(f)).as(line).isEqualTo(line.substring(0, line.indexOf(':') + 1) + " \"\"\n");
        }
    }

    private Path fakeTools() throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path node = Files.createDirectories(tmp.resolve("node-files"));
        for (String f : List.of("kube-apiserver.yaml", "kubelet.service", "apiserver.sans.txt")) {
            Files.writeString(node.resolve(f), "captured " + f + "\n");
        }
        tool(bin, "kubectl", "echo \"kubectl $*\"\n");
        // Records each argument in brackets, then runs the remote command as the node's shell would.
        tool(bin, "ssh", """
                printf 'ssh' >> "$FAKE_LOG"; for a in "$@"; do printf ' [%s]' "$a" >> "$FAKE_LOG"; done
                echo >> "$FAKE_LOG"
                PATH=$(dirname "$0")/remote:$PATH sh -c "$3"
                """);
        Path remote = Files.createDirectories(bin.resolve("remote"));
        tool(remote, "sudo", """
                printf 'sudo' >> "$FAKE_LOG"; for a in "$@"; do printf ' [%s]' "$a" >> "$FAKE_LOG"; done
                echo >> "$FAKE_LOG"
                if [ "$1" = sh ]; then tar -C NODE -cf - .; else printf 'modules:\\n  edgeHub:\\n    token: sec.ret\\n    enable: true\\n'; fi
                """.replace("NODE", node.toString()));
        return bin;
    }

    private static void tool(Path bin, String name, String body) throws IOException {
        Path f = bin.resolve(name);
        Files.writeString(f, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    record Shell(int exit, String out, String err) {
    }

    private static Shell shell(String script, Path cwd) throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-c", script).directory(cwd.toFile()).start();
        p.getOutputStream().close();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Shell(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
