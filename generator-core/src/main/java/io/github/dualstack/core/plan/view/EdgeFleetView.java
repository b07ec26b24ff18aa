package io.github.dualstack.core.plan.view;

import java.util.List;

/**
 * The runbook's part about the fleet, present when some edge discovers an address or a group has a NodeGroup.
 * Components: {@code discovered} (per family of the site that some edge discovers: how many nodes, in which groups),
 * {@code exampleNode} (a node that discovers one, for the dry-run command; empty when none does), {@code rechecks}
 * (the recheck timers' spans and how many nodes get each), {@code nodeGroups} (the NodeGroups and their files).
 */
public record EdgeFleetView(List<Discovered> discovered, String exampleNode, List<Recheck> rechecks,
                            List<NodeGroup> nodeGroups) {

    public EdgeFleetView {
        discovered = List.copyOf(discovered);
        rechecks = List.copyOf(rechecks);
        nodeGroups = List.copyOf(nodeGroups);
    }

    /**
     * Components: {@code family} (IPv4, IPv6), {@code nodes} (how many discover it), {@code groups} (the groups of
     * those nodes, in descriptor order), {@code ungrouped} (how many of them belong to no group).
     */
    public record Discovered(String family, int nodes, List<String> groups, int ungrouped) {
        public Discovered {
            groups = List.copyOf(groups);
        }
    }

    /** Components: {@code every} (the systemd time span), {@code nodes} (how many nodes get a timer with it). */
    public record Recheck(String every, int nodes) {
    }

    /** Components: {@code name} (the edge group's), {@code file} (its NodeGroup, from the tree's root). */
    public record NodeGroup(String name, String file) {
    }
}
