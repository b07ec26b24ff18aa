package io.github.dualstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dualstack validate} as a user runs it: exit codes, problem lines on stderr, JSON on stdout. */
class ValidateCliTest {

    /** One CLI run with stdout and stderr captured. */
    record Run(int exit, String out, String err) {
        List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
        }
    }

    static Run run(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            System.out.flush();
            System.err.flush();
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    /** Surefire runs in the module directory; the samples are at the top of the repository. */
    static String sample(String name) {
        Path p = Path.of("..", "samples", name, "site.yaml");
        assertThat(p).exists();
        return p.toString();
    }

    /** The dual-stack sample with two problems: a service subnet too large and a loopback node address. */
    /** The warning of a site whose edge nodes have an IPv6 address, after its file name. */
    static final String METRICS = ":9:15: warning: spec.ipFamilies: metrics-server and kubectl top get no metrics from"
            + " edge nodes: ";

    static Path brokenSite(Path dir) throws Exception {
        String text = Files.readString(Path.of(sample("dual-stack-site")))
                .replace("ipv6: \"fd00:10:96::/112\"", "ipv6: \"fd00:10:96::/100\"")
                .replace("addresses: {ipv4: 192.0.2.11,", "addresses: {ipv4: 127.0.0.11,");
        return Files.writeString(dir.resolve("site.yaml"), text);
    }

    static void noStackTrace(Run r) {
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aValidSampleExitsZeroWithASummary() {
        Run r = run("validate", sample("dual-stack-site"));
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.errLines()).singleElement().asString().startsWith(sample("dual-stack-site") + METRICS);
        assertThat(r.out()).contains("factory-east (dual-stack, IPv4 primary)")
                .contains("v1.32.4 from registry.k8s.io")
                .contains("10.244.0.0/16,fd00:10:244::/56");
    }

    @Test
    void warningsAreMarkedAndDoNotFailTheRun() {
        String file = sample("ipv6-primary-hostnetwork");
        Run r = run("validate", file);
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.errLines()).satisfiesExactly(
                l -> assertThat(l).startsWith(file + ":9:15: warning: spec.ipFamilies: metrics-server and kubectl top"),
                l -> assertThat(l).startsWith(file + ":31:29: warning: spec.cloudCore.regenerateCertificates: the runbook"));
        assertThat(r.out()).contains("telco-west (dual-stack, IPv6 primary)");
    }

    @Test
    void problemsExitOneAsFileLineColumnPathMessageLines(@TempDir Path dir) throws Exception {
        String file = brokenSite(dir).toString();
        Run r = run("validate", file);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).as("no summary for an invalid site").isEmpty();
        assertThat(r.errLines()).hasSize(3);
        assertThat(r.errLines().get(0)).startsWith(file + METRICS);
        assertThat(r.errLines().subList(1, 3)).containsExactly(
                file + ":13:49: spec.kubernetes.serviceSubnets.ipv6: prefix /100 is too large; IPv6 service subnets must"
                        + " be /108 or smaller (kube-apiserver)",
                file + ":31:25: spec.nodes[1].addresses.ipv4: must not be a loopback address");
        assertThat(r.errLines()).allMatch(l -> l.matches("^\\Q" + file + "\\E:\\d+:\\d+: (warning: )?[^ :]+: .+$"));
        noStackTrace(r);
    }

    @Test
    void jsonFormatIsAnArrayOfProblemObjects(@TempDir Path dir) throws Exception {
        String file = brokenSite(dir).toString();
        Run r = run("validate", "--format", "json", file);
        assertThat(r.exit()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertThat(report.get("ok").asBoolean()).isFalse();
        assertThat(report.get("summary").asText()).startsWith("2 problem(s) in " + file + "; nothing written");
        JsonNode all = report.get("problems");
        assertThat(all.isArray()).isTrue();
        assertThat(all).hasSize(3);
        assertThat(all.get(0).get("severity").asText()).isEqualTo("warning");
        assertThat(all.get(0).get("path").asText()).isEqualTo("spec.ipFamilies");
        List<JsonNode> arr = new ArrayList<>();
        all.forEach(arr::add);
        arr.remove(0);
        for (JsonNode p : arr) {
            List<String> keys = new ArrayList<>();
            p.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).containsExactlyInAnyOrder("file", "line", "column", "path", "severity", "message");
            assertThat(p.get("file").asText()).isEqualTo(file);
            assertThat(p.get("line").isInt()).isTrue();
            assertThat(p.get("column").isInt()).isTrue();
            assertThat(p.get("severity").asText()).isEqualTo("error");
        }
        assertThat(arr.get(0).get("line").asInt()).isEqualTo(13);
        assertThat(arr.get(0).get("column").asInt()).isEqualTo(49);
        assertThat(arr.get(0).get("path").asText()).isEqualTo("spec.kubernetes.serviceSubnets.ipv6");
        assertThat(arr.get(1).get("message").asText()).isEqualTo("must not be a loopback address");
    }

    @Test
    void jsonFormatOfAValidSiteListsItsWarningsOnly() throws Exception {
        Run r = run("validate", "--format", "json", sample("ipv6-primary-hostnetwork"));
        assertThat(r.exit()).isEqualTo(0);
        JsonNode arr = new ObjectMapper().readTree(r.out()).get("problems");
        assertThat(arr).hasSize(2).allSatisfy(p -> assertThat(p.get("severity").asText()).isEqualTo("warning"));

        Run dual = run("validate", "--format", "json", sample("dual-stack-site"));
        assertThat(dual.exit()).isEqualTo(0);
        JsonNode report = new ObjectMapper().readTree(dual.out());
        assertThat(report.get("ok").asBoolean()).isTrue();
        assertThat(report.get("problems").isArray()).isTrue();
        assertThat(report.get("problems")).singleElement()
                .satisfies(p -> assertThat(p.get("path").asText()).isEqualTo("spec.ipFamilies"));
    }

    @Test
    void aMissingFileIsAnIoErrorExitTwo(@TempDir Path dir) {
        String missing = dir.resolve("nope.yaml").toString();
        Run r = run("validate", missing);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("dualstack: descriptor not found: " + missing);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aDirectoryIsAnIoErrorExitTwo(@TempDir Path dir) {
        Run r = run("validate", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("dualstack: ");
        noStackTrace(r);
    }

    @Test
    void aBadOptionIsAUsageErrorExitTwo() {
        Run r = run("validate", "--bogus", sample("dual-stack-site"));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option: '--bogus'").contains("--help");
        noStackTrace(r);
    }

    @Test
    void aBadFormatValueIsAUsageErrorExitTwo() {
        Run r = run("validate", "--format", "xml", sample("dual-stack-site"));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("xml");
        noStackTrace(r);
    }

    @Test
    void noCommandOrNoDescriptorIsAUsageErrorExitTwo() {
        assertThat(run().exit()).isEqualTo(2);
        Run r = run("validate");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("SITE");
    }

    @Test
    void aDescriptorOverTheByteLimitIsAProblemExitOne() {
        String file = sample("dual-stack-site");
        Run r = run("validate", "--max-descriptor-bytes", "100", file);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().satisfies(l -> assertThat(l)
                .startsWith(file + ":1:1: descriptor is ")
                .endsWith("bytes, over the limit of 100 bytes (raise it with --max-descriptor-bytes)"));
    }

    @Test
    void resolvedPrintsTheDescriptorWithDefaults() throws Exception {
        Run r = run("validate", "--resolved", sample("ipv6-only"));
        assertThat(r.exit()).isEqualTo(0);
        JsonNode resolved = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(r.out());
        assertThat(resolved.at("/spec/kubernetes/imageRepository").asText()).isEqualTo("registry.k8s.io");
        assertThat(resolved.at("/spec/kubernetes/nodeMaskSizes/ipv6").asInt()).isEqualTo(64);
        assertThat(resolved.at("/spec/kubernetes/nodeMaskSizes/ipv4").isMissingNode()).isTrue();
        assertThat(resolved.at("/spec/cloudCore/ports/websocket").asInt()).isEqualTo(10000);
    }
}
