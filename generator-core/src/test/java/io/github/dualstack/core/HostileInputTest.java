package io.github.dualstack.core;

import static io.github.dualstack.core.Descriptors.Base.DUAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.dualstack.core.descriptor.DescriptorLoader;
import io.github.dualstack.core.descriptor.StrictYamlReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Input written to hurt: it must be refused with a problem, quickly, without a stack trace or an exhausted heap.
 * The timeouts are generous guards against a hang, not performance targets.
 */
class HostileInputTest {

    private static final Duration QUICKLY = Duration.ofSeconds(10);
    /** Reading 16 MiB takes about a second; only a return of the quadratic scan (minutes) trips this. */
    private static final Duration LONG_TOKEN = Duration.ofSeconds(30);

    private static DescriptorLoader.Result load(String text) {
        return assertTimeoutPreemptively(QUICKLY, () -> Descriptors.load(text));
    }

    /** Nine levels of nine aliases: 9^9 (387 million) strings if anything expanded it. */
    @Test
    void billionLaughsIsRefusedWithoutExpansion() {
        StringBuilder sb = new StringBuilder("apiVersion: dualstack/v1alpha1\nkind: Site\n");
        sb.append("a0: &a0 \"lol\"\n");
        for (int i = 1; i <= 9; i++) {
            sb.append('a').append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                sb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            sb.append("]\n");
        }
        DescriptorLoader.Result r = load(sb.toString());
        assertThat(r.ok()).isFalse();
        assertThat(r.resolved()).isNull();
        assertThat(Descriptors.errors(r)).isNotEmpty()
                .allSatisfy(p -> assertThat(p.message()).containsAnyOf("YAML anchors", "YAML aliases"))
                .anySatisfy(p -> {
                    assertThat(p.line()).isEqualTo(3);
                    assertThat(p.message()).isEqualTo("YAML anchors (&a0) are not allowed");
                })
                .anySatisfy(p -> {
                    assertThat(p.line()).isEqualTo(4);
                    assertThat(p.message()).startsWith("YAML aliases (*a0) are not allowed");
                });
        // one problem per anchor and alias written, not per expansion
        assertThat(r.problems()).hasSize(10 + 9 * 9);
    }

