package io.github.dualstack.core.plan.view;

/**
 * A CloudCore URL at one advertise address (its /ca.crt, or CloudStream's tunnel port). Components: {@code flag}
 * (curl's -4 or -6), {@code url}.
 */
public record CaUrl(String flag, String url) {
}
