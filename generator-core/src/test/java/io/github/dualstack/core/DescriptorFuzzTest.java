package io.github.dualstack.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.descriptor.DescriptorLoader;
import io.github.dualstack.core.render.FullSelfCheck;
import io.github.dualstack.fixtures.SyntheticSite;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Thousands of random and mutated descriptors through {@link DescriptorLoader}: the only outcomes are a valid site
 * or located problems, never an exception. About 2,000 tries in all, a few seconds.
 *
 * <p>Seeded: every run makes the same inputs unless {@code -Ddualstack.fuzz.seed=N} picks other ones;
 * {@code -Ddualstack.fuzz.tries=N} runs N tries of every property instead of its own count. A failure names the
 * seed, the property, the try and the input, and the command that runs that property again.
 */
class DescriptorFuzzTest {

    private static final long MAX_BYTES = 1 << 20;
    private static final long DEFAULT_SEED = 0x5eed_2026L;

    /** One generated descriptor: what the generator chose, in words, and the bytes it made. */
    private record Input(String chosen, byte[] bytes) {
        Input(String chosen, String text) {
            this(chosen, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** What every outcome must look like. */
    static void wellFormed(DescriptorLoader.Result r) {
        assertThat(r).isNotNull();
        assertThat(r.problems()).isNotNull();
        if (r.ok()) {
            assertThat(r.site()).isNotNull();
            assertThat(r.resolved()).isNotNull();
            assertThat(r.problems()).noneMatch(Problem::isError);
            // a valid site renders, and every file passes the full self-check (what SHAPES relies on)
            assertThat(FullSelfCheck.everyFile(r.site())).isPositive();
        } else {
            assertThat(r.problems()).isNotEmpty().anyMatch(Problem::isError);
        }
        for (Problem p : r.problems()) {
            assertThat(p.file()).isEqualTo("site.yaml");
            assertThat(p.line()).as("line of %s", p).isGreaterThanOrEqualTo(1);
            assertThat(p.column()).as("column of %s", p).isGreaterThanOrEqualTo(1);
            assertThat(p.severity()).isNotNull();
            assertThat(p.path()).isNotNull();
            assertThat(p.message()).isNotBlank();
            assertThat(p.toString()).as("one line per problem").doesNotContain("\n", "\r", "\u2028", "\u2029");
        }
    }

    /**
     * Loads {@code tries} generated inputs (or {@code -Ddualstack.fuzz.tries}) and checks each outcome; the first
     * failure, assertion or exception, stops the property with the seed, the try and the input.
     */
    private static void forAll(TestInfo test, int tries, Function<Random, Input> generator,
                               Consumer<DescriptorLoader.Result> check) {
        String property = test.getTestMethod().orElseThrow().getName();
        long seed = Long.getLong("dualstack.fuzz.seed", DEFAULT_SEED);
        int count = Integer.getInteger("dualstack.fuzz.tries", tries);
        assertThat(count).as("-Ddualstack.fuzz.tries").isPositive();
        Random random = new Random(seed * 0x9e37_79b9_7f4a_7c15L + property.hashCode());
        for (int t = 0; t < count; t++) {
            Input in = null;
            try {
                in = generator.apply(random);
                check.accept(Descriptors.load(in.bytes(), MAX_BYTES));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(String.format(
                        "%s failed at try %d of %d with seed %d%n  again: ./mvnw -B -pl generator-core test"
                                + " -Dtest=DescriptorFuzzTest#%s -Ddualstack.fuzz.seed=%d -Ddualstack.fuzz.tries=%d%n"
                                + "  chosen: %s%n  descriptor (\\xNN for other bytes than printable ASCII):%n%s%n"
                                + "  failure: %s",
                        property, t, count, seed, property, seed, t + 1,
                        in == null ? "(the generator failed)" : in.chosen(), in == null ? "" : shown(in.bytes()), e), e);
            }
        }
    }

    /** The bytes as text: printable ASCII and line breaks as they are, a backslash doubled, others as \xNN. */
    private static String shown(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c == '\\') {
                sb.append("\\\\");
            } else if (c == '\n' || (c >= 0x20 && c < 0x7f)) {
                sb.append((char) c);
            } else {
                sb.append(String.format("\\x%02x", c));
            }
        }
        return sb.toString();
    }

    // ---- the generators' building blocks ------------------------------------------------------------------------

    /** From {@code min} to {@code max}, both included; one time in eight one of the two ends, as edge cases. */
    private static int between(Random random, int min, int max) {
        return switch (random.nextInt(16)) {
            case 0 -> min;
            case 1 -> max;
            default -> min + random.nextInt(max - min + 1);
        };
    }

    private static <T> T oneOf(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    @SafeVarargs
    private static <T> T oneOf(Random random, Function<Random, T>... generators) {
        return oneOf(random, List.of(generators)).apply(random);
    }

    /** {@code min} to {@code max} elements from {@code element}. */
    private static <T> List<T> list(Random random, int min, int max, Supplier<T> element) {
        int size = between(random, min, max);
        List<T> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(element.get());
        }
        return out;
    }