    @ParameterizedTest
    @ValueSource(ints = {33, 1_000, 100_000})
    void deepFlowNestingIsRefused(int depth) {
        String text = "apiVersion: dualstack/v1alpha1\nkind: Site\nmetadata: " + "[".repeat(depth) + "]".repeat(depth) + "\n";
        DescriptorLoader.Result r = load(text);
        assertThat(Descriptors.errors(r)).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("descriptor nests deeper than 32 levels");
            assertThat(p.line()).isEqualTo(3);
        });
    }

    @Test
    void deepBlockNestingIsRefused() {
        StringBuilder sb = new StringBuilder("apiVersion: dualstack/v1alpha1\n");
        for (int i = 0; i < 200; i++) {
            sb.append(" ".repeat(i)).append("k").append(i).append(":\n");
        }
        sb.append(" ".repeat(200)).append("leaf: 1\n");
        DescriptorLoader.Result r = load(sb.toString());
        assertThat(Descriptors.errors(r)).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("descriptor nests deeper than 32 levels"));
    }

    @Test
    void aFiveMegabyteLineOverASmallLimitIsRefusedBeforeParsing() {
        byte[] line = new byte[5 * 1024 * 1024];
        Arrays.fill(line, (byte) 'a');
        byte[] text = ("metadata: {name: " + new String(line, StandardCharsets.US_ASCII) + "}\n").getBytes(StandardCharsets.US_ASCII);
        DescriptorLoader.Result r = assertTimeoutPreemptively(QUICKLY, () -> Descriptors.load(text, 1024 * 1024));
        assertThat(Descriptors.errors(r)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.column()).isEqualTo(1);
            assertThat(p.message()).isEqualTo("descriptor is " + text.length
                    + " bytes, over the limit of 1048576 bytes (raise it with --max-descriptor-bytes)");
        });
    }

    @Test
    void anOversizeFileIsRefusedBeforeItIsRead(@TempDir Path dir) throws Exception {
        Path site = dir.resolve("site.yaml");
        byte[] big = new byte[5 * 1024 * 1024];
        Arrays.fill(big, (byte) '#');
        Files.write(site, big);
        Report.Validate report = Dualstack.validate(new Request.Validate(site,
                RunOptions.builder().maxDescriptorBytes(4096).build()));
        assertThat(report.errors()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(site.toString());
            assertThat(p.message()).contains("over the limit of 4096 bytes");
        });
        assertThat(report.site()).isEmpty();
    }

    /**
     * Within the limit, a 16 MiB name, plain or quoted, reaches the schema and is refused there. A single long
     * token once cost quadratic time in the YAML reader (over two minutes at 20 MiB); the guard is generous.
     */
    @ParameterizedTest
    @ValueSource(strings = {"%s", "\"%s\""})
    void aSixteenMegabyteNameIsReadAndRefusedByTheSchema(String form) {
        String huge = String.format(form, "a".repeat(16 * 1024 * 1024) + "-");
        DescriptorLoader.Result r = assertTimeoutPreemptively(LONG_TOKEN,
                () -> Descriptors.load(DUAL.edit().sub(7, "factory-east", huge).text()));
        assertThat(Descriptors.errors(r)).isNotEmpty().allSatisfy(p -> {
            assertThat(p.path()).isEqualTo("metadata.name");
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.column()).isEqualTo(9);
        });
    }

    /** A 16 MiB comment (a pasted certificate, say) costs no more than 16 MiB of short lines. */
    @Test
    void aSixteenMegabyteCommentIsRead() {
        String text = "# " + "c".repeat(16 * 1024 * 1024) + "\n" + DUAL.text();
        DescriptorLoader.Result r = assertTimeoutPreemptively(LONG_TOKEN, () -> Descriptors.load(text));
        assertThat(Descriptors.withoutMetricsWarning(r.problems())).isEmpty();
        assertThat(r.ok()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc", "a/b", "..", ".", "/etc/passwd", "edge;rm -rf /", "$(reboot)", "edge`id`",
            "edge\\nfoo", "EDGE-1", "-edge", "edge-", "edge_1", "edge.1", "édge", "edge 1", ""})
    void namesThatCouldEscapeOrInjectAreRefused(String name) {
        String quoted = "\"" + name.replace("\"", "\\\"") + "\"";
        for (int line : new int[] {7, 28, 41}) {
            String at = line == 7 ? "factory-east" : line == 28 ? "worker-1" : "edge-0001";
            DescriptorLoader.Result r = load(DUAL.edit().sub(line, at, quoted).text());
            assertThat(r.ok()).as("name %s on line %d", name, line).isFalse();
            assertThat(Descriptors.errors(r)).as("name %s on line %d", name, line).singleElement().satisfies(p -> {
                assertThat(p.line()).isEqualTo(line);
                assertThat(p.path()).endsWith("name");
                assertThat(p.message()).containsAnyOf("must be a DNS-1123 label", "must be at least 1");
            });
        }
    }

    @Test
    void aHundredThousandAliasesAreReportedOneEach() {
        StringBuilder sb = new StringBuilder("x: &x 1\ny: [");
        for (int i = 0; i < 100_000; i++) {
            sb.append(i == 0 ? "" : ",").append("*x");
        }
        sb.append("]\n");
        DescriptorLoader.Result r = load(sb.toString());
        assertThat(r.ok()).isFalse();
        assertThat(r.problems().size()).as("the anchor and each alias").isEqualTo(100_001);
        assertThat(r.problems().get(0).message()).isEqualTo("YAML anchors (&x) are not allowed");
        assertThat(r.problems().get(100_000).path()).isEqualTo("y[99999]");
    }

    /**
     * A refused value is never decoded (Jackson cannot decode {@code .nan}, nor bad base64 under {@code !!binary}),
     * so the scan goes on: one problem per refused token, in source order.
     */
    @Test
    void eachRefusedTokenIsOneProblemAndTheScanGoesOn() {
        DescriptorLoader.Result r = load("a: .nan\nb: *x\nc: [010, &y 1]\nd: !!binary \"@@\"\n");
        assertThat(r.problems()).extracting(Problem::toString).containsExactly(
                "site.yaml:1:4: a: '.nan' is read as the number NaN (not a number) (YAML 1.1); quote it if it is meant as text",
                "site.yaml:2:4: b: YAML aliases (*x) are not allowed; write the value out",
                "site.yaml:3:5: c[0]: '010' is read as the number 8 (YAML 1.1); quote it if it is meant as text, or write"
                        + " the number in plain decimal",
                "site.yaml:3:10: c[1]: YAML anchors (&y) are not allowed",
                "site.yaml:4:4: d: YAML tags (!!binary) are not allowed");
    }

    @Test
    void aDescriptorThatIsOnlyInfinityIsOneProblem() {
        assertThat(load("-.inf\n").problems()).extracting(Problem::toString).containsExactly(
                "site.yaml:1:1: '-.inf' is read as the number -infinity (YAML 1.1); quote it if it is meant as text");
    }

    @Test
    void binaryGarbageIsAProblemNotAnException() {
        byte[] bytes = new byte[4096];
        new java.util.Random(1).nextBytes(bytes);
        DescriptorLoader.Result r = assertTimeoutPreemptively(QUICKLY,
                () -> Descriptors.load(bytes, StrictYamlReader.DEFAULT_MAX_BYTES));
        assertThat(Descriptors.errors(r)).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("descriptor is not valid UTF-8"));
    }
    /**
     * Text is decoded by the JDK's fast UTF-8 path and checked for forbidden characters by a fast loop first; a
     * text either of them cannot vouch for is read the strict way, which names the place of the first bad byte or
     * character, even after a replacement character or non-ASCII text that is valid.
     */
    @Test
    void validNonAsciiTextIsReadAndTheFirstBadByteOrCharacterAfterItIsNamed() {
        String valid = "# \uFFFD r\u00e9sum\u00e9 \u2028\n" + DUAL.text();
        assertThat(Descriptors.errors(load(valid))).isEmpty();
        assertThat(Descriptors.errors(Descriptors.load(("\uFEFF" + valid).getBytes(StandardCharsets.UTF_8),
                StrictYamlReader.DEFAULT_MAX_BYTES))).isEmpty();

        byte[] head = "# \uFFFD ok\napiVersion: x\n# caf".getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = Arrays.copyOf(head, head.length + 2);
        latin1[head.length] = (byte) 0xE9;
        latin1[head.length + 1] = '\n';
        assertThat(Descriptors.load(latin1, StrictYamlReader.DEFAULT_MAX_BYTES).problems())
                .extracting(Problem::toString).containsExactly(
                        "site.yaml:3:6: descriptor is not valid UTF-8 (byte 0xE9); save it as UTF-8");

        assertThat(load("# \u00e9\nkind: Site\nx: \"a\u007fb\"\n").problems()).extracting(Problem::toString)
                .containsExactly("site.yaml:3:6: character U+007F is not allowed in YAML; remove it, or write it as"
                        + " \"\\u007F\" in a double-quoted value");
    }
}
