package io.github.dualstack.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.dualstack.core.Descriptors;
import io.github.dualstack.core.Dualstack;
import io.github.dualstack.core.Problem;
import io.github.dualstack.core.Report;
import io.github.dualstack.core.Request;
import io.github.dualstack.core.RunOptions;
import io.github.dualstack.core.descriptor.DescriptorLoader;
import io.github.dualstack.fixtures.TreeCopy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed and hostile baselines: each is refused quickly with one-line located problems, and a generate over it
 * writes nothing, not even the output directory.
 */
class HostileBaselineTest {

    private static final Duration QUICKLY = Duration.ofSeconds(20);
    private static final String SERVICE = "cluster/kubernetes.service.yaml";

    @TempDir
    Path dir;
    BaselineFixture fx;

    @BeforeEach
    void copy() {
        fx = new BaselineFixture(dir.resolve("site"));
    }

    static Arguments refused(String name, Consumer<BaselineFixture> edit, String... problems) {
        return Arguments.of(name, edit, List.of(problems));
    }

    static Stream<Arguments> hostile() {
        return Stream.of(
                refused("bad UTF-8", f -> f.write(SERVICE, new byte[] {'a', ':', ' ', 'b', '\n', 'c', ':', ' ', (byte) 0xff, '\n'}),
                        "baseline/" + SERVICE + ":2:4: kubernetes.service.yaml is not valid UTF-8 (byte 0xFF); save it as UTF-8"),
                refused("duplicate keys", f -> f.replace(SERVICE, "  name: kubernetes\n", "  name: kubernetes\n  name: kubernetes\n"),
                        "baseline/" + SERVICE + ":8:3: metadata.name: duplicate key 'name'; each key may appear once"),
                refused("two documents", f -> f.write(SERVICE, f.read(SERVICE) + "---\na: 1\n"),
                        "baseline/" + SERVICE + ":27:1: only one YAML document is allowed; remove the second '---' document"),
                refused("empty", f -> f.write(SERVICE, ""), "baseline/" + SERVICE + ":1:1: kubernetes.service.yaml is empty"),
                refused("a list", f -> f.write(SERVICE, "- a\n"), "baseline/" + SERVICE
                        + ":1:1: must be a mapping: one Service as kubectl get -o yaml prints it, got a list"),
                refused("wrong kind", f -> f.write(SERVICE, f.read("cluster/cloudcore.deployment.yaml")),
                        "baseline/" + SERVICE + ":1:13: apiVersion: must be v1, got \"apps/v1\"",
                        "baseline/" + SERVICE + ":2:7: kind: must be Service, got \"Deployment\""),
                refused("a tag", f -> f.replace(SERVICE, "  sessionAffinity: None", "  sessionAffinity: !!binary Tm9uZQ=="),
                        "baseline/" + SERVICE + ":22:20: spec.sessionAffinity: YAML tags (!!binary) are not allowed"),
                refused("a YAML 1.1 boolean", f -> f.replace(SERVICE, "  sessionAffinity: None", "  sessionAffinity: yes"),
                        "baseline/" + SERVICE + ":22:20: spec.sessionAffinity: 'yes' is read as the boolean true (YAML"
                                + " 1.1); write true, or quote \"yes\" if it is meant as text"),
                refused("a go-yaml boolean", f -> f.replace(SERVICE, "  sessionAffinity: None", "  sessionAffinity: y"),
                        "baseline/" + SERVICE + ":22:20: spec.sessionAffinity: plain 'y' is read as a boolean by"
                                + " Kubernetes and KubeEdge (go-yaml); quote it"),
                refused("a YAML 1.1 octal", f -> f.replace(SERVICE, "    port: 443", "    port: 0443"),
                        "baseline/" + SERVICE + ":19:11: spec.ports[0].port: '0443' is read as the number 291 (YAML"
                                + " 1.1); quote it if it is meant as text, or write the number in plain decimal"),
                refused("deep nesting", f -> f.write(SERVICE, "a: " + "[".repeat(100) + "]".repeat(100) + "\n"),
                        "baseline/" + SERVICE + ":1:67: kubernetes.service.yaml nests deeper than 64 levels"),
                refused("a control character", f -> f.write(SERVICE, "a: \"x\u0007\"\n"), "baseline/" + SERVICE
                        + ":1:6: character U+0007 is not allowed in YAML; remove it, or write it as \"\\u0007\" in a"
                        + " double-quoted value"),
                refused("a join token", f -> f.replace("edge/edgecore.yaml", "    token: \"\"", "    token: \"a.b.c.d\""),
                        "baseline/edge/edgecore.yaml:25:12: modules.edgeHub.token: holds a join token, a secret, and the"
                                + " baseline is committed to git: blank it (token: \"\"), as the command of dualstack capture"
                                + " does"),
                refused("a control-plane directory of shell metacharacters", f -> f.write(
                                "control-plane/$(rm -rf ~);`id`|x/kube-apiserver.yaml", f.read("control-plane/master-1/kube-apiserver.yaml")),
                        "baseline/control-plane/$(rm -rf ~);`id`|x:1:1: is not a control-plane node of the descriptor"
                                + " (spec.nodes with role control-plane: master-1); remove the directory, or add the node"
                                + " to the descriptor"),
                refused("a line break in a directory name", f -> f.write("control-plane/m1\nbaseline:1:1: forged/a", "x"),
                        "baseline/control-plane/m1\\nbaseline:1:1: forged:1:1: is not a control-plane node of the"
                                + " descriptor (spec.nodes with role control-plane: master-1); remove the directory, or add"
                                + " the node to the descriptor"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void refusedWithLocatedOneLineProblems(String name, Consumer<BaselineFixture> edit, List<String> problems) throws Exception {
        edit.accept(fx);
        BaselineLoader.Result r = assertTimeoutPreemptively(QUICKLY, () -> fx.load());
        assertThat(r.problems()).extracting(Problem::toString).containsExactlyElementsOf(problems);
        assertThat(r.problems()).extracting(Problem::toString).allSatisfy(l -> assertThat(l).doesNotContain("\n"));
        assertThat(r.baseline()).isEmpty();
        nothingWritten();
    }

    /** Nine levels of nine aliases: 9^9 strings if anything expanded them. */
    @Test
    void billionLaughsIsRefusedWithoutExpansion() throws Exception {
        StringBuilder sb = new StringBuilder("apiVersion: v1\nkind: Service\n");
        sb.append("a0: &a0 \"lol\"\n");
        for (int i = 1; i <= 9; i++) {
            sb.append('a').append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                sb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            sb.append("]\n");
        }
        fx.write(SERVICE, sb.toString());
        BaselineLoader.Result r = assertTimeoutPreemptively(QUICKLY, () -> fx.load());
        assertThat(r.problems()).hasSize(10 + 9 * 9)
                .allSatisfy(p -> assertThat(p.message()).containsAnyOf("YAML anchors", "YAML aliases"))
                .first().asString().isEqualTo("baseline/" + SERVICE + ":3:5: a0: YAML anchors (&a0) are not allowed");
        nothingWritten();
    }

    @Test
    void aTwentyMegabyteFileIsRefusedBeforeItIsRead() throws Exception {
        byte[] big = new byte[20 * 1024 * 1024];
        Arrays.fill(big, (byte) '#');
        fx.write("control-plane/master-1/kube-apiserver.yaml", big);
        BaselineLoader.Result r = assertTimeoutPreemptively(QUICKLY, () -> fx.load());
        assertThat(r.problems()).extracting(Problem::toString).containsExactly("baseline/control-plane/master-1/"
                + "kube-apiserver.yaml:1:1: kube-apiserver.yaml is 20971520 bytes, over the limit of 8388608 bytes");
        nothingWritten();
    }

    @Test
    void theNodesListMayReachTheDescriptorLimitAndNamesHowToRaiseIt() {
        fx.descriptor();
        DescriptorLoader.Result loaded = Descriptors.load(fx.descriptor);
        long size = fx.read("cluster/nodes.yaml").length();
        BaselineLoader.Result r = new BaselineLoader(size - 1, "--max-descriptor-bytes")
                .load(fx.site, "site.yaml", loaded.locator(), loaded.site());
        assertThat(r.problems()).extracting(Problem::toString).containsExactly("baseline/cluster/nodes.yaml:1:1:"
                + " nodes.yaml is " + size + " bytes, over the limit of " + (size - 1)
                + " bytes (raise it with --max-descriptor-bytes)");
        assertThat(new BaselineLoader(size, "--max-descriptor-bytes").load(fx.site, "site.yaml", loaded.locator(),
                loaded.site()).ok()).isTrue();
    }

    @Test
    void aSymbolicLinkInsideTheBaselineIsRefusedNotFollowed() throws Exception {
        Path outside = Files.writeString(dir.resolve("secret.yaml"), fx.read(SERVICE));
        Files.delete(fx.file(SERVICE));
        Files.createSymbolicLink(fx.file(SERVICE), outside);
        Files.createSymbolicLink(fx.file("cluster/kube-dns.service.yaml"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(fx.file("linked"), dir);
        assertThat(fx.problems()).containsExactly(
                "baseline/cluster/kube-dns.service.yaml:1:1: is a symbolic link; a baseline holds regular files only"
                        + " (it is committed to git and read as untrusted input)",
                "baseline/cluster/kubernetes.service.yaml:1:1: is a symbolic link; a baseline holds regular files only"
                        + " (it is committed to git and read as untrusted input)",
                "baseline/linked:1:1: is a symbolic link; a baseline holds regular files only (it is committed to git"
                        + " and read as untrusted input)");
        nothingWritten();
    }

    @Test
    void aLinkedNodeDirectoryIsRefused() throws Exception {
        Path elsewhere = dir.resolve("elsewhere");
        TreeCopy.copy(fx.file("control-plane/master-1"), elsewhere);
        fx.delete("control-plane/master-1");
        Files.createSymbolicLink(fx.file("control-plane/master-1"), elsewhere);
        assertThat(fx.problems()).containsExactly("baseline/control-plane/master-1:1:1: is a symbolic link; a baseline"
                + " holds regular files only (it is committed to git and read as untrusted input)");
    }

    @Test
    void aFifoIsRefusedWithoutBeingOpened() throws Exception {
        Files.delete(fx.file(SERVICE));
        Process mk = new ProcessBuilder("mkfifo", fx.file(SERVICE).toString()).start();
        assertThat(mk.waitFor()).isZero();
        BaselineLoader.Result r = assertTimeoutPreemptively(QUICKLY, () -> fx.load());
        assertThat(r.problems()).extracting(Problem::toString).containsExactly("baseline/" + SERVICE + ":1:1: is a"
                + " FIFO (named pipe); a baseline holds regular files only (it is committed to git and read as untrusted"
                + " input)");
    }

    @Test
    void aBaselineDirectoryThatLinksOutsideTheDescriptorsDirectoryIsRefused() throws Exception {
        Path outside = dir.resolve("outside");
        Files.move(fx.baseline, outside);
        Files.createSymbolicLink(fx.baseline, outside);
        BaselineLoader.Result r = fx.load();
        assertThat(r.problems()).extracting(Problem::toString).containsExactly("site.yaml:9:25: spec.baseline.directory:"
                + " the baseline directory baseline leads through a symbolic link to " + outside.toRealPath()
                + ", outside the descriptor's directory; it must be inside it");
        nothingWritten();
    }

    @Test
    void aBaselineDirectoryThatLinksInsideIsRead() throws Exception {
        Path captures = Files.createDirectories(fx.root.resolve("captures"));
        Files.move(fx.baseline, captures.resolve("2025"));
        Files.createSymbolicLink(fx.baseline, Path.of("captures/2025"));
        BaselineLoader.Result r = fx.load();
        assertThat(r.problems()).isEmpty();
        assertThat(r.baseline().orElseThrow().name()).isEqualTo("baseline");
    }

    @Test
    void aMissingBaselineDirectoryIsTheDescriptorsProblem() {
        fx.delete("");
        assertThat(fx.problems()).containsExactly("site.yaml:9:25: spec.baseline.directory: the baseline directory"
                + " baseline does not exist beside the descriptor; dualstack capture --baseline baseline prints the"
                + " commands that capture it");
    }

    @Test
    void aBaselineThatIsAFileIsTheDescriptorsProblem() throws Exception {
        fx.delete("");
        Files.writeString(fx.baseline, "x");
        assertThat(fx.problems()).containsExactly("site.yaml:9:25: spec.baseline.directory: the baseline baseline is"
                + " a regular file, not a directory");
    }

    @Test
    void aDirectoryOutsideTheDescriptorsIsRefusedByTheSchema() {
        for (String d : List.of("../x", "/etc", "a/../../x", ".", "./baseline", "..")) {
            DescriptorLoader.Result r = Descriptors.load(Descriptors.Base.DUAL.edit()
                    .after(8, "  baseline: {directory: \"" + d + "\"}").text());
            assertThat(r.ok()).as(d).isFalse();
            assertThat(Descriptors.errors(r)).as(d).singleElement().asString().isEqualTo("site.yaml:9:25:"
                    + " spec.baseline.directory: must be a relative directory inside the descriptor's directory, like"
                    + " baseline, without '..'");
        }
    }

    /** A generate over the refused baseline, into a fresh tree: nothing is written, not even the directory. */
    private void nothingWritten() throws Exception {
        Files.writeString(fx.site, fx.descriptor);
        Path out = dir.resolve("generated");
        Report.Generate g = Dualstack.generate(new Request.Generate(fx.site, out, false, RunOptions.defaults()));
        assertThat(g.ok()).isFalse();
        assertThat(g.write()).isEmpty();
        assertThat(g.errors()).as("the baseline's errors").isNotEmpty().extracting(Problem::message)
                .containsExactlyElementsOf(fx.load().problems().stream().filter(Problem::isError)
                        .map(Problem::message).toList());
        assertThat(g.summary()).contains("nothing written");
        assertThat(out).doesNotExist();
    }
}
