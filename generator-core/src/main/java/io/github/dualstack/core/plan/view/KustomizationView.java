package io.github.dualstack.core.plan.view;

import java.util.List;

/** kustomization.yaml.ftl. Components: {@code resources}, {@code patches} (paths relative to cluster/). */
public record KustomizationView(List<String> resources, List<String> patches) implements View {

    public KustomizationView {
        resources = List.copyOf(resources);
        patches = List.copyOf(patches);
    }
}
