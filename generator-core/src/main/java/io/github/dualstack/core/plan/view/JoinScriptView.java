package io.github.dualstack.core.plan.view;

/**
 * join.sh.ftl: edge/join.sh, the one join script of every edge node; each node's values are in its join.env
 * ({@link JoinValuesView}). Components: {@code siteName}.
 */
public record JoinScriptView(String siteName) implements View {
}
