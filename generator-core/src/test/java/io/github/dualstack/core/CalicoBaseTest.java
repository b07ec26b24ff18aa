package io.github.dualstack.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * calico.base goes into cluster/kustomization.yaml as a resource, and kustomize would fetch a URL or read an
 * absolute path: it must name a directory of the repository, relative to cluster/.
 */
class CalicoBaseTest {

    @TempDir
    Path dir;

    private static String site(String base) throws Exception {
        return Files.readString(Path.of("..", "samples", "dual-stack-site", "site.yaml"))
                .replace("  calico:\n", "  calico:\n    base: " + base + "\n");
    }

    private static List<String> errors(String base) throws Exception {
        return Descriptors.errors(Descriptors.load(site(base))).stream().map(Problem::toString).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://github.com/projectcalico/calico//manifests?ref=v3.30.0 | remote bases (URLs, git references) are not accepted",
        "github.com/projectcalico/calico/manifests                     | remote bases (URLs, git references) are not accepted",
        "git@github.com:projectcalico/calico.git                       | remote bases (URLs, git references) are not accepted",
        "file:///etc                                                   | remote bases (URLs, git references) are not accepted",
        "../upstream?ref=main                                          | remote bases (URLs, git references) are not accepted",
        "/etc/kubernetes                                               | not an absolute path",
        "../../upstream//calico                                        | has an empty or '.' segment",
        "./upstream                                                    | has an empty or '.' segment",
    })
    void remoteAbsoluteAndOddPathsAreRefusedAtValidate(String base, String why) throws Exception {
        assertThat(errors(base)).singleElement().asString().startsWith("site.yaml:17:11: spec.calico.base: ").contains(why);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../upstream/calico", "../upstream", "vendor/calico"})
    void relativeDirectoriesAreAccepted(String base) throws Exception {
        assertThat(errors(base)).isEmpty();
    }

    @Test
    void aBaseThatLeadsOutOfTheRepositoryIsRefusedWhereTheTreeGoes() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.createDirectories(repo.resolve(".git"));
        Path descriptor = Files.writeString(Files.createDirectories(repo.resolve("sites/east")).resolve("site.yaml"),
                site("../../../../../etc"));
        Path out = repo.resolve("sites/east/generated");
        Report r = Dualstack.generate(Request.Generate.of(descriptor, out));
        assertThat(r.errors()).singleElement().asString().isEqualTo(descriptor + ":17:11: spec.calico.base: leads"
                + " outside the repository (" + repo.toAbsolutePath() + ") from the generated cluster/ directory; keep"
                + " the upstream Calico manifests in the repository and name that directory");
        assertThat(out).doesNotExist();

        Files.writeString(descriptor, site("../../../../upstream/calico"));   // repo/upstream/calico
        Report ok = Dualstack.generate(Request.Generate.of(descriptor, out));
        assertThat(ok.ok()).as(ok.summary() + ok.problems()).isTrue();

        Files.createDirectories(repo.resolve("upstream"));
        Files.createSymbolicLink(repo.resolve("upstream/calico"), dir);   // a link out of the repository
        Report linked = Dualstack.check(Request.Check.of(descriptor, out));
        assertThat(linked.errors()).singleElement().asString().contains("spec.calico.base: leads outside the repository");
    }
}
