package io.github.dualstack.core;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one descriptor, locating each field path in the source. */
public final class Problems {

    /** Finds where a field stands in the source: its own position, or the nearest enclosing one. */
    public interface Locator {
        int[] lineAndColumn(FieldPath path);
    }

    private final String file;
    private final Locator locator;
    private final List<Problem> list = new ArrayList<>();

    public Problems(String file, Locator locator) {
        this.file = file;
        this.locator = locator;
    }

    public void error(FieldPath path, String message) {
        add(path, Problem.Severity.ERROR, message);
    }

    public void warn(FieldPath path, String message) {
        add(path, Problem.Severity.WARNING, message);
    }

    public void add(FieldPath path, Problem.Severity severity, String message) {
        int[] lc = locator.lineAndColumn(path);
        list.add(new Problem(file, lc[0], lc[1], path.toString(), severity, message));
    }

    /** A problem whose position is known already (reader errors). */
    public void addAt(int line, int column, FieldPath path, Problem.Severity severity, String message) {
        list.add(new Problem(file, line, column, path.toString(), severity, message));
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
