package io.github.dualstack.core.plan.view;

import java.util.List;

/** calico-node.patch.yaml.ftl. Components: {@code env} (calico-node environment entries). */
public record CalicoNodePatchView(List<EnvVar> env) implements View {

    public CalicoNodePatchView {
        env = List.copyOf(env);
    }

    /** One environment entry. Components: {@code name}, {@code value}. */
    public record EnvVar(String name, String value) {
    }
}
