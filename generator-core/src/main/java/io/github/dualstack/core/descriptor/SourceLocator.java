package io.github.dualstack.core.descriptor;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.utils.JsonNodes;
import io.github.dualstack.core.FieldPath;
import io.github.dualstack.core.Problems;
import java.util.function.Supplier;

/** Locates a field path in the tree as read, falling back to the nearest enclosing node that exists. */
public final class SourceLocator implements Problems.Locator {

    private final Supplier<JsonNode> located;

    /** {@code located} gives the tree read with locations; it is asked only when a problem needs a position. */
    public SourceLocator(Supplier<JsonNode> located) {
        this.located = located;
    }

    @Override
    public int[] lineAndColumn(FieldPath path) {
        JsonNode root = located.get();
        JsonNode node = root;
        JsonNode found = root;
        for (Object seg : path.segments()) {
            node = seg instanceof Integer i ? node.path(i) : node.path((String) seg);
            if (node.isMissingNode()) {
                break;
            }
            found = node;
        }
        JsonLocation loc = found == null ? null : JsonNodes.tokenStreamLocationOf(found);
        if (loc == null) {
            return new int[] {1, 1};
        }
        return new int[] {Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr())};
    }
}
