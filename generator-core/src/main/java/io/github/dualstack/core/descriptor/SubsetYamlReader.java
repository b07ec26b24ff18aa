package io.github.dualstack.core.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.dualstack.core.check.SharedTexts;
import io.github.dualstack.core.yaml.CanonicalYaml;

/**
 * Reads the plain subset of YAML that descriptors are written in, or declines. The subset: block mappings and
 * sequences indented with spaces, one-line flow mappings and sequences, plain, single- and double-quoted (without
 * escapes) scalars on one line, and comments. A plain scalar is taken only where its type is beyond doubt: text
 * that starts with a letter or '/' and is no YAML 1.1 boolean or null word, {@code true}, {@code false}, a decimal
 * integer of at most nine digits without a leading zero, and text that {@link LinearYamlFactory.Parser#surelyText}
 * vouches for.
 *
 * <p>The contract is all or nothing: the tree it gives is exactly the one the strict reader builds from the same
 * text (same node types, keys in the same order), and the strict reader finds no problem in that text. Anything
 * else (an anchor, a tag, a block scalar, a duplicate key, a null, a tab, a second document, an escape, an
 * indentation it does not expect, any plain scalar it is unsure of) declines, and the strict reader reads the
 * text and says what is wrong with it. At 100,000 edge nodes SnakeYAML's parser and its compilation were most of
 * {@code validate}; this reads the same text in a fraction of the time.
 */
final class SubsetYamlReader {

