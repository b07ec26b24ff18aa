package io.github.dualstack.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A run's descriptor warnings as the stat cache keeps them, one JSON object a line, so that a regenerate answered
 * from the cache reports the same warnings as the run that made the tree.
 */
final class RecordedWarnings {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordedWarnings() {
    }

    static List<String> lines(List<Problem> warnings) {
        List<String> out = new ArrayList<>(warnings.size());
        for (Problem p : warnings) {
            ObjectNode o = JSON.createObjectNode().put("file", p.file()).put("line", p.line()).put("column", p.column())
                    .put("path", p.path()).put("message", p.message());
            out.add(o.toString());   // JSON escapes every line break: one line each
        }
        return out;
    }

    /** The warnings again; empty when a line is not one that {@link #lines} writes (then the run is a full one). */
    static Optional<List<Problem>> read(List<String> lines) {
        List<Problem> out = new ArrayList<>(lines.size());
        try {
            for (String line : lines) {
                JsonNode o = JSON.readTree(line);
                if (!o.path("file").isTextual() || !o.path("line").canConvertToInt() || !o.path("column").canConvertToInt()
                        || !o.path("path").isTextual() || !o.path("message").isTextual()) {
                    return Optional.empty();
                }
                out.add(new Problem(o.get("file").asText(), o.get("line").asInt(), o.get("column").asInt(),
                        o.get("path").asText(), Problem.Severity.WARNING, o.get("message").asText()));
            }
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(List.copyOf(out));
    }
}
