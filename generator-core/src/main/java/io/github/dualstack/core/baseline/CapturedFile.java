package io.github.dualstack.core.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dualstack.core.FieldPath;
import io.github.dualstack.core.Problems;

/**
 * One captured YAML file, read strictly: {@code name} as problems print it (the baseline directory as the descriptor
 * names it, then the path inside it), the tree, and where each of its nodes is, for problems located in it. For a
 * document held in a string of a captured file ({@link BaselineLayout.Embedded}), {@code name} is that file's,
 * {@code within} the string's field ({@code data."config.conf"}), and the locator takes paths inside the document
 * and answers with places in the file.
 */
public record CapturedFile(String name, JsonNode tree, Problems.Locator locator, FieldPath within) {

    /** A whole file. */
    public CapturedFile(String name, JsonNode tree, Problems.Locator locator) {
        this(name, tree, locator, FieldPath.ROOT);
    }

    /** A problem collector that locates paths in this file (or document) and prints them from the file's root. */
    public Problems problems() {
        return new Problems(name, locator, within);
    }

    /** {@code line:column} of a field of this file (1:1 when the field is not in it). */
    public int[] at(FieldPath path) {
        return locator.lineAndColumn(path);
    }
}