    /** Longer keys decline: SnakeYAML refuses a simple key over 1,024 characters. */
    private static final int MAX_KEY = 128;
    /** Deeper texts decline: SnakeYAML's own limit is 50 levels, and the captured files' rules allow 64. */
    private static final int MAX_DEPTH = 32;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Thrown to decline; one instance without a stack trace, as declining is an answer, not an error. */
    private static final class Decline extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private Decline() {
            super(null, null, false, false);
        }
    }

    private static final Decline DECLINE = new Decline();

    private final String s;
    private final int maxDepth;
    private final SharedTexts shared = new SharedTexts();
    /** The content line the parse stands on: where it starts, its indentation, where its content starts, its end. */
    private int lineStart;
    private int indent;
    private int content;
    private int lineEnd;
    private boolean end;
    private boolean firstLine = true;

    private SubsetYamlReader(String text, int maxDepth) {
        this.s = text;
        this.maxDepth = Math.min(maxDepth, MAX_DEPTH);
    }

    /** The tree of {@code text}, a mapping nesting at most {@code maxDepth} levels, or null to decline. */
    static JsonNode read(String text, int maxDepth) {
        if (!readable(text)) {
            return null;
        }
        try {
            return new SubsetYamlReader(text, maxDepth).document();
        } catch (Decline e) {
            return null;          // every nesting is checked against maxDepth first: the recursion is bounded
        }
    }

    /** No tab, carriage return, or line break or byte order mark beyond ASCII's: one line is one '\n'. */
    private static boolean readable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < ' ' ? c != '\n' : c >= 0x7F && (c < 0xA0 || c == 0x2028 || c == 0x2029 || c == 0xFEFF)) {
                return false;
            }
        }
        return true;
    }

    private JsonNode document() {
        lineStart = 0;
        nextLine(0);
        if (!end && indent == 0 && lineEnd - content == 3 && s.startsWith("---", content)) {
            nextLine(lineEnd + 1);   // a document start, written first; any other is declined by nextLine
        }
        if (end || indent != 0 || sequenceItem()) {
            throw DECLINE;
        }
        ObjectNode root = mapping(0, 1);
        if (!end) {
            throw DECLINE;
        }
        return root;
    }

    /**
     * Moves to the first content line at or after {@code from}: past blank and comment-only lines, trailing
     * spaces and a trailing comment left out of {@link #lineEnd}.
     */
    private void nextLine(int from) {
        int i = from;
        while (i < s.length()) {
            int eol = s.indexOf('\n', i);
            eol = eol < 0 ? s.length() : eol;
            int c = i;
            while (c < eol && s.charAt(c) == ' ') {
                c++;
            }
            if (c < eol && s.charAt(c) != '#') {
                lineStart = i;
                indent = c - i;
                content = c;
                lineEnd = eol;
                if (indent == 0 && (s.startsWith("---", c) || s.startsWith("...", c)) && !firstLine) {
                    throw DECLINE;
                }
                firstLine = false;
                trimLine();
                return;
            }
            i = eol + 1;
        }
        end = true;
    }

    /** Drops trailing spaces from the line, and a comment after a quote-free stretch: '#' after a space. */
    private void trimLine() {
        int quote = 0;
        for (int i = content; i < lineEnd; i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#' && s.charAt(i - 1) == ' ') {
                lineEnd = i;
                break;
            }
        }
        while (lineEnd > content && s.charAt(lineEnd - 1) == ' ') {
            lineEnd--;
        }
    }

    private boolean sequenceItem() {
        return s.charAt(content) == '-' && (content + 1 == lineEnd || s.charAt(content + 1) == ' ');
    }

    private static void depth(int depth, int max) {
        if (depth > max) {
            throw DECLINE;
        }
    }

    /** A block mapping whose keys stand at {@code at}, starting on the current line. */
    private ObjectNode mapping(int at, int depth) {
        depth(depth, maxDepth);
        ObjectNode map = NODES.objectNode();
        while (true) {
            int colon = keyEnd(content, lineEnd, false);
            if (colon < 0) {
                throw DECLINE;
            }
            String key = key(content, colon);
            int v = spaces(colon + 1, lineEnd);
            JsonNode value;
            if (v == lineEnd) {
                nextLine(lineEnd + 1);
                if (end) {
                    throw DECLINE;          // a null
                }
                if (indent > at) {
                    value = block(indent, depth + 1);
                } else if (indent == at && sequenceItem()) {
                    value = sequence(at, depth + 1);
                } else {
                    throw DECLINE;          // a null
                }
            } else {
                value = inline(v, depth + 1);
                nextLine(lineEnd + 1);
            }
            if (map.putIfAbsent(key, value) != null) {
                throw DECLINE;              // a duplicate key: the strict reader names it
            }
            if (end || indent < at) {
                return map;
            }
            if (indent > at || sequenceItem()) {
                throw DECLINE;
            }
        }
    }

    /** A block sequence or mapping at {@code at}, from the current line. */
    private JsonNode block(int at, int depth) {
        return sequenceItem() ? sequence(at, depth) : mapping(at, depth);
    }

    /** A block sequence whose '-' stand at {@code at}, starting on the current line. */
    private ArrayNode sequence(int at, int depth) {
        depth(depth, maxDepth);
        ArrayNode list = NODES.arrayNode();
        while (true) {
            int v = spaces(content + 1, lineEnd);
            if (v == lineEnd) {
                nextLine(lineEnd + 1);
                if (end || indent <= at) {
                    throw DECLINE;          // a null item
                }
                list.add(block(indent, depth + 1));
            } else if (s.charAt(v) == '-' && (v + 1 == lineEnd || s.charAt(v + 1) == ' ')) {
                throw DECLINE;              // a sequence in a sequence's item, on one line
            } else if (keyEnd(v, lineEnd, false) >= 0) {
                indent = v - lineStart;     // a mapping that starts on the item's line
                content = v;
                list.add(mapping(indent, depth + 1));
            } else {
                list.add(inline(v, depth + 1));
                nextLine(lineEnd + 1);
            }
            if (end || indent < at) {
                return list;
            }
            if (indent > at) {
                throw DECLINE;
            }
            if (!sequenceItem()) {
                return list;                // the next key of the mapping this list is the value of
            }
        }
    }

    /** A value that starts at {@code v} and ends the current line: a flow collection or a scalar. */
    private JsonNode inline(int v, int depth) {
        char c = s.charAt(v);
        if (c == '{' || c == '[') {
            int[] next = {v};
            JsonNode node = flow(next, depth);
            if (next[0] != lineEnd) {
                throw DECLINE;
            }
            return node;
        }
        if (c == '"' || c == '\'') {
            int close = quotedEnd(v, lineEnd);
            if (close + 1 != lineEnd) {
                throw DECLINE;
            }
            return TextNode.valueOf(shared.of(quoted(v, close)));
        }
        return plain(v, lineEnd, false);
    }

    /** A flow collection at {@code at[0]}, on the current line; {@code at[0]} is left past it and any spaces. */
    private JsonNode flow(int[] at, int depth) {
        depth(depth, maxDepth);
        boolean isMap = s.charAt(at[0]) == '{';
        char close = isMap ? '}' : ']';
        ObjectNode map = isMap ? NODES.objectNode() : null;
        ArrayNode list = isMap ? null : NODES.arrayNode();
        int i = spaces(at[0] + 1, lineEnd);
        if (i < lineEnd && s.charAt(i) == close) {
            at[0] = spaces(i + 1, lineEnd);
            return isMap ? map : list;
        }
        while (true) {
            String key = null;
            if (isMap) {
                int colon = keyEnd(i, lineEnd, true);
                if (colon < 0) {
                    throw DECLINE;
                }
                key = key(i, colon);
                i = spaces(colon + 1, lineEnd);
            }
            JsonNode value;
            char c = i < lineEnd ? s.charAt(i) : close;
            if (c == '{' || c == '[') {
                int[] next = {i};
                value = flow(next, depth + 1);
                i = next[0];
            } else if (c == '"' || c == '\'') {
                int end = quotedEnd(i, lineEnd);
                value = TextNode.valueOf(shared.of(quoted(i, end)));
                i = spaces(end + 1, lineEnd);
            } else {
                int end = i;
                while (end < lineEnd && ",]}".indexOf(s.charAt(end)) < 0) {
                    end++;
                }
                value = plain(i, end, true);
                i = end;
            }
            if (isMap) {
                if (map.putIfAbsent(key, value) != null) {
                    throw DECLINE;
                }
            } else {
                list.add(value);
            }
            if (i < lineEnd && s.charAt(i) == close) {
                at[0] = spaces(i + 1, lineEnd);
                return isMap ? map : list;
            }
            if (i >= lineEnd || s.charAt(i) != ',') {
                throw DECLINE;
            }
            i = spaces(i + 1, lineEnd);
            if (i >= lineEnd || s.charAt(i) == close) {
                throw DECLINE;              // a trailing comma
            }
        }
    }

    /**
     * Where the ':' of a key that starts at {@code from} stands, followed by a space or the line's end; -1 when no
     * key starts there. A plain key is letters, digits and {@code _ . / -}, not starting with '-'.
     */
    private int keyEnd(int from, int to, boolean inFlow) {
        int i;
        char first = s.charAt(from);
        if (first == '"' || first == '\'') {
            i = quotedEnd(from, to) + 1;
        } else {
            if (!keyChar(first) || first == '-' || first == '.') {
                return -1;
            }
            i = from + 1;
            while (i < to && keyChar(s.charAt(i))) {
                i++;
            }
        }
        if (i - from > MAX_KEY || i >= to || s.charAt(i) != ':') {
            return -1;
        }
        return i + 1 == to ? (inFlow ? -1 : i) : s.charAt(i + 1) == ' ' ? i : -1;
    }

    private static boolean keyChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '_' || c == '.' || c == '/' || c == '-';
    }

    private String key(int from, int colon) {
        char first = s.charAt(from);
        return shared.of(first == '"' || first == '\'' ? quoted(from, colon - 1) : s.substring(from, colon));
    }

    /**
     * The index of the quote that closes the one at {@code open}, before {@code to}; declines at a backslash in
     * double quotes (an escape) and at a quote that does not close on its line.
     */
    private int quotedEnd(int open, int to) {
        char q = s.charAt(open);
        for (int i = open + 1; i < to; i++) {
            char c = s.charAt(i);
            if (q == '"' && c == '\\') {
                throw DECLINE;
            }
            if (c == q) {
                if (q == '\'' && i + 1 < to && s.charAt(i + 1) == '\'') {
                    i++;                    // '' is one quote
                    continue;
                }
                return i;
            }
        }
        throw DECLINE;
    }

    private String quoted(int open, int close) {
        String inner = s.substring(open + 1, close);
        return s.charAt(open) == '\'' ? inner.replace("''", "'") : inner;
    }

    /** The plain scalar in {@code [from, to)} (trailing spaces dropped), typed as the strict reader types it. */
    private JsonNode plain(int from, int to, boolean inFlow) {
        int end = to;
        while (end > from && s.charAt(end - 1) == ' ') {
            end--;
        }
        if (end == from) {
            throw DECLINE;                  // a null
        }
        char first = s.charAt(from);
        boolean letter = (first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z');
        boolean digit = first >= '0' && first <= '9';
        if (!letter && !digit && first != '/') {
            throw DECLINE;
        }
        boolean digits = digit;
        for (int i = from + 1; i < end; i++) {
            char c = s.charAt(i);
            boolean d = c >= '0' && c <= '9';
            digits &= d;
            if (!d && !plainChar(c, inFlow) && (c != ':' || inFlow || i + 1 == end || s.charAt(i + 1) == ' ')) {
                throw DECLINE;              // ':' only in a block, inside the text: host:port, unix:///run/...
            }
        }
        String value = s.substring(from, end);
        if (digits) {
            if ((first == '0' && value.length() > 1) || value.length() > 9) {
                throw DECLINE;              // octal in YAML 1.1, or past an int
            }
            return IntNode.valueOf(Integer.parseInt(value));
        }
        if (digit && !LinearYamlFactory.Parser.surelyText(value) && !hasUnit(value)) {
            throw DECLINE;                  // a float, a date, a sexagesimal number...
        }
        if (letter && CanonicalYaml.boolOrNull(value)) {
            if (value.equals("true") || value.equals("false")) {
                return BooleanNode.valueOf(value.equals("true"));
            }
            throw DECLINE;                  // only true and false are taken
        }
        return TextNode.valueOf(shared.of(value));
    }

    /**
     * Whether {@code value} holds a letter that no YAML number, date or time does ({@code 50s}, {@code 5min},
     * {@code 10Gi}): all of those are written with digits and no letter beyond {@code 0x}, {@code 0o}, {@code 0b},
     * hexadecimal digits, an exponent's {@code e}, a date's {@code T} and {@code Z}, and {@code inf} and {@code nan}.
     */
    private static boolean hasUnit(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = Character.toLowerCase(value.charAt(i));
            if (c >= 'g' && c <= 'z' && "inotxz".indexOf(c) < 0) {
                return true;
            }
        }
        return false;
    }

    /** Characters a plain scalar may hold past its first here; no '#', and no flow indicator in a flow. */
    private static boolean plainChar(char c, boolean inFlow) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == ' ' || c == '.' || c == '/' || c == '-'
                || c == '_' || c == '+' || c == '=' || c == '@' || c == '(' || c == ')' || (c == ',' && !inFlow);
    }

    private int spaces(int from, int to) {
        int i = from;
        while (i < to && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
