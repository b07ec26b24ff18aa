package io.github.dualstack.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attack end to end: a pull request commits links into a site's generated tree (git carries them), CI clones
 * the repository and runs generate or check with its secrets at hand. Nothing outside the clone may be created,
 * changed or printed.
 */
class HostileRepositoryTest {

    @TempDir
    Path tmp;
    Path outside;
    Path clone;

    @BeforeEach
    void repository() throws Exception {
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "CI_TOKEN=hunter2\n");
        Files.writeString(outside.resolve("config"), "keep me\n");
        Path origin = Files.createDirectories(tmp.resolve("origin"));
        Files.copy(Path.of("..", "samples", "dual-stack-site", "site.yaml"), origin.resolve("site.yaml"));
        git(origin, "init", "-q");
        Report first = generate(origin, false);
        assertThat(first.ok()).as(first.summary()).isTrue();
        Path gen = origin.resolve("generated");
        // What the pull request adds: a link at a staging name, at a planned file, in .dualstack/, as a directory.
        Files.createSymbolicLink(gen.resolve("cluster/kubeedge/.cloudcore.service.yaml.dualstack-new"),
                outside.resolve("config"));
        Files.delete(gen.resolve("cluster/kustomization.yaml"));
        Files.createSymbolicLink(gen.resolve("cluster/kustomization.yaml"), outside.resolve("secret"));
        Files.delete(gen.resolve(".dualstack/.gitignore"));
        Files.createSymbolicLink(gen.resolve(".dualstack/.gitignore"), outside.resolve("config"));
        Files.createSymbolicLink(gen.resolve(".dualstack/lock"), outside.resolve("created-lock"));
        try (Stream<Path> walk = Files.walk(gen.resolve("edge/edge-0002"))) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        Files.createSymbolicLink(gen.resolve("edge/edge-0002"), outside);
        git(origin, "add", "-A", "-f");
        git(origin, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "hostile");
        clone = tmp.resolve("clone");
        git(tmp, "clone", "-q", origin.toString(), clone.toString());
        assertThat(Files.isSymbolicLink(clone.resolve("generated/cluster/kustomization.yaml"))).isTrue();
    }

    private static void git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(String.join(" ", cmd) + "\n" + out).isZero();
    }

    private static Report.Generate generate(Path repo, boolean force) throws DualstackException {
        return Dualstack.generate(new Request.Generate(repo.resolve("site.yaml"), repo.resolve("generated"), force,
                RunOptions.defaults()));
    }

    private static Report.Check check(Path repo) throws DualstackException {
        return Dualstack.check(Request.Check.of(repo.resolve("site.yaml"), repo.resolve("generated")));
    }

    private Map<String, String> outsideNow() throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(outside)) {
            for (Path p : s.toList()) {
                m.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        return m;
    }

    @Test
    void generateAndCheckOnTheCloneTouchAndPrintNothingOutside() throws Exception {
        Map<String, String> before = outsideNow();
        for (boolean force : new boolean[] {false, true}) {
            Exception failure = null;
            try {
                Report.Generate r = generate(clone, force);
                assertThat(r.ok()).isFalse();
                assertThat(r.write().orElseThrow().refusals().toString()).doesNotContain("hunter2");
            } catch (DualstackException e) {
                failure = e;
            }
            assertThat(failure).as("the lock is a planted link: refused before anything else")
                    .hasMessageContaining(".dualstack/lock: is a symbolic link");
            assertThat(outsideNow()).isEqualTo(before);
        }
        Files.delete(clone.resolve("generated/.dualstack/lock"));
        Report.Generate r = generate(clone, true);
        assertThat(r.write().orElseThrow().refusals()).anySatisfy(x -> assertThat(x.message())
                .startsWith("cluster/kustomization.yaml: passes through the symbolic link cluster/kustomization.yaml"))
                .anySatisfy(x -> assertThat(x.message()).startsWith("edge/edge-0002/etc/kubeedge/config/edgecore.yaml: passes"
                        + " through the symbolic link edge/edge-0002"));
        assertThat(outsideNow()).isEqualTo(before);

        Drift d = check(clone).drift().orElseThrow();
        assertThat(d.none()).isFalse();
        assertThat(d.diffs().toString() + d.problems()).doesNotContain("hunter2", "keep me");
        assertThat(d.problems()).anySatisfy(x -> assertThat(x).startsWith("cluster/kustomization.yaml: passes through"));
        assertThat(outsideNow()).isEqualTo(before);
    }
}
