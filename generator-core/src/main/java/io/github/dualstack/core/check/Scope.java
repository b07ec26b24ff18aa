package io.github.dualstack.core.check;

import io.github.dualstack.core.FieldPath;

/**
 * Where a problem is: {@code document N: } for multi-document files, then the field path, prefixed with {@code
 * base} when the YAML is a string inside another file ({@code data["cloudcore.yaml"]}).
 */
record Scope(String document, String base) {
    static final Scope ROOT = new Scope("", "");

    static Scope document(int number, int count) {
        return ROOT.inDocument(number, count);
    }

    static Scope embedded(String base) {
        return new Scope("", base);
    }

    /** This scope in document {@code number} (from 1) of {@code count}: named only when there are several. */
    Scope inDocument(int number, int count) {
        return new Scope(count > 1 ? "document " + number + ": " : "", base);
    }

    String at(FieldPath p) {
        boolean root = p.segments().isEmpty();
        if (base.isEmpty()) {
            return document + (root ? "(document root)" : p.toString());
        }
        return document + (root ? base : base + "." + p);
    }

    /** A place in the text, for problems of the YAML itself rather than of a field. */
    String at(int line, int column) {
        return document + (base.isEmpty() ? "" : base + " ") + "line " + Math.max(1, line) + ", column "
                + Math.max(1, column);
    }
}
