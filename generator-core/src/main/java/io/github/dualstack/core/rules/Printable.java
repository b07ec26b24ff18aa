package io.github.dualstack.core.rules;

import java.util.Locale;

/**
 * Text fit for one problem line: a problem quotes keys and values from untrusted input, and a line break would
 * forge a second problem line, a C1 control (U+009B is CSI) or C0 escape would drive the user's terminal, and
 * U+2028/U+2029 break lines in editors and JSON consumers. Such characters are written as backslash escapes.
 */
public final class Printable {

    private Printable() {
    }

    /** C0 controls, DEL, C1 controls and the Unicode line and paragraph separators. */
    public static boolean isControl(char ch) {
        return ch < 0x20 || (ch >= 0x7f && ch <= 0x9f) || ch == '\u2028' || ch == '\u2029';
    }

    /** {@code s} with every control character escaped ({@code \n}, {@code \t}, {@code \r}, else {@code \}{@code uXXXX}). */
    public static String escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isControl(s.charAt(i))) {
                StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, i);
                append(sb, s, i, s.length(), false);
                return sb.toString();
            }
        }
        return s;
    }

    /**
     * {@code s} in double quotes, with quotes and backslashes escaped as well, shortened to {@code maxChars}
     * characters followed by {@code ...}.
     */
    public static String quote(String s, int maxChars) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), maxChars) + 8).append('"');
        append(sb, s, 0, Math.min(s.length(), maxChars), true);
        if (s.length() > maxChars) {
            sb.append("...");
        }
        return sb.append('"').toString();
    }

    private static void append(StringBuilder sb, String s, int from, int to, boolean quoted) {
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (quoted && (ch == '"' || ch == '\\')) {
                sb.append('\\').append(ch);
            } else if (!isControl(ch)) {
                sb.append(ch);
            } else if (ch == '\n') {
                sb.append("\\n");
            } else if (ch == '\t') {
                sb.append("\\t");
            } else if (ch == '\r') {
                sb.append("\\r");
            } else {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
            }
        }
    }
}
