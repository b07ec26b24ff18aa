package io.github.dualstack.core.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dualstack.core.FieldPath;
import io.github.dualstack.core.Problems;

/**
 * One captured YAML file, read strictly: {@code name} as problems print it (the baseline directory as the descriptor
 * names it, then the path inside it), the tree, and where each of its nodes is, for problems located in it.
 */
public record CapturedFile(String name, JsonNode tree, Problems.Locator locator) {

    /** A problem collector that locates paths in this file. */
    public Problems problems() {
        return new Problems(name, locator);
    }

    /** {@code line:column} of a field of this file (1:1 when the field is not in it). */
    public int[] at(FieldPath path) {
        return locator.lineAndColumn(path);
    }
}
