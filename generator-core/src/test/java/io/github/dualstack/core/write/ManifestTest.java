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

    /** What a pretty-printing mapper writes of the manifest as a tree. */
    private static String mapperText(Manifest m) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("generator", "dualstack");
        root.put("generatorVersion", m.generatorVersion());
        ObjectNode files = root.putObject("files");
        m.files().forEach(files::put);
        return mapper.writeValueAsString(root) + "\n";
    }

    @Test
    void writesWhatTheMapperWritesOfTheTreeAndReadsItBack() throws Exception {
        Manifest m = manifest("README.md", "edge/edge-ä\u00e9/join.env", "cluster/\"quoted\".yaml", "nodes/日本/a.yaml",
                "edge/tab\u2028line/x.yaml");
        assertThat(new String(m.toBytes(), StandardCharsets.UTF_8)).isEqualTo(mapperText(m));
        assertThat(Manifest.parse(m.toBytes())).isEqualTo(m);
    }

    @Test
    void writesPlainStringsDirectlyAndEscapedOnesThroughThePrinterWithTheSameBytesAsTheMapper() throws Exception {
        StringBuilder printable = new StringBuilder();
        for (char c = 0x20; c < 0x7f; c++) {
            if (c != '"' && c != '\\') {
                printable.append(c);
            }
        }
        Map<Manifest, Boolean> cases = new java.util.LinkedHashMap<>();
        cases.put(manifest(), true);
        cases.put(manifest("README.md"), true);
        cases.put(manifest("a b/c d.yaml", printable.toString(), "edge/edge-000001/join.env", "z"), true);
        cases.put(new Manifest("", new TreeMap<>(Map.of("a", SHA))), true);
        for (String escaped : new String[] {"a\"b", "a\\b", "a\tb", "a\u0001b", "a\u007fb", "\u00e9", "\u2028", "日本"}) {
            cases.put(manifest("README.md", "edge/" + escaped + "/join.env"), false);
            cases.put(new Manifest("1.2.3-" + escaped, new TreeMap<>(Map.of("a", SHA))), false);
        }
        for (Map.Entry<Manifest, Boolean> c : cases.entrySet()) {
            Manifest m = c.getKey();
            String expected = mapperText(m);
            assertThat(new String(m.toBytes(), StandardCharsets.UTF_8)).as(m.toString()).isEqualTo(expected);
            assertThat(ManifestText.write(m) != null).as(m.toString()).isEqualTo(c.getValue());
            if (c.getValue()) {
                assertThat(new String(ManifestText.write(m), StandardCharsets.UTF_8)).as(m.toString()).isEqualTo(expected);
            }
        }
    }

    @Test
    void theDirectReadingOfAPlainManifestGivesWhatTheJsonParserGivesOrNothing() {
        java.util.List<Manifest> plain = java.util.List.of(manifest(), manifest("README.md"),
                manifest("README.md", "a b/c d.yaml", "edge/edge-000001/edgecore.yaml", "edge/edge-000001/join.env",
                        "nodes/worker-1/kubelet.conf", "scripts/verify.sh"));
        for (Manifest m : plain) {
            assertThat(ManifestText.read(m.toBytes())).isEqualTo(m);
        }
        // Escaped strings, other spacing, a key given twice or out of order: the JSON parser's, never the direct one.
        byte[] escaped = manifest("README.md", "cluster/\"quoted\".yaml", "nodes/日本/a.yaml").toBytes();
        String text = new String(manifest("a", "b").toBytes(), StandardCharsets.UTF_8);
        String a = text.lines().filter(l -> l.startsWith("    \"a\"")).findFirst().orElseThrow();
        String b = text.lines().filter(l -> l.startsWith("    \"b\"")).findFirst().orElseThrow();
        for (String other : new String[] {new String(escaped, StandardCharsets.UTF_8), text.replace(" : ", ": "),
                text.replace(b, a.replace(",", "")), text.replace(a + "\n" + b, b + ",\n" + a.replace(",", "")),
                text.replace("\n}\n", "\n}\n\n"), text.replace("1.2.3", "1.2.\\u0033")}) {
            byte[] bytes = other.getBytes(StandardCharsets.UTF_8);
            assertThat(ManifestText.read(bytes)).as(other).isNull();
        }
        assertThat(Manifest.parse(escaped)).isEqualTo(Manifest.parseJson(escaped, true));

        // Damaged copies of a plain manifest: each byte changed, dropped or doubled somewhere, lines swapped.
        java.util.Random random = new java.util.Random(16);
        byte[] good = plain.get(2).toBytes();
        int direct = 0;
        for (int i = 0; i < 5_000; i++) {
            byte[] bytes = mutant(good, random);
            Manifest read = ManifestText.read(bytes);
            Manifest json;
            try {
                json = Manifest.parseJson(bytes, true);
            } catch (IllegalArgumentException e) {
                json = null;
            }
            if (read != null) {
                assertThat(read).as(new String(bytes, StandardCharsets.ISO_8859_1)).isEqualTo(json);
                direct++;
            }
        }
        assertThat(direct).as("damaged copies still plain, read directly").isGreaterThan(200);
    }

    private static byte[] mutant(byte[] good, java.util.Random random) {
        int at = random.nextInt(good.length);
        byte[] any = {'"', '\\', ',', ' ', '\n', '{', '}', ':', 'a', '0', '/', '.', (byte) 0xc3, (byte) 0xa9, 0x7f, 0x01};
        return switch (random.nextInt(4)) {
            case 0 -> {
                byte[] b = good.clone();
                b[at] = any[random.nextInt(any.length)];
                yield b;
            }
            case 1 -> {
                byte[] b = new byte[good.length - 1];
                System.arraycopy(good, 0, b, 0, at);
                System.arraycopy(good, at + 1, b, at, good.length - at - 1);
                yield b;
            }
            case 2 -> {
                byte[] b = new byte[good.length + 1];
                System.arraycopy(good, 0, b, 0, at + 1);
                System.arraycopy(good, at, b, at + 1, good.length - at);
                yield b;
            }
            default -> {
                java.util.List<String> lines = new java.util.ArrayList<>(
                        new String(good, StandardCharsets.UTF_8).lines().toList());
                java.util.Collections.swap(lines, random.nextInt(lines.size()), random.nextInt(lines.size()));
                yield (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
            }
        };
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
