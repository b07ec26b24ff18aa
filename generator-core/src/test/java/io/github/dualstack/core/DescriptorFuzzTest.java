package io.github.dualstack.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.descriptor.DescriptorLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Thousands of random and mutated descriptors through {@link DescriptorLoader}: the only outcomes are a valid site
 * or located problems, never an exception. About 2,000 tries in all, a few seconds.
 */
class DescriptorFuzzTest {

    private static final long MAX_BYTES = 1 << 20;

    /** What every outcome must look like. */
    static void wellFormed(DescriptorLoader.Result r) {
        assertThat(r).isNotNull();
        assertThat(r.problems()).isNotNull();
        if (r.ok()) {
            assertThat(r.site()).isNotNull();
            assertThat(r.resolved()).isNotNull();
            assertThat(r.problems()).noneMatch(Problem::isError);
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

    static DescriptorLoader.Result load(byte[] bytes) {
        return Descriptors.load(bytes, MAX_BYTES);
    }

    static DescriptorLoader.Result load(String text) {
        return load(text.getBytes(StandardCharsets.UTF_8));
    }

    // ---- random YAML-ish text ---------------------------------------------------------------------------------

    @Property(tries = 400)
    void randomYamlishText(@ForAll("yamlish") String text) {
        wellFormed(load(text));
    }

    @Provide
    Arbitrary<String> yamlish() {
        Arbitrary<String> chars = Arbitraries.strings()
                .withChars("{}[]:,-#&*!|>'\"%@`?~ \t\n\\.0123456789abcdefxyzIPv/=")
                .withCharRange('\u0000', '\u001f')
                .withChars('\u00e9', '\u2028', '\ufeff', '\ud83d')
                .ofMaxLength(300);
        Arbitrary<String> tokens = Arbitraries.of("apiVersion:", "kind:", "spec:", "nodes:", "- ", "  ", "\n", ": ", "{", "}",
                        "[", "]", ", ", "&a ", "*a", "!!str ", "!t ", "---\n", "...\n", "? ", "|\n", ">-\n", "\"", "'", "#c\n",
                        "yes", "010", "0x1F", "1:2:3:4:5:6:7:8", "~", "null", "\"2001:db8::1\"", "10.0.0.0/8", "<<: ", "%YAML 1.2\n",
                        "name: x", "ipv4: ", "ipv6: ", "dualstack/v1alpha1", "Site", "\t", "\\u0000", "\"\\x41\"")
                .list().ofMaxSize(60).map(l -> String.join("", l));
        return Arbitraries.oneOf(chars, tokens);
    }

    // ---- byte flips of the samples ------------------------------------------------------------------------------

    @Property(tries = 500)
    void byteFlipsOfTheSamples(@ForAll("base") Descriptors.Base base,
                               @ForAll("flips") List<Tuple.Tuple2<Double, Byte>> flips) {
        byte[] bytes = base.text().getBytes(StandardCharsets.UTF_8);
        for (Tuple.Tuple2<Double, Byte> f : flips) {
            bytes[(int) (f.get1() * (bytes.length - 1))] = f.get2();
        }
        wellFormed(load(bytes));
    }

    @Provide
    Arbitrary<Descriptors.Base> base() {
        return Arbitraries.of(Descriptors.Base.class);
    }

    @Provide
    Arbitrary<List<Tuple.Tuple2<Double, Byte>>> flips() {
        Arbitrary<Byte> interesting = Arbitraries.of((byte) ':', (byte) '-', (byte) ' ', (byte) '\n', (byte) '\t', (byte) '{',
                (byte) '[', (byte) '"', (byte) '&', (byte) '*', (byte) '!', (byte) '#', (byte) 0, (byte) 0xc3, (byte) 0xff);
        Arbitrary<Byte> anyByte = Arbitraries.bytes();
        return Combinators.combine(Arbitraries.doubles().between(0, 1), Arbitraries.oneOf(interesting, anyByte))
                .as((at, b) -> Tuple.of(at, b)).list().ofMinSize(1).ofMaxSize(8);
    }

    // ---- line deletions, duplications, swaps and indentation shifts -----------------------------------------------

    @Property(tries = 500)
    void lineMutationsOfTheSamples(@ForAll("base") Descriptors.Base base,
                                   @ForAll("lineEdits") List<Tuple.Tuple3<Integer, Double, Double>> edits) {
        List<String> lines = new ArrayList<>(Arrays.asList(base.text().split("\n", -1)));
        for (Tuple.Tuple3<Integer, Double, Double> e : edits) {
            int i = (int) (e.get2() * (lines.size() - 1));
            int j = (int) (e.get3() * (lines.size() - 1));
            switch (e.get1()) {
                case 0 -> lines.remove(i);
                case 1 -> lines.add(i, lines.get(i));
                case 2 -> {
                    String t = lines.get(i);
                    lines.set(i, lines.get(j));
                    lines.set(j, t);
                }
                case 3 -> lines.set(i, "  " + lines.get(i));
                default -> lines.set(i, lines.get(i).replaceFirst("^  ", ""));
            }
            if (lines.isEmpty()) {
                lines.add("");
            }
        }
        wellFormed(load(String.join("\n", lines)));
    }

    @Provide
    Arbitrary<List<Tuple.Tuple3<Integer, Double, Double>>> lineEdits() {
        return Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.doubles().between(0, 1),
                Arbitraries.doubles().between(0, 1)).as((k, i, j) -> Tuple.of(k, i, j)).list().ofMinSize(1).ofMaxSize(5);
    }

    // ---- random values substituted into the samples' fields -----------------------------------------------------

    /** {@code key: value} in block style, or one entry of a flow mapping or sequence. */
    private static final Pattern VALUE = Pattern.compile("(?<=: |\\[|, )([^,\\]}\\n]+)");

    @Property(tries = 600)
    void randomValuesInTheSamplesFields(@ForAll("base") Descriptors.Base base, @ForAll("positions") List<Double> where,
                                        @ForAll("values") List<String> values) {
        String text = base.text();
        List<int[]> spans = new ArrayList<>();
        Matcher m = VALUE.matcher(text);
        while (m.find()) {
            if (!text.substring(text.lastIndexOf('\n', m.start()) + 1, m.start()).trim().startsWith("#")) {
                spans.add(new int[] {m.start(), m.end()});
            }
        }
        // replace from the back, so that earlier spans keep their offsets
        List<int[]> chosen = new ArrayList<>();
        for (int k = 0; k < Math.min(where.size(), values.size()); k++) {
            int[] span = spans.get((int) (where.get(k) * (spans.size() - 1)));
            if (chosen.stream().noneMatch(c -> c[0] == span[0])) {
                chosen.add(new int[] {span[0], span[1], k});
            }
        }
        chosen.sort((a, b) -> Integer.compare(b[0], a[0]));
        StringBuilder sb = new StringBuilder(text);
        for (int[] c : chosen) {
            sb.replace(c[0], c[1], values.get(c[2]));
        }
        wellFormed(load(sb.toString()));
    }

    @Provide
    Arbitrary<List<Double>> positions() {
        return Arbitraries.doubles().between(0, 1).list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<List<String>> values() {
        Arbitrary<String> tricky = Arbitraries.of("", "~", "null", "yes", "no", "on", "Off", "y", "010", "08", "0x1F", "0o17",
                "0b101", "1e3", ".inf", "-.nan", "1_000", "+1", "-1", "0", "65536", "99999999999999999999999", "3.5",
                "1:2:3:4:5:6:7:8", "1:20", "\"2001:db8::1\"", "\"::\"", "\"::ffff:10.0.0.1\"", "\"fe80::1%eth0\"",
                "\"[2001:db8::1]\"", "\"[2001:db8::1]:443\"", "192.0.2.1:80", "10.0.0.0/8", "10.0.0.1/33", "\"fd00::/129\"",
                "0.0.0.0", "255.255.255.255", "127.0.0.1", "224.0.0.1", "169.254.0.0/16", "\"fec0::/112\"", "\"ff02::1\"",
                "[]", "{}", "[1, 2]", "{a: 1}", "&a x", "*a", "!!str x", "!x y", "\"\\u0000\"", "\"\\t\"", "\"a\\nb\"",
                "'it''s'", "\"\\e[31m\"", "interface=eth[0", "interface=(?!x)", "can-reach=::1", "can-reach=", "cidr=",
                "cidr=10.0.0.1/8", "first-found", "skip-interface=^docker.*", "https://[::1]:2379", "http://a:0",
                "\"a:99999\"", "v1.32.4", "v1.29.0", "v1.22.0", "IPv4", "IPv6", "IPv5", "[IPv6, IPv4]", "[IPv4, IPv4]",
                "[IPv4, IPv6, IPv4]", "NodePort", "HostNetwork", "quic", "websocket", "control-plane", "worker",
                "cgroupfs", "IPIP", "VXLAN", "None", ".", "..", "eth0:1", "\"eth 0\"", "\"ethernet-über0\"", "😀",
                "\"\ud83d\"", "x".repeat(300), "a-".repeat(40) + "a", "\"" + "\\\\".repeat(20) + "\"");
        Arbitrary<String> ipv4 = Arbitraries.integers().between(0, 255).list().ofSize(4)
                .map(l -> l.stream().map(String::valueOf).reduce((a, b) -> a + "." + b).orElseThrow());
        Arbitrary<String> ipv6 = Arbitraries.integers().between(0, 0xffff).list().ofSize(8)
                .map(l -> "\"" + l.stream().map(Integer::toHexString).reduce((a, b) -> a + ":" + b).orElseThrow() + "\"");
        Arbitrary<String> cidr = Combinators.combine(Arbitraries.oneOf(ipv4, ipv6), Arbitraries.integers().between(0, 130))
                .as((a, p) -> a.endsWith("\"") ? a.substring(0, a.length() - 1) + "/" + p + "\"" : a + "/" + p);
        Arbitrary<String> number = Arbitraries.integers().between(-5, 200_000).map(String::valueOf);
        Arbitrary<String> word = Arbitraries.strings().withCharRange('a', 'z').withChars("-.:/_ 0123456789").ofMaxLength(40);
        return Arbitraries.oneOf(tricky, ipv4, ipv6, cidr, number, word).list().ofMinSize(1).ofMaxSize(4);
    }

    // ---- the synthetic site is valid for any seed --------------------------------------------------------------------

    @Property(tries = 100)
    void theSyntheticSiteValidatesForAnySeed(@ForAll("seeds") long seed, @ForAll("edgeCounts") int edges) {
        DescriptorLoader.Result r = load(new SyntheticSite(edges, seed).yaml());
        wellFormed(r);
        assertThat(r.problems()).isEmpty();
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Provide
    Arbitrary<Integer> edgeCounts() {
        return Arbitraries.integers().between(0, 40);
    }
}