    /** Up to {@code maxLength} characters, each one of {@code chars}. */
    private static String string(Random random, String chars, int maxLength) {
        int[] cps = chars.codePoints().toArray();
        StringBuilder sb = new StringBuilder();
        for (int i = between(random, 0, maxLength); i > 0; i--) {
            sb.appendCodePoint(cps[random.nextInt(cps.length)]);
        }
        return sb.toString();
    }

    private static Descriptors.Base base(Random random) {
        return oneOf(random, List.of(Descriptors.Base.values()));
    }

    // ---- random YAML-ish text ---------------------------------------------------------------------------------

    private static final String YAMLISH_CHARS = "{}[]:,-#&*!|>'\"%@`?~ \t\n\\.0123456789abcdefxyzIPv/="
            + "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000b\u000c\r\u000e\u000f"
            + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f"
            + "\u00e9\u2028\ufeff\ud83d";

    private static final List<String> YAMLISH_TOKENS = List.of("apiVersion:", "kind:", "spec:", "nodes:", "- ", "  ", "\n",
            ": ", "{", "}", "[", "]", ", ", "&a ", "*a", "!!str ", "!t ", "---\n", "...\n", "? ", "|\n", ">-\n", "\"", "'",
            "#c\n", "yes", "010", "0x1F", "1:2:3:4:5:6:7:8", "~", "null", "\"2001:db8::1\"", "10.0.0.0/8", "<<: ",
            "%YAML 1.2\n", "name: x", "ipv4: ", "ipv6: ", "dualstack/v1alpha1", "Site", "\t", "\\u0000", "\"\\x41\"");

    @Test
    void randomYamlishText(TestInfo test) {
        forAll(test, 400, random -> oneOf(random,
                r -> new Input("random characters", string(r, YAMLISH_CHARS, 300)),
                r -> new Input("random tokens", String.join("", list(r, 0, 60, () -> oneOf(r, YAMLISH_TOKENS))))),
                DescriptorFuzzTest::wellFormed);
    }

    // ---- byte flips of the samples ------------------------------------------------------------------------------

    private static final byte[] INTERESTING_BYTES = {':', '-', ' ', '\n', '\t', '{', '[', '"', '&', '*', '!', '#', 0,
            (byte) 0xc3, (byte) 0xff};

