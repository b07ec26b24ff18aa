package io.github.dualstack.core;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/** A path to a descriptor field: property names and array indexes. Printed dotted, resolved as a JSON pointer. */
public final class FieldPath {

    public static final FieldPath ROOT = new FieldPath(new Object[0]);
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    /** Names (String) and indexes (Integer), never changed once made: a child copies, as paths are short. */
    private final Object[] segments;

    private FieldPath(Object[] segments) {
        this.segments = segments;
    }

    /** Parses the dotted form, e.g. {@code spec.nodes[0].name}. */
    public static FieldPath of(String dotted) {
        FieldPath p = ROOT;
        if (dotted.isEmpty()) {
            return p;
        }
        for (String part : dotted.split("\\.")) {
            int bracket = part.indexOf('[');
            String name = bracket < 0 ? part : part.substring(0, bracket);
            p = p.child(name);
            while (bracket >= 0) {
                int close = part.indexOf(']', bracket);
                p = p.index(Integer.parseInt(part.substring(bracket + 1, close)));
                bracket = part.indexOf('[', close);
            }
        }
        return p;
    }

    /**
     * The path a Jackson parser reports ({@code getParsingContext().pathAsPointer()}). A pointer does not tell an
     * array index from a mapping key of digits; a segment in canonical index form is taken as an index.
     */
    public static FieldPath of(JsonPointer pointer) {
        FieldPath path = ROOT;
        for (JsonPointer p = pointer; p != null && !p.matches(); p = p.tail()) {
            path = p.getMatchingIndex() >= 0 && p.getMatchingProperty().matches("0|[1-9][0-9]*")
                    ? path.index(p.getMatchingIndex()) : path.child(p.getMatchingProperty());
        }
        return path;
    }

    public FieldPath child(String name) {
        return with(name);
    }

    public FieldPath index(int i) {
        return with(i);
    }

    private FieldPath with(Object segment) {
        Object[] s = Arrays.copyOf(segments, segments.length + 1);
        s[segments.length] = segment;
        return new FieldPath(s);
    }

    /** {@code inner}, a path inside the value at this one, as a path from this one's root. */
    public FieldPath append(FieldPath inner) {
        if (inner.segments.length == 0) {
            return this;
        }
        if (segments.length == 0) {
            return inner;
        }
        Object[] s = Arrays.copyOf(segments, segments.length + inner.segments.length);
        System.arraycopy(inner.segments, 0, s, segments.length, inner.segments.length);
        return new FieldPath(s);
    }

    /** Property names (String) and indexes (Integer), outermost first. */
    public List<Object> segments() {
        return Collections.unmodifiableList(Arrays.asList(segments));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Object s : segments) {
            if (s instanceof Integer i) {
                sb.append('[').append(i).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                String name = (String) s;
                // Keys such as label names may hold dots or slashes; quote them so the path stays unambiguous.
                sb.append(PLAIN_KEY.matcher(name).matches() ? name : '"' + name + '"');
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldPath other && Arrays.equals(other.segments, segments);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(segments);
    }
}
