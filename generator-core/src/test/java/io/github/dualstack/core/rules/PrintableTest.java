package io.github.dualstack.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a problem line shows of untrusted text. The table spells inputs and outputs with Java escapes. */
class PrintableTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            a\\nb          | a\\\\nb
            \\t\\r         | \\\\t\\\\r
            \\u0000        | \\\\u0000
            \\u001b[31m    | \\\\u001b[31m
            \\u007f        | \\\\u007f
            \\u0085        | \\\\u0085
            \\u009b2J      | \\\\u009b2J
            x\\u2028y      | x\\\\u2028y
            \\u2029        | \\\\u2029
            für            | für
            \\u00a0        | \\u00a0
            "quoted" \\\\  | "quoted" \\\\
            """)
    void escape(String in, String out) {
        assertThat(Printable.escape(unescape(in))).isEqualTo(unescape(out));
    }

    @Test
    void textWithoutControlsIsReturnedAsIs() {
        String s = "spec.nodes[0].name";
        assertThat(Printable.escape(s)).isSameAs(s);
    }

    @ParameterizedTest(name = "U+{0}: control {1}")
    @CsvSource({"0000, true", "001f, true", "0020, false", "007e, false", "007f, true", "0080, true", "009f, true",
            "00a0, false", "2027, false", "2028, true", "2029, true", "202a, false", "feff, false"})
    void controls(String hex, boolean control) {
        assertThat(Printable.isControl((char) Integer.parseInt(hex, 16))).isEqualTo(control);
    }

    @Test
    void quoteEscapesQuotesBackslashesAndControlsAndShortens() {
        assertThat(Printable.quote("a\"b\\c\n", 80)).isEqualTo("\"a\\\"b\\\\c\\n\"");
        assertThat(Printable.quote("x".repeat(80), 80)).isEqualTo("\"" + "x".repeat(80) + "\"");
        assertThat(Printable.quote("x".repeat(81), 80)).isEqualTo("\"" + "x".repeat(80) + "...\"");
        assertThat(Printable.quote("", 80)).isEqualTo("\"\"");
    }

    /** Reads the table's Java escapes: \\, \n, \t, \r and \\uXXXX. */
    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch != '\\') {
                sb.append(ch);
                continue;
            }
            char next = s.charAt(++i);
            switch (next) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> sb.append(next);
            }
        }
        return sb.toString();
    }
}
