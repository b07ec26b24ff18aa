package io.github.dualstack.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.dualstack.core.descriptor.DescriptorLoader;
import io.github.dualstack.core.descriptor.StrictYamlReader;
import io.github.dualstack.core.plan.OutputPlan;
import io.github.dualstack.core.plan.PlannedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every string of a YAML template's view (label keys aside), replaced by a hostile one, must come out as exactly
 * that string and add no key: the YAML output format quotes every interpolation, including inside embedded documents.
 */
class HostileValuesTest {

    static final List<String> HOSTILE = List.of(
            "a\"quote", "it's", "line\nbreak", "key: value", "# comment", "{{ .Values.x }}", "---", "...",
            "line\u2028separator", "para\u2029graph", "- item", "&anchor *alias", "!!python/object:os.system ls",
            "%TAG ! tag:x", "`backtick`", "tab\there", "back\\slash", "nul\u0000char", "\r\ncrlf", "[a, b]",
            "{a: b}", "@at", "? complex", "| block", "> folded", "\u0085next-line", "\ufeffbom", "yes", "010",
            "1:2:3:4:5:6:7:8", "null", "~", "");

    static Stream<String> samples() {
        return Stream.of("dual-stack-site", "ipv6-primary-hostnetwork", "ipv6-only");
    }

    static List<PlannedFile> yamlFiles(String sample) throws IOException {
        byte[] bytes = Files.readAllBytes(Path.of("..", "samples", sample, "site.yaml"));
        DescriptorLoader.Result r = new DescriptorLoader(StrictYamlReader.DEFAULT_MAX_BYTES).load("site.yaml", bytes);
        assertThat(r.problems().stream().filter(p -> p.isError())).isEmpty();
        OutputPlan plan = new OutputPlan(r.site());
        return Stream.concat(plan.siteFiles().stream(), plan.edgeFiles())
                .filter(f -> f.kind().yaml()).toList();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void hostileStringsStayOneScalarAndAddNoKey(String sample) throws IOException {
        TemplateEngine engine = new TemplateEngine(Optional.empty());
        int[] counter = {0};
        for (PlannedFile f : yamlFiles(sample)) {
            String template = f.template().fileName();
            Set<String> expectedKeys = keyPaths(engine.render(template, f.view()));
            List<String> injected = new ArrayList<>();
            String text = engine.render(template, ViewEdits.mapStrings(f.view(), s -> hostile(counter, injected)));
            assertThat(keyPaths(text)).as("keys of %s with hostile values", f.path()).isEqualTo(expectedKeys);
            Set<String> values = scalarValues(text);
            for (String s : injected) {
                String marker = s.substring(s.lastIndexOf('#', s.length() - 2));
                if (!text.contains(marker)) {
                    continue;   // a model value this template does not print
                }
                assertThat(values).as("%s holds %s as one scalar", f.path(), YamlOutputFormat.quote(s)).contains(s);
            }
        }
        assertThat(counter[0]).as("hostile strings injected").isGreaterThan(50);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void lineFormatFilesRefuseLineBreaks(String sample) {
        LineOutputFormat f = LineOutputFormat.INSTANCE;
        assertThatThrownBy(() -> f.escapePlainText("a\nb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.escapePlainText("a\u2028b")).isInstanceOf(IllegalArgumentException.class);
        assertThat(f.escapePlainText("10.0.0.1,fd00::1")).isEqualTo("10.0.0.1,fd00::1");
    }

    /** The next hostile string, marked so that it can be found in the output, remembered as injected. */
    private static String hostile(int[] counter, List<String> injected) {
        String s = HOSTILE.get(counter[0]++ % HOSTILE.size()) + "#" + counter[0] + "#";
        injected.add(s);
        return s;
    }

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** Every documents' key paths, following embedded YAML and JSON documents in ConfigMap data. */
    private static Set<String> keyPaths(String text) throws IOException {
        Set<String> out = new TreeSet<>();
        for (JsonNode doc : documents(text)) {
            walk(doc, "", out, new ArrayList<>());
        }
        return out;
    }

    private static Set<String> scalarValues(String text) throws IOException {
        List<String> values = new ArrayList<>();
        for (JsonNode doc : documents(text)) {
            walk(doc, "", new TreeSet<>(), values);
        }
        return new TreeSet<>(values);
    }

    private static List<JsonNode> documents(String text) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(text)) {
            while (it.hasNext()) {
                docs.add(it.next());
            }
        }
        return docs;
    }

    private static void walk(JsonNode n, String path, Set<String> keys, List<String> values) throws IOException {
        if (n.isObject()) {
            var it = n.fields();
            while (it.hasNext()) {
                var e = it.next();
                keys.add(path + "/" + e.getKey());
                walk(e.getValue(), path + "/" + e.getKey(), keys, values);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                walk(n.get(i), path + "[" + i + "]", keys, values);
            }
        } else if (n.isTextual()) {
            String s = n.asText();
            values.add(s);
            String trimmed = s.trim();
            if (path.startsWith("/data/") && s.contains("\n")) {
                // An embedded document: its keys count too, and its scalars are where hostile values must land.
                JsonNode inner = trimmed.startsWith("{")
                        ? JSON.readTree(s.replace("__CNI_MTU__", "1500"))
                        : YAML.readTree(s);
                walk(inner, path + "!", keys, values);
            }
            // A command-line flag carries its value after '=': the value itself must be intact.
            int eq = s.indexOf('=');
            if (s.startsWith("--") && eq > 0) {
                values.add(s.substring(eq + 1));
            }
        }
    }
}
