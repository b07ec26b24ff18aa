package io.github.dualstack.core.plan.view;

import java.util.List;

/**
 * calico-node.patch.yaml.ftl. Components: {@code env} (calico-node environment entries), {@code liveness} and
 * {@code readiness} (the probes' commands, which must match the backend: BIRD's checks only when BIRD runs).
 */
public record CalicoNodePatchView(List<EnvVar> env, List<String> liveness, List<String> readiness) implements View {

    public CalicoNodePatchView {
        env = List.copyOf(env);
        liveness = List.copyOf(liveness);
        readiness = List.copyOf(readiness);
    }

    /** One environment entry. Components: {@code name}, {@code value}. */
    public record EnvVar(String name, String value) {
    }
}
