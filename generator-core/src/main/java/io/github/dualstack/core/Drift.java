package io.github.dualstack.core;

import java.util.List;

/**
 * check's findings: a {@link FileDiff} per file that differs, is missing or is extra, sorted by path, with their
 * counts; and {@code problems}, one line each, when the tree cannot be compared as it is (a generate interrupted or
 * running, a damaged manifest, something other than a regular file where a generated file belongs).
 */
public record Drift(List<FileDiff> diffs, int differing, int missing, int extra, int same, List<String> problems) {

    public boolean none() {
        return diffs.isEmpty() && problems.isEmpty();
    }
}
