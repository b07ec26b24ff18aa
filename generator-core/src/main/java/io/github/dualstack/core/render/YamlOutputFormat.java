package io.github.dualstack.core.render;

import io.github.dualstack.core.rules.Printable;
/**
 * FreeMarker output format for YAML: every {@code ${}} becomes one double-quoted scalar, so no value can add a
 * key, a document or a comment, whatever it holds. The escapes used ({@code \" \\ \n \r \t \\uXXXX}) are valid in
 * JSON strings too, so JSON embedded in YAML (Calico's CNI config) is safe with the same format.
 */
public final class YamlOutputFormat extends EscapingOutputFormat {

    public static final YamlOutputFormat INSTANCE = new YamlOutputFormat();

    private YamlOutputFormat() {
        super("YAML", "application/yaml");
    }

    @Override
    public String escapePlainText(String s) {
        return quote(s);
    }

    /** A double-quoted scalar for any string. */
    public static String quote(String s) {
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
