package io.github.dualstack.core;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/** A path to a descriptor field: property names and array indexes. Printed dotted, resolved as a JSON pointer. */
public final class FieldPath {

    public static final FieldPath ROOT = new FieldPath(List.of());
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    private final List<Object> segments;

    private FieldPath(List<Object> segments) {
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
        List<Object> s = new ArrayList<>(segments.size() + 1);
        s.addAll(segments);
        s.add(name);
        return new FieldPath(Collections.unmodifiableList(s));
    }

    public FieldPath index(int i) {
        List<Object> s = new ArrayList<>(segments.size() + 1);
        s.addAll(segments);
        s.add(i);
        return new FieldPath(Collections.unmodifiableList(s));
    }

    /** {@code inner}, a path inside the value at this one, as a path from this one's root. */
    public FieldPath append(FieldPath inner) {
        if (inner.segments.isEmpty()) {
            return this;
        }
        if (segments.isEmpty()) {
            return inner;
        }
        List<Object> s = new ArrayList<>(segments.size() + inner.segments.size());
        s.addAll(segments);
        s.addAll(inner.segments);
        return new FieldPath(Collections.unmodifiableList(s));
    }

    /** Property names (String) and indexes (Integer), outermost first. */
    public List<Object> segments() {
        return segments;
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
        return o instanceof FieldPath other && other.segments.equals(segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }
}
