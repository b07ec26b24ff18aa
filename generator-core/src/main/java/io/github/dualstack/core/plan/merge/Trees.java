package io.github.dualstack.core.plan.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Small tree edits the merges share. */
final class Trees {

    private Trees() {
    }

    /** The object at {@code path} under {@code root}, created (as an empty object) where a key is missing. */
    static ObjectNode object(ObjectNode root, List<String> path) {
        ObjectNode at = root;
        for (String key : path) {
            JsonNode next = at.get(key);
            at = next instanceof ObjectNode o ? o : at.putObject(key);
        }
        return at;
    }
}
