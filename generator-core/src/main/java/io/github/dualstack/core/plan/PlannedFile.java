package io.github.dualstack.core.plan;

import java.util.Map;

/**
 * One file of the output tree before rendering: where it goes, which template prints it and the values it
 * prints. The model holds only maps, lists, strings, numbers and booleans; every value is final here.
 */
public record PlannedFile(String path, String template, Map<String, Object> model, FileKind kind) {
}
