package io.github.dualstack.core.plan;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One edge node's files before their views exist: their paths, in the order {@link #files} gives them, and the
 * key of what they are made from ({@link EdgeInputs}; empty when the plan has none, and the files must be keyed by
 * their views). A run that finds the same key recorded for every path can take the files as they are.
 */
public record PlannedEdge(List<String> paths, Optional<String> key, Supplier<List<PlannedFile>> build) {

    public PlannedEdge {
        paths = List.copyOf(paths);
    }

    /** The node's planned files, their views built now. */
    public List<PlannedFile> files() {
        return build.get();
    }
}
