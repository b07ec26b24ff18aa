package io.github.dualstack.core.plan.view;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A whole document the plan computed by merging (a captured object with its dual-stack fields changed). A template
 * cannot look inside it; it prints it whole with {@code <@yaml tree=.../>}, in the canonical form.
 */
public record YamlTree(JsonNode root) {
}
