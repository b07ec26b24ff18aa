package io.github.dualstack.cli;

import static io.github.dualstack.cli.ValidateCliTest.run;
import static io.github.dualstack.cli.ValidateCliTest.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dualstack.cli.ValidateCliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --format json} carries refusals and diffs as records, so that CI can read them without parsing text. */
class JsonReportCliTest {

    @TempDir
    Path dir;

    @Test
    void checkAndGenerateReportDiffsAndRefusalsAsRecords() throws Exception {
        String out = dir.resolve("generated").toString();
        assertThat(run("generate", sample("ipv6-only"), "-o", out).exit()).isZero();
        Path verify = dir.resolve("generated/scripts/verify.sh");
        Files.writeString(verify, Files.readString(verify) + "# mine\n");
        Files.delete(dir.resolve("generated/scripts/preflight.sh"));

        Run check = run("check", sample("ipv6-only"), "-o", out, "--format", "json");
        assertThat(check.exit()).isEqualTo(1);
        JsonNode c = new ObjectMapper().readTree(check.out());
        assertThat(c.get("ok").asBoolean()).isFalse();
        assertThat(c.get("summary").asText()).startsWith("1 differ, 1 missing, 0 extra");
        assertThat(c.get("diffs")).hasSize(2);
        assertThat(c.get("diffs").get(0).get("path").asText()).isEqualTo("scripts/preflight.sh");
        assertThat(c.get("diffs").get(0).get("change").asText()).isEqualTo("missing");
        assertThat(c.get("diffs").get(1).get("change").asText()).isEqualTo("content");
        assertThat(c.get("diffs").get(1).get("diff").asText()).contains("--- a/scripts/verify.sh", "-# mine");
        assertThat(c.get("treeProblems")).isEmpty();
        assertThat(check.err()).as("nothing but the JSON is printed").isEmpty();

        Run gen = run("generate", sample("ipv6-only"), "-o", out, "--format", "json");
        assertThat(gen.exit()).isEqualTo(1);
        JsonNode g = new ObjectMapper().readTree(gen.out());
        JsonNode refusal = g.get("refusals").get(0);
        assertThat(g.get("refusals")).hasSize(1);
        assertThat(refusal.get("path").asText()).isEqualTo("scripts/verify.sh");
        assertThat(refusal.get("reason").asText()).isEqualTo("edited");
        assertThat(refusal.get("message").asText()).startsWith("scripts/verify.sh: was edited by hand since dualstack"
                + " wrote it").doesNotContain("\n");
        assertThat(refusal.get("diff").asText()).contains("+++ b/scripts/verify.sh", "-# mine");
        assertThat(g.get("recovery").asText()).isEmpty();
    }
}
