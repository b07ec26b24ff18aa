package io.github.dualstack.core.check;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The problems of one file, in the order found, each one line. */
final class Findings {
    private final List<String> list = new ArrayList<>();

    void add(String message) {
        list.add(oneLine(message));
    }

    void add(String where, String message) {
        list.add(oneLine(where + ": " + message));
    }

    /** For checks that run on every file: the place is only spelled out when there is a problem. */
    void add(Supplier<String> where, String message) {
        add(where.get(), message);
    }

    private static String oneLine(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n");
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    List<String> list() {
        return list;
    }
}
