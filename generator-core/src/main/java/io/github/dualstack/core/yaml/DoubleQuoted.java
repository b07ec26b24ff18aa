package io.github.dualstack.core.yaml;

import io.github.dualstack.core.rules.Printable;

/**
 * A double-quoted YAML scalar for any string: only the escapes {@code \" \\ \n \r \t \\uXXXX}, which JSON strings
 * share, so the result is a valid JSON string too. No value can add a key, a document or a comment.
 */
public final class DoubleQuoted {

    private DoubleQuoted() {
    }

    /** {@code s} as one double-quoted scalar. */
    public static String of(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (Printable.isControl(c) || c == '\uFEFF'
                            || Character.isSurrogate(c) && !validSurrogate(s, i)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
