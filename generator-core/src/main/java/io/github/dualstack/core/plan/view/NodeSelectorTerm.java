package io.github.dualstack.core.plan.view;

import java.util.List;

/**
 * One term of a required node affinity, as a patch prints it: Kubernetes ORs the terms and ANDs the requirements of
 * each; a term with no requirement matches no node. Components: {@code matchExpressions} (on node labels),
 * {@code matchFields} (on node fields).
 */
public record NodeSelectorTerm(List<Requirement> matchExpressions, List<Requirement> matchFields) {

    public NodeSelectorTerm {
        matchExpressions = List.copyOf(matchExpressions);
        matchFields = List.copyOf(matchFields);
    }

    /** Components: {@code key}, {@code operator} (In, NotIn, Exists, DoesNotExist, Gt, Lt), {@code values}. */
    public record Requirement(String key, String operator, List<String> values) {

        public Requirement {
            values = List.copyOf(values);
        }
    }
}
