package io.github.dualstack.core.plan.view;

import java.util.List;

/**
 * What the runbook does to keep DaemonSets off edge nodes. Components: {@code daemonSets} (namespace/name of every
 * DaemonSet kept off), {@code patches} (applied with
 * {@code kubectl patch} in the kube-proxy step, before it restarts anything), {@code unchecked} (the patched
 * DaemonSets whose patch assumes they have no required node affinity of their own, which the runbook
 * checks first), {@code keptAlready} (namespace/name of those whose captured affinity keeps them off already),
 * {@code calicoNode} (calico-node's patch carries its affinity).
 */
public record EdgePlacementView(List<String> daemonSets, List<Patch> patches, List<Patch> unchecked, List<String> keptAlready,
                                boolean calicoNode) {

    public EdgePlacementView {
        daemonSets = List.copyOf(daemonSets);
        patches = List.copyOf(patches);
        unchecked = List.copyOf(unchecked);
        keptAlready = List.copyOf(keptAlready);
    }

    /** Components: {@code namespace}, {@code name} (the DaemonSet), {@code file} (its patch, from the tree's root). */
    public record Patch(String namespace, String name, String file) {
    }
}
