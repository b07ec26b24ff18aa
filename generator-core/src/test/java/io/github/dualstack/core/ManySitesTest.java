package io.github.dualstack.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.DualstackException.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One call over the sites of an infrastructure repository: each site runs with its own descriptor and tree, the
 * report names the site of every problem, and the run fails when any site does while the others still run.
 */
class ManySitesTest {

    private static final String CONFIG = "generated/edge/edge-0001/etc/kubeedge/config/edgecore.yaml";

    @TempDir
    Path repo;
    SiteSet sites;

    @BeforeEach
    void threeSites() throws Exception {
        for (String name : List.of("plant-c", "plant-a", "plant-b")) {
            Path site = repo.resolve("sites").resolve(name).resolve("site.yaml");
            Files.createDirectories(site.getParent());
            Files.writeString(site, Descriptors.Base.DUAL.edit().sub(7, "factory-east", name).text());
        }
        sites = SiteSet.of(repo, List.of("sites/*/site.yaml"));
    }

    private SitesReport<Report.Generate> generate() throws DualstackException {
        return Dualstack.eachSite(sites, s -> Dualstack.generate(Request.Generate.of(s.descriptor(),
                s.outputDirectory())));
    }

    private SitesReport<Report.Check> check() throws DualstackException {
        return Dualstack.eachSite(sites, s -> Dualstack.check(Request.Check.of(s.descriptor(), s.outputDirectory())));
    }

    @Test
    void generatesEachSiteIntoItsOwnTreeThenChecksThemAll() throws Exception {
        SitesReport<Report.Generate> generated = generate();

        assertThat(generated.ok()).as(generated.summary()).isTrue();
        assertThat(generated.sites()).extracting(r -> r.site().name()).containsExactly("sites/plant-a/site.yaml",
                "sites/plant-b/site.yaml", "sites/plant-c/site.yaml");
        assertThat(generated.summary()).matches("3 site\\(s\\): 3 ok, 0 failed \\(\\d+\\.\\ds\\)");
        for (String name : List.of("plant-a", "plant-b", "plant-c")) {
            assertThat(repo.resolve("sites").resolve(name).resolve("generated/README.md")).content()
                    .contains(name);
        }
        SitesReport<Report.Check> checked = check();
        assertThat(checked.ok()).as(checked.summary()).isTrue();
        assertThat(checked.sites()).allSatisfy(r -> assertThat(r.report().orElseThrow().drift().orElseThrow().none())
                .isTrue());
    }

    @Test
    void aStaleTreeFailsTheRunAndOnlyItsSite() throws Exception {
        generate();
        Path edited = repo.resolve("sites/plant-b").resolve(CONFIG);
        Files.writeString(edited, Files.readString(edited) + "# hand edit\n");

        SitesReport<Report.Check> checked = check();

        assertThat(checked.ok()).isFalse();
        assertThat(checked.failed()).containsExactly("sites/plant-b/site.yaml");
        assertThat(checked.summary()).startsWith("3 site(s): 2 ok, 1 failed (sites/plant-b/site.yaml) (");
        Drift drift = checked.sites().get(1).report().orElseThrow().drift().orElseThrow();
        assertThat(drift.differing()).isEqualTo(1);
        assertThat(checked.sites().get(0).ok()).isTrue();
        assertThat(checked.sites().get(2).ok()).isTrue();
    }

    @Test
    void everyProblemNamesTheDescriptorOfItsSite() throws Exception {
        Path broken = repo.resolve("sites/plant-c/site.yaml");
        Files.writeString(broken, Files.readString(broken).replace("fd00:10:96::/112", "fd00:10:96::/100"));

        SitesReport<Report.Validate> validated = Dualstack.eachSite(sites,
                s -> Dualstack.validate(Request.Validate.of(s.descriptor())));

        assertThat(validated.failed()).containsExactly("sites/plant-c/site.yaml");
        List<Problem> errors = validated.sites().get(2).report().orElseThrow().errors();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).toString()).startsWith(broken + ":13:").contains("spec.kubernetes.serviceSubnets.ipv6");
        assertThat(Descriptors.withoutMetricsWarning(validated.sites().get(0).report().orElseThrow().problems())).isEmpty();
    }

    @Test
    void aSiteWhoseInputsCannotBeUsedFailsAndTheOthersStillRun() throws Exception {
        SitesReport<Report.Validate> validated = Dualstack.eachSite(sites, s -> {
            if (s.name().contains("plant-a")) {
                throw new InputException("descriptor not found: " + s.descriptor());
            }
            return Dualstack.validate(Request.Validate.of(s.descriptor()));
        });

        assertThat(validated.failed()).containsExactly("sites/plant-a/site.yaml");
        assertThat(validated.sites().get(0).failure()).contains("descriptor not found: "
                + repo.resolve("sites/plant-a/site.yaml"));
        assertThat(validated.sites().subList(1, 3)).allSatisfy(r -> assertThat(r.ok()).isTrue());
    }
}
