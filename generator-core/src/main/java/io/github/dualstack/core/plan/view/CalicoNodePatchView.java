package io.github.dualstack.core.plan.view;

import java.util.List;

/**
 * calico-node.patch.yaml.ftl. Components: {@code env} (calico-node environment entries), {@code liveness} and
 * {@code readiness} (the probes' commands, which must match the backend: BIRD's checks only when BIRD runs),
 * {@code edgeAffinity} (the required node affinity terms that keep calico-node off edge nodes; empty when the
 * DaemonSet's own terms do already).
 */
public record CalicoNodePatchView(List<EnvVar> env, List<String> liveness, List<String> readiness,
                                  List<NodeSelectorTerm> edgeAffinity) implements View {

    public CalicoNodePatchView {
        env = List.copyOf(env);
        liveness = List.copyOf(liveness);
        readiness = List.copyOf(readiness);
        edgeAffinity = List.copyOf(edgeAffinity);
    }

    /** One environment entry. Components: {@code name}, {@code value}. */
    public record EnvVar(String name, String value) {
    }
}
