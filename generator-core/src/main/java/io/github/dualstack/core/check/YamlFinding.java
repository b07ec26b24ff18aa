package io.github.dualstack.core.check;

import io.github.dualstack.core.FieldPath;

/**
 * One problem that {@link StrictYamlScanner} found: in which document (from 1), where it starts in the text
 * ({@code line:column}, from 1), at which field, and what it is.
 */
public record YamlFinding(int document, int line, int column, FieldPath path, String message) {
}
