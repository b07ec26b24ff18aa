package io.github.dualstack.core.plan.view;

/** nodegroup.yaml.ftl. Components: {@code name} (the edge group's), {@code matchLabels} (the group's own labels). */
public record NodeGroupView(String name, Labels matchLabels) implements View {
}
