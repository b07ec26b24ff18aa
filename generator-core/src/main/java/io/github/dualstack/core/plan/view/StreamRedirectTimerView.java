package io.github.dualstack.core.plan.view;

/** stream-redirect.timer.ftl. Components: {@code intervalSeconds} (between two runs of the redirect service). */
public record StreamRedirectTimerView(int intervalSeconds) implements View {
}
