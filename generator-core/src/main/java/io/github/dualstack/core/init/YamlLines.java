package io.github.dualstack.core.init;

import io.github.dualstack.core.yaml.CanonicalYaml;
import io.github.dualstack.core.yaml.DoubleQuoted;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The descriptor's text, line by line, with comments where the values are: every key is one of init's own,
 * every value and label key goes through {@link CanonicalYaml#scalar} (block context) or {@link #flow} (inside
 * {@code {}} and {@code []}), so nothing read from a captured file can add a key, a line or a comment. Comments
 * are init's own text; a {@code # TODO:} comment marks a value to add, and is counted.
 */
final class YamlLines {

    /** Between a value and the comment after it on its line. */
    private static final String BEFORE_COMMENT = "   ";

    private final StringBuilder out = new StringBuilder();
    private int todos;

    /** {@code key:}, a mapping or list on the lines below. */
    YamlLines open(int indent, String key) {
        return line(indent, key + ":", null);
    }

    /** {@code key: value} with a printed value (a scalar, a flow mapping or list) and an optional comment. */
    YamlLines put(int indent, String key, String printed, String comment) {
        return line(indent, key + ": " + printed, comment);
    }

    YamlLines put(int indent, String key, String printed) {
        return put(indent, key, printed, null);
    }

    /** {@code - key: value}: the first key of a list item; the item's other keys go at {@code indent + 2}. */
    YamlLines item(int indent, String key, String printed) {
        return line(indent, "- " + key + ": " + printed, null);
    }

    /** A comment line of init's own. */
    YamlLines comment(int indent, String text) {
        return line(indent, "# " + text, null);
    }

    /** A comment line that marks a value to add. */
    YamlLines todo(int indent, String text) {
        todos++;
        return comment(indent, "TODO: " + text);
    }

    /** The comment after a value on its line that marks what to add there. */
    String todoAfter(String text) {
        todos++;
        return "TODO: " + text;
    }

    int todos() {
        return todos;
    }

    String text() {
        return out.toString();
    }

    private YamlLines line(int indent, String text, String comment) {
        one(text);
        out.append(" ".repeat(indent)).append(text);
        if (comment != null) {
            one(comment);
            out.append(BEFORE_COMMENT).append("# ").append(comment);
        }
        out.append('\n');
        return this;
    }

    /** Every line is built from printed scalars and init's own words: a line break would be a bug here. */
    private static void one(String text) {
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw new IllegalStateException("a line of the descriptor holds a line break: " + text);
        }
    }

    /** A string in block context. */
    static String scalar(String s) {
        return CanonicalYaml.scalar(s);
    }

    /**
     * A string inside a flow mapping or list: plain only when block context would print it plain and it holds no
     * flow indicator and no colon (YAML 1.1 readers end a flow scalar at one), else double-quoted.
     */
    static String flow(String s) {
        String plain = CanonicalYaml.scalar(s);
        boolean quoted = plain.startsWith("\"");
        for (int i = 0; !quoted && i < s.length(); i++) {
            quoted = ",[]{}:#".indexOf(s.charAt(i)) >= 0;
        }
        return quoted && !plain.startsWith("\"") ? DoubleQuoted.of(s) : plain;
    }

    /** {@code {key: value, ...}} of printed values, in the map's order. */
    static String flowMap(Map<String, String> printed) {
        StringJoiner j = new StringJoiner(", ", "{", "}");
        printed.forEach((k, v) -> j.add(k + ": " + v));
        return j.toString();
    }

    /** {@code [a, b]} of strings. */
    static String flowList(List<String> values) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        values.forEach(v -> j.add(flow(v)));
        return j.toString();
    }
}
