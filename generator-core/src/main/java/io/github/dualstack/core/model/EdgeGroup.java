package io.github.dualstack.core.model;

import io.github.dualstack.core.FieldPath;
import java.util.SortedMap;

/**
 * An edge group as declared ({@code spec.edge.groups[]} at {@code path}): what the rules need beyond the settings
 * its nodes already carry. {@code labels} are the group's own, the selector of its NodeGroup when {@code nodeGroup}.
 */
public record EdgeGroup(String name, FieldPath path, SortedMap<String, String> labels, boolean sharedPrivateLan,
                        boolean nodeGroup) {
}
