package io.github.dualstack.cli;

import static io.github.dualstack.cli.ValidateCliTest.run;
import static io.github.dualstack.cli.ValidateCliTest.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dualstack.cli.ValidateCliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --sites}: every site of a repository in one call, each tree beside its descriptor, one exit code. */
class ManySitesCliTest {

    @TempDir
    Path repo;
    String glob;

    @BeforeEach
    void twoSites() throws Exception {
        for (String sample : new String[] {"dual-stack-site", "ipv6-only"}) {
            Path site = repo.resolve("sites").resolve(sample).resolve("site.yaml");
            Files.createDirectories(site.getParent());
            Files.copy(Path.of(sample(sample)), site);
        }
        glob = repo + "/sites/*/site.yaml";
    }

    @Test
    void generateThenCheckEverySiteNamingTheStaleOne() throws Exception {
        Run gen = run("generate", "--sites", glob);
        assertThat(gen.exit()).as(gen.err()).isZero();
        // each site warns (CloudStream's metrics of edges with an IPv6 address) before its summary
        assertThat(gen.errLines()).containsExactly(
                "dualstack: site " + repo + "/sites/dual-stack-site/site.yaml",
                gen.errLines().get(1),
                gen.errLines().get(2),
                "dualstack: site " + repo + "/sites/ipv6-only/site.yaml",
                gen.errLines().get(4),
                gen.errLines().get(5),
                gen.errLines().get(6));
        assertThat(gen.errLines().get(1)).contains(": warning: spec.ipFamilies: ");
        assertThat(gen.errLines().get(2)).startsWith("dualstack: 29 written, 0 unchanged, 0 removed");
        assertThat(gen.errLines().get(4)).contains(": warning: spec.ipFamilies: ");
        assertThat(gen.errLines().get(6)).startsWith("dualstack: 2 site(s): 2 ok, 0 failed");
        assertThat(repo.resolve("sites/ipv6-only/generated/cluster/kustomization.yaml")).isRegularFile();

        Path service = repo.resolve("sites/ipv6-only/generated/cluster/kubeedge/cloudcore.service.yaml");
        Files.writeString(service, Files.readString(service) + "# edited\n");
        Run check = run("check", "--sites", glob);
        assertThat(check.exit()).isEqualTo(1);
        assertThat(check.out()).contains("+++ b/cluster/kubeedge/cloudcore.service.yaml", "-# edited");
        assertThat(check.err()).contains("dualstack: 29 files up to date",
                "dualstack: the tree is stale; run: dualstack generate --sites '" + glob + "' --site-output generated",
                "dualstack: 2 site(s): 1 ok, 1 failed (" + repo + "/sites/ipv6-only/site.yaml)");
    }

    @Test
    void validateNamesTheFileOfEveryProblemAndFailsWhenAnySiteDoes() throws Exception {
        Path broken = ValidateCliTest.brokenSite(Files.createDirectories(repo.resolve("sites/broken")));
        Run r = run("validate", "--sites", repo + "/sites/*/*.yaml");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(broken + ":", "spec.kubernetes.serviceSubnets.ipv6: prefix /100 is too large",
                "3 site(s): 2 ok, 1 failed (" + broken + ")");
        ValidateCliTest.noStackTrace(r);

        Run json = run("validate", "--format", "json", "--sites", glob);
        JsonNode report = new ObjectMapper().readTree(json.out());
        assertThat(json.exit()).isEqualTo(1);
        assertThat(report.get("ok").asBoolean()).isFalse();
        assertThat(report.get("sites")).extracting(s -> s.get("site").asText()).containsExactly(broken.toString(),
                repo + "/sites/dual-stack-site/site.yaml", repo + "/sites/ipv6-only/site.yaml");
        assertThat(report.get("sites").get(0).get("problems").get(0).get("file").asText()).isEqualTo(broken.toString());
        assertThat(report.get("sites").get(2).get("summary").asText()).startsWith("descriptor is valid");
    }

    @Test
    void oneSiteOrManyNeverBoth() {
        Run both = run("check", sample("ipv6-only"), "--sites", glob, "-o", "x");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("give either SITE or --sites, not both");
        Run output = run("generate", "--sites", glob, "-o", repo.resolve("out").toString());
        assertThat(output.exit()).isEqualTo(2);
        assertThat(output.err()).contains("--output names the tree of one SITE");
        Run none = run("validate");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("Missing required parameter: 'SITE' (or --sites GLOB)");
        Run nothing = run("validate", "--sites", repo + "/nowhere/*/site.yaml");
        assertThat(nothing.exit()).isEqualTo(2);
        assertThat(nothing.err()).contains("dualstack: no site descriptor under " + Path.of("").toAbsolutePath() + " matches " + repo
                + "/nowhere/*/site.yaml");
    }
}
