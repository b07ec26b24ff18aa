package io.github.dualstack.core.plan;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Planned files before their views exist: their paths, in the order {@link #files} gives them, and what they are
 * made from ({@link Inputs}; empty when the plan cannot say, and the files must be keyed by their views). An edge
 * node's files are keyed so, and so are the site files that list the edge nodes. A run that finds the same key
 * recorded for every path can take the files as they are without building their views.
 */
public record KeyedFiles(List<String> paths, Optional<Inputs> inputs, Supplier<List<PlannedFile>> build) {

    public KeyedFiles {
        paths = List.copyOf(paths);
    }

    /**
     * What the files are made from: site-wide {@code values} (a record, digested as a view is; empty when the node
     * keys cover them) and the key of each edge node they are made from ({@link EdgeInputs#keys}), in order.
     */
    public record Inputs(Optional<Record> values, List<String> nodeKeys) {
    }

    /** A file whose view is built already, keyed by that view. */
    static KeyedFiles built(PlannedFile file) {
        return new KeyedFiles(List.of(file.path()), Optional.empty(), () -> List.of(file));
    }

    /** The files, their views built now. */
    public List<PlannedFile> files() {
        return build.get();
    }
}
