package io.github.dualstack.core.check;

import static io.github.dualstack.core.check.GeneratedFiles.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.github.dualstack.core.plan.FileKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The strict-YAML rules, on the scanner directly under both sides' rules (the descriptor's own cases are in
 * InvalidDescriptorsTest and HostileInputTest), and as the self-check applies them to generated files.
 */
class StrictYamlScannerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper(StrictYamlScanner.factoryBuilder(1 << 20).build());

    /** What a scan of {@code text} found, and the documents it read; {@code stopped} when it ended early. */
    private record Scan(List<YamlFinding> found, List<JsonNode> documents, boolean stopped) {
        List<String> lines() {
            return found.stream().map(f -> f.document() + " " + f.line() + ":" + f.column() + " " + f.path() + ": "
                    + f.message()).toList();
        }
    }

    private static Scan scan(String text, YamlRules rules) throws IOException {
        List<YamlFinding> found = new ArrayList<>();
        List<JsonNode> docs = new ArrayList<>();
        try (YAMLParser p = (YAMLParser) MAPPER.getFactory().createParser(text);
             StrictYamlScanner scanner = new StrictYamlScanner(p, text, rules, found::add)) {
            while (scanner.nextToken() != null) {
                docs.add(MAPPER.readTree(scanner));
            }
        } catch (StrictYamlScanner.Stopped e) {
            return new Scan(found, docs, true);
        }
        return new Scan(found, docs, false);
    }

    @Test
    void collectingReportsEveryDuplicateKeyAndKeepsTheLastValue() throws IOException {
        Scan s = scan("a: 1\nb: {c: 1, c: 2}\na: 3\n", YamlRules.output(false));
        assertThat(s.stopped()).isFalse();
        assertThat(s.lines()).containsExactly(
                "1 2:11 b.c: duplicate key 'c'; each key may appear once",
                "1 3:1 a: duplicate key 'a'; each key may appear once");
        assertThat(s.documents()).singleElement().hasToString("{\"a\":3,\"b\":{\"c\":2}}");
    }

    @Test
    void failingFastEndsTheReadAtTheFirstDuplicateKey() throws IOException {
        Scan s = scan("a: 1\na: 2\nb: *x\n", YamlRules.DESCRIPTOR);
        assertThat(s.stopped()).isTrue();
        assertThat(s.lines()).containsExactly("1 2:1 a: duplicate key 'a'; each key may appear once");
    }

    @Test
    void aKeyRepeatedInAnotherMappingIsNoDuplicate() throws IOException {
        Scan s = scan("- {name: a, x: 1}\n- {name: b, x: 2}\n- name: c\n  sub: {name: d}\n", YamlRules.DESCRIPTOR);
        assertThat(s.found()).isEmpty();
    }

    @Test
    void refusedScalarsReadAsNullAndTheScanGoesOn() throws IOException {
        Scan s = scan("a: .inf\nb: &x 1\nc: !!str 7\n!!str d: yes\n", YamlRules.output(false));
        assertThat(s.stopped()).isFalse();
        assertThat(s.lines()).containsExactly(
                "1 1:4 a: '.inf' is read as the number infinity (YAML 1.1); quote it if it is meant as text",
                "1 2:4 b: YAML anchors (&x) are not allowed",
                "1 3:4 c: YAML tags (!!str) are not allowed",
                "1 4:1 d: YAML tags (!!str) are not allowed",
                "1 4:10 d: 'yes' is read as the boolean true (YAML 1.1); write true, or quote \"yes\" if it is"
                        + " meant as text");
        assertThat(s.documents()).singleElement().hasToString("{\"a\":null,\"b\":null,\"c\":null,\"d\":null}");
    }

    @Test
    void propertiesAndQuotingAreFoundAfterCharactersOutsideTheBasicPlane() throws IOException {
        // The parser counts offsets in code points, each of these emoji two chars of the text.
        String text = "# \uD83D\uDE00\uD83D\uDE00\na: \"\uD83D\uDE80 x\"\nb: &x 1\nc: \"n\"\nd: n\ne: !!str 7\n";
        Scan s = scan(text, YamlRules.output(true));
        assertThat(s.lines()).containsExactly(
                "1 3:4 b: YAML anchors (&x) are not allowed",
                "1 5:4 d: plain 'n' is read as a boolean by Kubernetes and KubeEdge (go-yaml); quote it",
                "1 6:4 e: YAML tags (!!str) are not allowed");
        assertThat(scan(text.replace("\uD83D\uDE00", "ab").replace("\uD83D\uDE80", "c"), YamlRules.output(true))
                .lines()).isEqualTo(s.lines());
    }

    @Test
    void manyDocumentsAreNumberedAndOneDocumentRulesRefuseTheSecond() throws IOException {
        String text = "a: 1\n---\nb: 010\n---\nc: 2\n";
        Scan many = scan(text, YamlRules.output(true));
        assertThat(many.lines()).containsExactly("2 3:4 b: '010' is read as the number 8 (YAML 1.1); quote it if it"
                + " is meant as text, or write the number in plain decimal");
        assertThat(many.documents()).hasSize(3);
        Scan one = scan(text, YamlRules.output(false));
        assertThat(one.lines()).containsExactly(
                "2 3:1 : " + StrictYamlScanner.ONE_DOCUMENT,
                "2 3:4 b: '010' is read as the number 8 (YAML 1.1); quote it if it is meant as text, or write the"
                        + " number in plain decimal");
        assertThat(one.documents()).as("collecting reads on, to report every problem").hasSize(3);
    }

    @Test
    void nestingDeeperThanTheRulesAllowEndsTheRead() throws IOException {
        String deep = "[".repeat(65) + "]".repeat(65) + "\n";
        Scan s = scan(deep, YamlRules.output(false));
        assertThat(s.stopped()).isTrue();
        assertThat(s.lines()).containsExactly("1 1:65 : document nests deeper than 64 levels");
        assertThat(scan("[".repeat(64) + "]".repeat(64) + "\n", YamlRules.output(false)).found()).isEmpty();
        assertThat(scan(deep, YamlRules.DESCRIPTOR).lines()).containsExactly("1 1:33 : descriptor nests deeper than 32 levels");
    }

    @Test
    void goYamlBooleansAreRefusedOnlyForGeneratedFilesAndOnlyPlain() throws IOException {
        String text = "a: n\nb: \"n\"\nc: 'Y'\nd: &k y\n";
        assertThat(scan(text, YamlRules.DESCRIPTOR).lines()).containsExactly("1 4:4 d: YAML anchors (&k) are not allowed");
        assertThat(scan(text, YamlRules.output(false)).lines()).containsExactly(
                "1 1:4 a: plain 'n' is read as a boolean by Kubernetes and KubeEdge (go-yaml); quote it",
                "1 4:4 d: YAML anchors (&k) are not allowed",
                "1 4:4 d: plain 'y' is read as a boolean by Kubernetes and KubeEdge (go-yaml); quote it");
    }

    @Test
    void readsThatBypassNextTokenAreRoutedThroughTheChecks() throws IOException {
        String text = "a: *x\n";
        List<YamlFinding> found = new ArrayList<>();
        try (YAMLParser p = (YAMLParser) MAPPER.getFactory().createParser(text);
             StrictYamlScanner scanner = new StrictYamlScanner(p, text, YamlRules.DESCRIPTOR, found::add)) {
            assertThat(scanner.nextToken()).isNotNull();
            assertThat(scanner.nextFieldName()).isEqualTo("a");
            assertThat(scanner.nextTextValue()).as("the alias reads as null").isNull();
            assertThat(scanner.clean()).isFalse();
        }
        assertThat(found).extracting(YamlFinding::message)
                .containsExactly(StrictYamlScanner.aliasRefused("x"));
    }

    @Test
    void duplicateKeyFailsWithItsPath() {
        String m = edgeFailure(replaceOnce(EDGECORE, "    heartbeat: 15\n", "    heartbeat: 15\n    heartbeat: 20\n"));
        assertThat(m).contains("modules.edgeHub.heartbeat: duplicate key 'heartbeat'; each key may appear once");
    }

    @Test
    void anchorsAliasesTagsAndYaml11ScalarsFail() {
        String m = edgeFailure(EDGECORE.replace("  deviceTwin:\n    enable: true\n", "  deviceTwin: &twin\n    enable: yes\n")
                .replace("  eventBus:\n    enable: true\n", "  eventBus:\n    enable: !!bool true\n")
                .replace("    enable: true\n    hostnameOverride", "    enable: *twin\n    hostnameOverride"));
        assertThat(m).contains("modules.deviceTwin: YAML anchors (&twin) are not allowed")
                .contains("modules.deviceTwin.enable: 'yes' is read as the boolean true (YAML 1.1); write true, or"
                        + " quote \"yes\" if it is meant as text")
                .contains("modules.eventBus.enable: YAML tags (!!bool) are not allowed")
                .contains("modules.edged.enable: YAML aliases (*twin) are not allowed; write the value out");
    }

    @Test
    void goYamlBooleansMustBeQuoted() {
        String m = failure("cluster/x.yaml", "# Generated by dualstack\napiVersion: v1\nkind: ConfigMap\n"
                + "metadata:\n  name: x\n  labels:\n    ok: \"y\"\n    bad: n\n", FileKind.KUBERNETES).getMessage();
        assertThat(m).contains("metadata.labels.bad: plain 'n' is read as a boolean").doesNotContain("labels.ok");
    }
}
