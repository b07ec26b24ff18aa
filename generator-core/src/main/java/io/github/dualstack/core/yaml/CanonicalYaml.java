package io.github.dualstack.core.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Prints a tree as block YAML the way {@code kubectl get -o yaml} and kubeadm print it: map keys sorted, sequence
 * items at their parent's indentation, multi-line strings as literal blocks. The same tree always gives the same
 * bytes, and a strict YAML 1.1 or 1.2 reader reads back exactly the tree: a string that any of them would take for
 * a boolean, a number, a null or a timestamp is double-quoted, as is anything that is not plain-safe.
 */
public final class CanonicalYaml {

    private static final Pattern PLAIN = Pattern.compile("(?:[A-Za-z0-9/._$~+()]|-(?=[^\\s]))[\\x21-\\x7e ]*");
    /** Plain words that YAML 1.1 or go-yaml read as a boolean or null, lowercase; matched in any ASCII case. */
    private static final Set<String> BOOL_OR_NULL = Set.of("y", "n", "yes", "no", "true", "false", "on", "off", "null",
            "~");
    private static final Pattern NUMBER = Pattern.compile(
            "[-+]?(0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(:[0-5]?[0-9])*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?"
                    + "|\\.[0-9_]+([eE][-+]?[0-9]+)?|\\.(inf|Inf|INF)|\\.(nan|NaN|NAN))");
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?");

    private CanonicalYaml() {
    }

    /**
     * Whether plain {@code s} is read as a boolean or null by some YAML reader ({@code yes}, {@code Off}, {@code y},
     * {@code NULL}, {@code ~}): the one list for the writer, which quotes such a string, and the descriptor's reader.
     */
    public static boolean boolOrNull(String s) {
        if (s.length() > 5) {
            return false;
        }
        char[] lower = new char[s.length()];
        for (int i = 0; i < lower.length; i++) {
            char c = s.charAt(i);
            lower[i] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return BOOL_OR_NULL.contains(new String(lower));
    }

    /** The document for a map or sequence root; a trailing line break included. */
    public static String print(JsonNode root) {
        StringBuilder out = new StringBuilder();
        if (root.isObject() && !root.isEmpty()) {
            map(root, 0, out);
        } else if (root.isArray() && !root.isEmpty()) {
            sequence(root, 0, out);
        } else {
            out.append(inline(root, 0)).append('\n');
        }
        return out.toString();
    }

    private static void map(JsonNode node, int indent, StringBuilder out) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        keys.sort(null);
        boolean first = true;
        for (String key : keys) {
            if (!first) {
                out.append(" ".repeat(indent));
            }
            first = false;
            out.append(scalar(key)).append(':');
            value(node.get(key), indent, true, out);
        }
    }

    private static void sequence(JsonNode node, int indent, StringBuilder out) {
        boolean first = true;
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
            JsonNode item = it.next();
            if (!first) {
                out.append(" ".repeat(indent));
            }
            first = false;
            out.append('-');
            if (item.isObject() && !item.isEmpty()) {
                out.append(' ');
                map(item, indent + 2, out);
            } else if (item.isArray() && !item.isEmpty()) {
                out.append(' ');
                sequence(item, indent + 2, out);
            } else {
                value(item, indent, false, out);
            }
        }
    }

    /** After {@code key:} or {@code -}: a nested block on the next lines, or a scalar on this one. */
    private static void value(JsonNode v, int indent, boolean inMap, StringBuilder out) {
        if (v.isObject() && !v.isEmpty()) {
            out.append('\n').append(" ".repeat(indent + 2));
            map(v, indent + 2, out);
        } else if (v.isArray() && !v.isEmpty()) {
            // kubectl's style: a map's sequence items sit at the key's own indentation.
            int at = inMap ? indent : indent + 2;
            out.append('\n').append(" ".repeat(at));
            sequence(v, at, out);
        } else {
            String literal = v.isTextual() ? literalBlock(v.asText(), indent + 2) : null;
            if (literal != null) {
                out.append(' ').append(literal);
            } else {
                out.append(' ').append(inline(v, indent)).append('\n');
            }
        }
    }

    private static String inline(JsonNode v, int indent) {
        if (v.isObject()) {
            return "{}";
        }
        if (v.isArray()) {
            return "[]";
        }
        if (v.isNull() || v.isMissingNode()) {
            return "null";
        }
        if (v.isTextual()) {
            return scalar(v.asText());
        }
        return v.asText();   // numbers and booleans: Jackson's canonical text
    }

    /** A string as a plain scalar when that reads back as the same string in every YAML version, else quoted. */
    public static String scalar(String s) {
        return plainSafe(s) ? s : DoubleQuoted.of(s);
    }

    /** Whether the string, printed as a plain scalar, reads back as the same string in every YAML version. */
    public static boolean plainSafe(String s) {
        return !s.isEmpty() && PLAIN.matcher(s).matches() && !s.endsWith(" ") && !s.endsWith(":")
                && !s.contains(": ") && !s.contains(" #") && !boolOrNull(s)
                && !NUMBER.matcher(s).matches() && !TIMESTAMP.matcher(s).matches() && !s.equals("<<")
                && !s.equals("=");
    }

    /**
     * A multi-line string as {@code |} (one final line break) or {@code |-} (none), indented under its key; null
     * when a literal block could not hold it exactly (leading spaces on its first line, trailing blank lines,
     * carriage returns, tabs or other control characters, lines ending in spaces), so that it is quoted instead.
     */
    private static String literalBlock(String s, int indent) {
        if (s.indexOf('\n') < 0 || s.startsWith(" ") || s.startsWith("\n") || s.endsWith("\n\n")) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\n' || c == 0x7f || c == '\uFEFF' || Character.isSurrogate(c)
                    || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return null;
            }
            if (c == '\n' && i > 0 && s.charAt(i - 1) == ' ') {
                return null;
            }
        }
        if (s.endsWith(" ")) {
            return null;
        }
        boolean finalBreak = s.endsWith("\n");
        String body = finalBreak ? s.substring(0, s.length() - 1) : s;
        StringBuilder b = new StringBuilder(finalBreak ? "|" : "|-").append('\n');
        String pad = " ".repeat(indent);
        for (String line : body.split("\n", -1)) {
            if (!line.isEmpty()) {
                b.append(pad).append(line);
            }
            b.append('\n');
        }
        return b.toString();
    }
}
