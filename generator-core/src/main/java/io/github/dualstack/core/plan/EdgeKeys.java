package io.github.dualstack.core.plan;

import io.github.dualstack.core.model.EdgeNode;
import java.util.List;
import java.util.Optional;

/**
 * The input keys of every edge node ({@link EdgeInputs#keys}), by its place in the site's list, made once for a
 * run: the node's own files are keyed by them, and so are the site files that list the nodes. None for a
 * conversion, whose edge files merge captured files that no key covers.
 */
final class EdgeKeys {

    static final EdgeKeys NONE = new EdgeKeys(Optional.empty());

    private final Optional<List<EdgeInputs.NodeKey>> keys;

    private EdgeKeys(Optional<List<EdgeInputs.NodeKey>> keys) {
        this.keys = keys;
    }

    /** Every node's keys, on the calling pool's threads: the same list whatever their number. */
    static EdgeKeys of(EdgeInputs in, List<EdgeNode> edges) {
        if (in.captured.isPresent()) {
            return NONE;
        }
        return new EdgeKeys(Optional.of(edges.parallelStream().map(in::keys).toList()));
    }

    /** The key of every value of the node at {@code index} in the site's list. */
    Optional<String> of(int index) {
        return keys.map(k -> k.get(index).all());
    }

    /** The key of every value of each of the nodes at {@code indices}, in that order. */
    Optional<List<String>> of(List<Integer> indices) {
        return keys.map(k -> indices.stream().map(i -> k.get(i).all()).toList());
    }

    /** The key of what a file that lists every node prints of each ({@link EdgeInputs.NodeKey#listed}), in order. */
    Optional<List<String>> listed() {
        return keys.map(k -> k.stream().map(EdgeInputs.NodeKey::listed).toList());
    }
}
