package io.github.dualstack.core.plan.view;

/**
 * calico.installation.yaml.ftl: a new site's Installation {@code default} for the Calico operator. Components:
 * {@code families} (the site's, comma-separated, primary first), {@code document} (the whole object, printed by
 * {@code <@yaml/>}).
 */
public record CalicoInstallationView(String families, YamlTree document) implements View {
}
