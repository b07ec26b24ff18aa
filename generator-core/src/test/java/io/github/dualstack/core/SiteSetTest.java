package io.github.dualstack.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dualstack.core.DualstackException.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which descriptors a pattern names, where each site's tree goes, and the patterns and trees that are refused. */
class SiteSetTest {

    @TempDir
    Path repo;

    private void file(String path) throws Exception {
        Path p = repo.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "apiVersion: dualstack/v1alpha1\n");
    }

    @Test
    void matchesByGlobInNameOrderWithEachTreeBesideItsDescriptor() throws Exception {
        file("sites/plant-b/site.yaml");
        file("sites/plant-a/site.yaml");
        file("sites/plant-a/generated/site.yaml");      // inside a tree: deeper than the pattern reaches
        file("sites/plant-c/other.yaml");
        file("site.yaml");
        Files.createDirectories(repo.resolve("sites/plant-d/site.yaml"));   // a directory, not a descriptor

        List<SiteSet.Entry> sites = SiteSet.of(repo, List.of("sites/*/site.yaml")).resolve();

        assertThat(sites).extracting(SiteSet.Entry::name).containsExactly("sites/plant-a/site.yaml",
                "sites/plant-b/site.yaml");
        assertThat(sites.get(0).descriptor()).isEqualTo(repo.resolve("sites/plant-a/site.yaml"));
        assertThat(sites.get(0).outputDirectory()).isEqualTo(repo.resolve("sites/plant-a/generated"));
    }

    @Test
    void doubleStarCrossesDirectoriesAndEverySiteIsNamedOnce() throws Exception {
        file("sites/eu/plant-a/site.yaml");
        file("sites/us/west/plant-b/site.yaml");
        file("sites/plant-c/site.yaml");

        file("sites/site.yaml");     // ** matches one directory or more here: sites/site.yaml is not a site

        List<SiteSet.Entry> sites = new SiteSet(repo, List.of("sites/**/site.yaml", "sites/*/site.yaml",
                "sites/eu/plant-a/site.yaml"), "out/tree").resolve();

        assertThat(sites).extracting(SiteSet.Entry::name).containsExactly("sites/eu/plant-a/site.yaml",
                "sites/plant-c/site.yaml", "sites/us/west/plant-b/site.yaml");
        assertThat(sites.get(2).outputDirectory()).isEqualTo(repo.resolve("sites/us/west/plant-b/out/tree"));
    }

    @Test
    void aRelativeBaseGivesRelativeNamesAndPaths() throws Exception {
        file("sites/plant-a/site.yaml");
        Path base = Path.of("").toAbsolutePath().relativize(repo);
        SiteSet.Entry site = SiteSet.of(base, List.of("sites/*/site.yaml")).resolve().get(0);
        assertThat(site.name()).isEqualTo("sites/plant-a/site.yaml");
        assertThat(site.descriptor()).isEqualTo(base.resolve("sites/plant-a/site.yaml"));
    }

    @Test
    void absolutePatternsAndPatternsAboveTheBaseAreTheUsersOwnChoice() throws Exception {
        file("infra/sites/plant-a/site.yaml");
        Path base = repo.resolve("tools");
        Files.createDirectories(base);
        assertThat(SiteSet.of(base, List.of("../infra/sites/*/site.yaml")).resolve())
                .extracting(SiteSet.Entry::name).containsExactly("../infra/sites/plant-a/site.yaml");
        SiteSet.Entry site = SiteSet.of(base, List.of(repo + "/infra/*/*/site.yaml")).resolve().get(0);
        assertThat(site.name()).isEqualTo(repo + "/infra/sites/plant-a/site.yaml");
        assertThat(site.outputDirectory()).isEqualTo(repo.resolve("infra/sites/plant-a/generated"));
    }

    @Test
    void unusablePatternsAreAllReportedAtOnce() {
        assertThatThrownBy(() -> new SiteSet(repo, List.of("sites/*/site.yaml", " ", ""), "/tmp/out").resolve())
                .isInstanceOf(InputException.class)
                .hasMessage("""
                        a descriptor pattern is empty
                        a descriptor pattern is empty
                        /tmp/out: the output directory of each site is relative to its descriptor and not the\
                         descriptor's own directory, e.g. generated""");
        assertThatThrownBy(() -> SiteSet.of(repo, List.of()).resolve()).hasMessage("no descriptor pattern given");
        assertThatThrownBy(() -> new SiteSet(repo, List.of("site.yaml"), "./").resolve())
                .hasMessageContaining("not the descriptor's own directory");
    }

    @Test
    void noMatchIsAnErrorNamingThePatterns() {
        assertThatThrownBy(() -> SiteSet.of(repo, List.of("sites/*/site.yaml", "missing/site.yaml")).resolve())
                .isInstanceOf(InputException.class)
                .hasMessage("no site descriptor under " + repo + " matches sites/*/site.yaml, missing/site.yaml");
    }

    @Test
    void twoSitesMayNotShareATree() throws Exception {
        file("sites/a/x/site.yaml");
        file("sites/a/y/site.yaml");
        assertThatThrownBy(() -> new SiteSet(repo, List.of("sites/*/*/site.yaml"), "../generated").resolve())
                .isInstanceOf(InputException.class)
                .hasMessage("sites/a/y/site.yaml and sites/a/x/site.yaml would both write the tree "
                        + repo.resolve("sites/a/generated") + "; give each site a directory of its own");
    }
}