    @Test
    void byteFlipsOfTheSamples(TestInfo test) {
        forAll(test, 500, random -> {
            Descriptors.Base base = base(random);
            byte[] bytes = base.text().getBytes(StandardCharsets.UTF_8);
            List<String> flips = list(random, 1, 8, () -> {
                int at = between(random, 0, bytes.length - 1);
                bytes[at] = random.nextBoolean()
                        ? INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)]
                        : (byte) random.nextInt(256);
                return String.format("byte %d = 0x%02x", at, bytes[at] & 0xff);
            });
            return new Input(base + " with " + flips, bytes);
        }, DescriptorFuzzTest::wellFormed);
    }

    // ---- line deletions, duplications, swaps and indentation shifts -----------------------------------------------

    @Test
    void lineMutationsOfTheSamples(TestInfo test) {
        forAll(test, 500, random -> {
            Descriptors.Base base = base(random);
            List<String> lines = new ArrayList<>(Arrays.asList(base.text().split("\n", -1)));
            List<String> edits = list(random, 1, 5, () -> {
                int i = between(random, 0, lines.size() - 1);
                int j = between(random, 0, lines.size() - 1);
                String edit = switch (random.nextInt(5)) {
                    case 0 -> {
                        lines.remove(i);
                        yield "delete " + i;
                    }
                    case 1 -> {
                        lines.add(i, lines.get(i));
                        yield "duplicate " + i;
                    }
                    case 2 -> {
                        lines.set(i, lines.set(j, lines.get(i)));
                        yield "swap " + i + " and " + j;
                    }
                    case 3 -> {
                        lines.set(i, "  " + lines.get(i));
                        yield "indent " + i;
                    }
                    default -> {
                        lines.set(i, lines.get(i).replaceFirst("^  ", ""));
                        yield "dedent " + i;
                    }
                };
                if (lines.isEmpty()) {
                    lines.add("");
                }
                return edit;
            });
            return new Input(base + " with line edits (0-based, in order) " + edits, String.join("\n", lines));
        }, DescriptorFuzzTest::wellFormed);
    }

    // ---- random values substituted into the samples' fields -----------------------------------------------------

    /** {@code key: value} in block style, or one entry of a flow mapping or sequence. */
    private static final Pattern VALUE = Pattern.compile("(?<=: |\\[|, )([^,\\]}\\n]+)");

    private static final List<String> TRICKY_VALUES = List.of("", "~", "null", "yes", "no", "on", "Off", "y", "010", "08",
            "0x1F", "0o17", "0b101", "1e3", ".inf", "-.nan", "1_000", "+1", "-1", "0", "65536", "99999999999999999999999",
            "3.5", "1:2:3:4:5:6:7:8", "1:20", "\"2001:db8::1\"", "\"::\"", "\"::ffff:10.0.0.1\"", "\"fe80::1%eth0\"",
            "\"[2001:db8::1]\"", "\"[2001:db8::1]:443\"", "192.0.2.1:80", "10.0.0.0/8", "10.0.0.1/33", "\"fd00::/129\"",
            "0.0.0.0", "255.255.255.255", "127.0.0.1", "224.0.0.1", "169.254.0.0/16", "\"fec0::/112\"", "\"ff02::1\"",
            "[]", "{}", "[1, 2]", "{a: 1}", "&a x", "*a", "!!str x", "!x y", "\"\\u0000\"", "\"\\t\"", "\"a\\nb\"",
            "'it''s'", "\"\\e[31m\"", "interface=eth[0", "interface=(?!x)", "can-reach=::1", "can-reach=", "cidr=",
            "cidr=10.0.0.1/8", "first-found", "skip-interface=^docker.*", "https://[::1]:2379", "http://a:0",
            "\"a:99999\"", "v1.32.4", "v1.29.0", "v1.22.0", "IPv4", "IPv6", "IPv5", "[IPv6, IPv4]", "[IPv4, IPv4]",
            "[IPv4, IPv6, IPv4]", "NodePort", "HostNetwork", "quic", "websocket", "control-plane", "worker",
            "cgroupfs", "IPIP", "VXLAN", "None", ".", "..", "eth0:1", "\"eth 0\"", "\"ethernet-über0\"", "😀",
            "\"\ud83d\"", "x".repeat(300), "a-".repeat(40) + "a", "\"" + "\\\\".repeat(20) + "\"");

    private static String ipv4(Random random) {
        return String.join(".", list(random, 4, 4, () -> String.valueOf(between(random, 0, 255))));
    }

    private static String ipv6(Random random) {
        return "\"" + String.join(":", list(random, 8, 8, () -> Integer.toHexString(between(random, 0, 0xffff)))) + "\"";
    }

    private static String cidr(Random random) {
        String a = oneOf(random, DescriptorFuzzTest::ipv4, DescriptorFuzzTest::ipv6);
        int p = between(random, 0, 130);
        return a.endsWith("\"") ? a.substring(0, a.length() - 1) + "/" + p + "\"" : a + "/" + p;
    }

    private static String value(Random random) {
        return oneOf(random, r -> oneOf(r, TRICKY_VALUES), DescriptorFuzzTest::ipv4, DescriptorFuzzTest::ipv6,
                DescriptorFuzzTest::cidr, r -> String.valueOf(between(r, -5, 200_000)),
                r -> string(r, "abcdefghijklmnopqrstuvwxyz-.:/_ 0123456789", 40));
    }

    @Test
    void randomValuesInTheSamplesFields(TestInfo test) {
        forAll(test, 600, random -> {
            Descriptors.Base base = base(random);
            String text = base.text();
            List<int[]> spans = new ArrayList<>();
            Matcher m = VALUE.matcher(text);
            while (m.find()) {
                if (!text.substring(text.lastIndexOf('\n', m.start()) + 1, m.start()).trim().startsWith("#")) {
                    spans.add(new int[] {m.start(), m.end()});
                }
            }
            // one value a span at the most; replaced from the back, so that earlier spans keep their offsets
            List<int[]> chosen = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (int k = between(random, 1, 4); k > 0; k--) {
                int[] span = spans.get(random.nextInt(spans.size()));
                String v = value(random);
                if (chosen.stream().noneMatch(c -> c[0] == span[0])) {
                    chosen.add(new int[] {span[0], span[1], values.size()});
                    values.add(v);
                }
            }
            chosen.sort((a, b) -> Integer.compare(b[0], a[0]));
            StringBuilder sb = new StringBuilder(text);
            List<String> said = new ArrayList<>();
            for (int[] c : chosen) {
                said.add("'" + text.substring(c[0], c[1]) + "' at offset " + c[0] + " -> '" + values.get(c[2]) + "'");
                sb.replace(c[0], c[1], values.get(c[2]));
            }
            return new Input(base + " with " + said, sb.toString());
        }, DescriptorFuzzTest::wellFormed);
    }

    // ---- the synthetic site is valid for any seed --------------------------------------------------------------------

    private static final List<Long> EDGE_SEEDS = List.of(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE);

    @Test
    void theSyntheticSiteValidatesForAnySeed(TestInfo test) {
        forAll(test, 100, random -> {
            int edges = between(random, 0, 40);
            long seed = random.nextInt(8) == 0 ? oneOf(random, EDGE_SEEDS) : random.nextLong();
            return new Input("SyntheticSite(" + edges + ", " + seed + "L)", new SyntheticSite(edges, seed).yaml());
        }, r -> {
            wellFormed(r);
            // the one warning of a site whose edges have an IPv6 address, and nothing else
            assertThat(r.problems()).allMatch(p -> !p.isError() && (p.path() + ": " + p.message())
                    .startsWith(Descriptors.METRICS_WARNING));
        });
    }
}
