package io.github.dualstack.core.plan.merge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A captured object with its dual-stack fields changed: the object to write, and the fields that now differ from
 * the captured one (for the file's header and the review of the diff), in the order they were changed.
 */
public record Merged(ObjectNode object, List<String> changed) {

    public Merged {
        changed = List.copyOf(changed);
    }
}
