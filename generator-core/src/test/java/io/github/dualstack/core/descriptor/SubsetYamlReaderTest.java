package io.github.dualstack.core.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dualstack.core.Problems;
import io.github.dualstack.fixtures.SyntheticSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The subset reader held to the strict reader: on every text it takes, the strict reader finds no problem and
 * builds the same tree, node type for node type and key for key in the same order; everything else it declines.
 */
class SubsetYamlReaderTest {

    private static final int DEPTH = 32;
    private static final StrictYamlReader STRICT = new StrictYamlReader(1 << 24, "--max");

    /** The strict reading's tree, or null when it found a problem. */
    private static JsonNode strict(String text) {
        Problems problems = new Problems("site.yaml", p -> new int[] {1, 1});
        JsonNode tree = STRICT.strictTree(text, problems);
        return problems.list().isEmpty() ? tree : null;
    }

    /** The tree with every node's type and every mapping's key order: what {@code equals} leaves out. */
    private static String typed(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        typed(node, sb);
        return sb.toString();
    }

    private static void typed(JsonNode node, StringBuilder sb) {
        sb.append(node.getClass().getSimpleName());
        if (node.isObject()) {
            sb.append('{');
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                sb.append(e.getKey()).append('=');
                typed(e.getValue(), sb);
                sb.append(',');
            }
            sb.append('}');
        } else if (node.isArray()) {
            sb.append('[');
            node.forEach(n -> {
                typed(n, sb);
                sb.append(',');
            });
            sb.append(']');
        } else {
            sb.append('(').append(node.asText()).append(')');
        }
    }

    /** Whether the subset reader took {@code text}; when it did, its tree is the strict reader's, and clean. */
    private static boolean agrees(String text) {
        JsonNode subset = SubsetYamlReader.read(text, DEPTH);
        if (subset == null) {
            return false;
        }
        JsonNode tree = strict(text);
        assertThat(tree).as("the strict reader finds no problem in a text the subset takes:%n%s", text).isNotNull();
        assertThat(typed(subset)).as(text).isEqualTo(typed(tree));
        assertThat(subset).isEqualTo(tree);
        return true;
    }

    private static List<Path> samples() throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of("..", "samples"))) {
            return dirs.map(d -> d.resolve("site.yaml")).filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void everyBundledSampleAndASyntheticFleetAreReadByTheSubsetAsTheStrictReaderReadsThem() throws IOException {
        List<Path> samples = samples();
        assertThat(samples).hasSizeGreaterThanOrEqualTo(8);
        for (Path p : samples) {
            assertThat(agrees(Files.readString(p))).as("%s is read by the subset", p).isTrue();
        }
        assertThat(agrees(new SyntheticSite(2_000, 7).yaml())).isTrue();
    }

    @Test
    void theSubsetTypesItsScalarsAsTheStrictReaderDoes() {
        String text = """
                # a comment
                ---
                a: 1            # a comment after a value
                b: 0
                c: 999999999
                d: true
                e: false
                f: eth0 and more words
                g: 10.244.0.0/16
                h: 1.2.3
                i: /var/lib/kubelet
                j: '010'
                k: "yes"
                l: 'it''s # not a comment'
                m: ""
                n: "2001:db8::1"
                o: [IPv4, IPv6, 10.0.0.0/8, 'x', "y", 7, [nested, list], {p: q}]
                p: {ipv4: 10.0.0.1, ipv6: "fd00::1", n: 3, t: true, e: {}, l: []}
                "quoted key": v
                'single: key': w
                list:
                - a
                - b: c
                  d: e
                -   deeper: 1
                    x: z
                -
                  k: v
                nested:
                  - name: one
                    labels: {zone: yard}
                    list:
                    - 1
                  - two
                n-1/a.b_c: NaN
                inf: inf
                endpoint: api.example.com:6443
                socket: unix:///run/containerd/containerd.sock
                at: 10.0.0.1:6443
                durations: [50s, 5min, 1h30m, 10Gi, 2Mi]
                words: null-ish and no-op
                'é': "ü ☃ 𝄞"
                """;
        assertThat(agrees(text)).isTrue();
    }

    @Test
    void everyConstructOutsideTheSubsetIsDeclined() {
        String[] declined = {
            "", "# only a comment\n", "---\n", "- a\n", "a\n", "{a: 1}\n", "  a: 1\n",
            "a: 1\n---\nb: 2\n", "a: 1\n...\n", "%YAML 1.1\n---\na: 1\n",
            "a:\n", "a:\nb: 1\n", "a: ~\n", "a: null\n", "a: Null\n", "a: {b: }\n", "a: [b, ]\n", "a: [b,, c]\n",
            "a: 1\na: 2\n", "a: {b: 1, b: 2}\n",
            "a: &x 1\n", "a: *x\n", "a: !!str 1\n", "a: !tag x\n", "? a\n: b\n", "<<: {a: 1}\n",
            "a: |\n  text\n", "a: >\n  text\n", "a: \"esc\\n\"\n", "a: \"multi\n  line\"\n", "a: 'open\n",
            "a: plain\n  continued\n", "a:\n  b: 1\n c: 2\n", "a:\n  - x\n   - y\n", "- a\n- - b\n",
            "a:\tb\n", "a: b\r\n", "a: b\u2028c: d\n", "a: b\u0085\n", "a: b\uFEFF\n",
            "a: yes\n", "a: No\n", "a: ON\n", "a: off\n", "a: y\n", "a: N\n", "a: True\n", "a: FALSE\n",
            "a: 010\n", "a: 0x1F\n", "a: 1_000\n", "a: 1.5\n", "a: 1e3\n", "a: .inf\n", "a: -1\n", "a: +1\n",
            "a: 1000000000\n", "a: 1e5\n", "a: 0o17\n", "a: 0b101\n", "a: 0xff\n", "a: 2026-12-01T10:00:00Z\n", "a: 1:20\n", "a: 2026-12-04\n", "a: 2001:db8::1\n", "a: [2001:db8::1]\n",
            "a: b: c\n", "a: b:\n", "a: b:c:\n", "a: {b: unix:///x}\n", "a: b#c\n", "a: =\n", "a: @x\n", "a: `x`\n", "a: é\n", "é: a\n", "a: it's\n",
            "a: {b:c}\n", "a: {b: c\n", "a: [b\n", "a: {b: c} d\n", "a: 'x' y\n", "a:b\n", "a : b\n",
            "k".repeat(200) + ": v\n", "a: {b: c #d}\n",
            "a: " + "[".repeat(40) + "]".repeat(40) + "\n",
        };
        for (String text : declined) {
            assertThat(SubsetYamlReader.read(text, DEPTH)).as("%s", text).isNull();
        }
    }

    @Test
    void nestingPastTheLimitIsDeclined() {
        String within = "a: " + "{b: ".repeat(30) + "1" + "}".repeat(30) + "\n";
        assertThat(agrees(within)).isTrue();
        assertThat(SubsetYamlReader.read(within, 30)).isNull();
        assertThat(SubsetYamlReader.read(within, 31)).isNotNull();
    }

    @Test
    void hostileTextsAreDeclinedOrReadExactlyAsTheStrictReaderReadsThem() {
        String[] hostile = {
            "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n",                    // an alias bomb
            "a: \"$(rm -rf /)\"\nb: '`id`'\nc: \"; DROP TABLE nodes; --\"\n",  // shell and SQL injection
            "name: ../../etc/passwd\nother: '/../../root/.ssh'\n",              // path traversal
            "a: \"=HYPERLINK(\\\"http://x\\\")\"\nb: '=cmd|calc'\nc: \"+1+2\"\nd: '@SUM(A1)'\n", // CSV formulas
            "a: \"{{ .Values.x }}\"\nb: '${jndi:ldap://x/a}'\n",                // template and lookup strings
            "a: '\u202Eevil'\nb: \"zero\u200Bwidth\"\n",                        // bidi and zero-width characters
        };
        int taken = 0;
        for (String text : hostile) {
            taken += agrees(text) ? 1 : 0;
        }
        assertThat(SubsetYamlReader.read(hostile[0], DEPTH)).isNull();
        assertThat(taken).as("the quoted hostile values are plain text, read as such").isGreaterThanOrEqualTo(3);
    }

    /** Characters and words that change what YAML reads; every mutation draws from them. */
    private static final String SIGNIFICANT = " \n:-#'\"{}[],&*!|>?%@`\t\\.0y~=/";
    private static final String[] WORDS = {"yes", "No", "NULL", "~", "010", "0x1F", "1.5", "1e3", ".inf", "nan",
        "2026-12-01", "2026-12-01T10:00:00Z", "0o17", "0b101", "0xfe", "50s", "10Gi", "1:20", "1_000", "1000000000", "999999999", "-1", "+1", "true", "True", "y", "<<", "=", "@x",
        "'it''s'", "\"a\\\"b\"", "é", "- x", "{a: b}", "[a, b]", "a: b", "&a", "*a", "!!str", "|", "0", "00"};

    /** One random change: a character replaced, inserted or dropped, a word put in, a line doubled, moved or shifted. */
    private static String mutate(String text, Random random) {
        StringBuilder sb = new StringBuilder(text);
        int at = random.nextInt(sb.length());
        switch (random.nextInt(7)) {
            case 0 -> sb.setCharAt(at, SIGNIFICANT.charAt(random.nextInt(SIGNIFICANT.length())));
            case 1 -> sb.insert(at, SIGNIFICANT.charAt(random.nextInt(SIGNIFICANT.length())));
            case 2 -> sb.deleteCharAt(at);
            case 3 -> {
                int end = at;
                while (end < sb.length() && " \n,:{}[]".indexOf(sb.charAt(end)) < 0) {
                    end++;
                }
                sb.replace(at, end, WORDS[random.nextInt(WORDS.length)]);
            }
            default -> {
                List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
                int i = random.nextInt(lines.size());
                int j = random.nextInt(lines.size());
                switch (random.nextInt(3)) {
                    case 0 -> lines.add(j, lines.get(i));
                    case 1 -> lines.add(j, lines.remove(i));
                    default -> lines.set(i, random.nextBoolean() ? " " + lines.get(i)
                            : lines.get(i).replaceFirst("^ {1,2}", ""));
                }
                return String.join("\n", lines);
            }
        }
        return sb.toString();
    }

    @Test
    void onThousandsOfDamagedDescriptorsTheSubsetDeclinesOrAgreesWithTheStrictReader() throws IOException {
        List<String> bases = new ArrayList<>();
        for (Path p : samples()) {
            bases.add(Files.readString(p, StandardCharsets.UTF_8));
        }
        bases.add(new SyntheticSite(12, 3).yaml());
        Random random = new Random(0x5b5e7L);
        int taken = 0;
        int declined = 0;
        for (int i = 0; i < 6_000; i++) {
            String text = bases.get(i % bases.size());
            for (int m = 1 + random.nextInt(3); m > 0; m--) {
                text = mutate(text, random);
            }
            if (agrees(text)) {
                taken++;
            } else {
                declined++;
            }
        }
        // About one in five damaged texts is still in the subset (the damage fell in a comment or a value); most
        // are not, and the strict reader has them.
        assertThat(taken).isGreaterThan(900);
        assertThat(declined).isGreaterThan(3_000);
    }
}
