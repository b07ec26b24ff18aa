package io.github.dualstack.core.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dualstack.core.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The manifest is streamed both ways; its bytes are those a pretty-printing mapper writes of the same tree. */
class ManifestTest {

    private static final String SHA = Sha256.of(new byte[0]);

    private static Manifest manifest(String... paths) {
        TreeMap<String, String> files = new TreeMap<>();
        for (int i = 0; i < paths.length; i++) {
            files.put(paths[i], Sha256.of(new byte[] {(byte) i}));
        }
        return new Manifest("1.2.3", files);
    }

    @Test
    void writesWhatTheMapperWritesOfTheTreeAndReadsItBack() throws Exception {
        Manifest m = manifest("README.md", "edge/edge-ä\u00e9/join.env", "cluster/\"quoted\".yaml", "nodes/日本/a.yaml",
                "edge/tab\u2028line/x.yaml");
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("generator", "dualstack");
        root.put("generatorVersion", "1.2.3");
        ObjectNode files = root.putObject("files");
        m.files().forEach(files::put);
        assertThat(new String(m.toBytes(), StandardCharsets.UTF_8))
                .isEqualTo(mapper.writeValueAsString(root) + "\n");
        assertThat(Manifest.parse(m.toBytes())).isEqualTo(m);
    }

    @Test
    void aKeyGivenTwiceCountsAsItsLastValueAndOtherFieldsAreSkipped() {
        String other = Sha256.of(new byte[] {1});
        String json = "{\"files\": {\"a.yaml\": \"" + SHA + "\", \"a.yaml\": \"" + other + "\"},"
                + " \"extra\": {\"nested\": [1, {\"files\": 2}]}, \"generatorVersion\": \"9\"}";
        Manifest m = Manifest.parse(json.getBytes(StandardCharsets.UTF_8));
        assertThat(m.files()).isEqualTo(Map.of("a.yaml", other));
        assertThat(m.generatorVersion()).isEqualTo("9");
    }

    @Test
    void refusesWhatIsNotAManifestInOneLine() {
        assertThatThrownBy(() -> parse("[]")).hasMessage("no \"files\" object");
        assertThatThrownBy(() -> parse("{\"files\": []}")).hasMessage("no \"files\" object");
        assertThatThrownBy(() -> parse("{\"files\": {\"a\": \"" + SHA + "\"}, \"files\": 1}"))
                .hasMessage("no \"files\" object");
        assertThatThrownBy(() -> parse("{\"files\": {\"a.yaml\": \"" + SHA.toUpperCase() + "\"}}"))
                .hasMessage("the entry \"a.yaml\" has no sha256");
        assertThatThrownBy(() -> parse("{\"files\": {\"a.yaml\": {\"sha\": \"" + SHA + "\"}}}"))
                .hasMessage("the entry \"a.yaml\" has no sha256");
        assertThatThrownBy(() -> parse("{\"files\": {\"../etc/passwd\": \"" + SHA + "\"}}"))
                .hasMessageStartingWith("lists \"../etc/passwd\", which has an empty, '.' or '..' segment");
        // a bad entry before a syntax error: the text is not JSON, whatever it listed first
        assertThatThrownBy(() -> parse("{\"files\": {\"../x\": \"" + SHA + "\", \"b\": }}"))
                .hasMessage("not valid JSON");
        assertThatThrownBy(() -> parse("{\"files\": {\"a\": \"" + SHA + "\"")).hasMessage("not valid JSON");
    }

    private static Manifest parse(String json) {
        return Manifest.parse(json.getBytes(StandardCharsets.UTF_8));
    }
}
