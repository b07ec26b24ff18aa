package io.github.dualstack.core.plan.view;

/**
 * stream-redirect.service.ftl. Components: {@code script} (installed path of the redirect script),
 * {@code intervalSeconds} (how often its timer re-applies it).
 */
public record StreamRedirectServiceView(String script, int intervalSeconds) implements View {
}
