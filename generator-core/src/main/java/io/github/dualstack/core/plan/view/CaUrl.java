package io.github.dualstack.core.plan.view;

/** CloudCore's /ca.crt at one advertise address. Components: {@code flag} (curl's -4 or -6), {@code url}. */
public record CaUrl(String flag, String url) {
}
