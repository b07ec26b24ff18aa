package io.github.dualstack.core.plan.view;

import java.util.List;

/**
 * ansible-edge-rollout.yaml.ftl. Components: {@code edgeGroup} (the hosts of the play), {@code batches} (Ansible's
 * {@code serial}: node counts or percentages of the fleet, the last repeated), {@code maxFailPercentage}, and
 * {@code joinTimeoutSeconds} (how long a node may take to be Ready), {@code verifyRetries} and
 * {@code verifyDelaySeconds} (how often, and how far apart, its InternalIPs are read until they are right). Nothing
 * from the descriptor: every node's values are in the inventory.
 */
public record AnsiblePlaybookView(String edgeGroup, List<String> batches, int maxFailPercentage,
                                  int joinTimeoutSeconds, int verifyRetries, int verifyDelaySeconds)
        implements View {

    public AnsiblePlaybookView {
        batches = List.copyOf(batches);
    }
}
