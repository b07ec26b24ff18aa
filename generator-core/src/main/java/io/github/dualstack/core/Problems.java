package io.github.dualstack.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one file (a descriptor, a captured file), locating each field path in the source. The
 * paths may be those of a document held in a string of the file ({@code within} that string's field): they are
 * located by the locator as they are, and printed from the file's root.
 */
public final class Problems {

    /** Finds where a field stands in the source: its own position, or the nearest enclosing one. */
    public interface Locator {
        int[] lineAndColumn(FieldPath path);

        /**
         * Where a problem at {@code path} is reported: in {@code file} at the field's position, unless the field
         * comes from another file (an inventory's nodes), which then names the file, position and path there.
         */
        default Place place(String file, FieldPath path) {
            int[] lc = lineAndColumn(path);
            return new Place(file, lc[0], lc[1], path);
        }
    }

    /** A problem's file, position and field path within that file. */
    public record Place(String file, int line, int column, FieldPath path) {
    }

    private final String file;
    private final Locator locator;
    private final FieldPath within;
    private final List<Problem> list = new ArrayList<>();

    public Problems(String file, Locator locator) {
        this(file, locator, FieldPath.ROOT);
    }

    public Problems(String file, Locator locator, FieldPath within) {
        this.file = file;
        this.locator = locator;
        this.within = within;
    }

    public void error(FieldPath path, String message) {
        add(path, Problem.Severity.ERROR, message);
    }

    public void warn(FieldPath path, String message) {
        add(path, Problem.Severity.WARNING, message);
    }

    public void add(FieldPath path, Problem.Severity severity, String message) {
        Place at = locator.place(file, path);
        list.add(new Problem(at.file(), at.line(), at.column(), within.append(at.path()).toString(), severity, message));
    }

    /**
     * Where a field stands, as a message names another field than its own (the first use of a duplicate): a field of
     * this file by its path, one from another file (an inventory's node) by that file's {@code file:line:col}.
     */
    public String reference(FieldPath path) {
        Place at = locator.place(file, path);
        return at.file().equals(file) ? within.append(at.path()).toString()
                : at.file() + ':' + at.line() + ':' + at.column();
    }

    /** A problem whose position is known already (reader errors). */
    public void addAt(int line, int column, FieldPath path, Problem.Severity severity, String message) {
        list.add(new Problem(file, line, column, within.append(path).toString(), severity, message));
    }

    public boolean hasErrors() {
        return list.stream().anyMatch(Problem::isError);
    }

    public List<Problem> list() {
        return List.copyOf(list);
    }

    public String file() {
        return file;
    }
}
