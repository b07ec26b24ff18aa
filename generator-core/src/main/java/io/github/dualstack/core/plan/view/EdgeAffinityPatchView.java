package io.github.dualstack.core.plan.view;

import java.util.List;
import java.util.Optional;

/**
 * edge-affinity.patch.yaml.ftl: a strategic merge patch that keeps one DaemonSet off edge nodes. Components:
 * {@code namespace}, {@code name} (the DaemonSet), {@code terms} (its required node affinity terms, each excluding
 * edge nodes), {@code source} (the captured file the terms were merged from; absent when the DaemonSet was not
 * captured and the patch assumes it has no required terms of its own).
 */
public record EdgeAffinityPatchView(String namespace, String name, List<NodeSelectorTerm> terms,
                                    Optional<String> source) implements View {

    public EdgeAffinityPatchView {
        terms = List.copyOf(terms);
    }
}
