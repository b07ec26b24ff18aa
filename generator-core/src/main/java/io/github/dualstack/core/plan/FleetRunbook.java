package io.github.dualstack.core.plan;

import io.github.dualstack.core.model.EdgeGroup;
import io.github.dualstack.core.model.EdgeNode;
import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.plan.view.EdgeFleetView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the runbook says about the fleet: counts and group names of the edges that discover an address (one pass,
 * never a line per node), their recheck timers, and the NodeGroups. Absent when the site has none of them.
 */
final class FleetRunbook {

    private FleetRunbook() {
    }

    static Optional<EdgeFleetView> view(SiteFacts facts) {
        List<EdgeFleetView.NodeGroup> nodeGroups = facts.site.edgeGroups().stream().filter(EdgeGroup::nodeGroup)
                .map(g -> new EdgeFleetView.NodeGroup(g.name(), NodeGroupBuilder.DIR + g.name() + NodeGroupBuilder.SUFFIX))
                .toList();
        Map<IpFamily, Tally> tallies = new LinkedHashMap<>();
        facts.families.forEach(f -> tallies.put(f, new Tally()));
        Map<String, Integer> rechecks = new LinkedHashMap<>();
        String example = "";
        for (EdgeNode e : facts.site.edgeNodes()) {
            if (!e.discoversAny()) {
                continue;
            }
            example = example.isEmpty() ? e.name() : example;
            for (IpFamily f : facts.families) {
                if (e.discovers(f)) {
                    tallies.get(f).add(e);
                }
            }
            e.recheck().ifPresent(r -> rechecks.merge(r.every(), 1, Integer::sum));
        }
        if (example.isEmpty() && nodeGroups.isEmpty()) {
            return Optional.empty();
        }
        List<String> groupOrder = facts.site.edgeGroups().stream().map(EdgeGroup::name).toList();
        List<EdgeFleetView.Discovered> discovered = new ArrayList<>();
        tallies.forEach((f, t) -> {
            if (t.nodes > 0) {
                discovered.add(new EdgeFleetView.Discovered(f.name(), t.nodes,
                        groupOrder.stream().filter(t.groups::contains).distinct().toList(), t.ungrouped));
            }
        });
        List<EdgeFleetView.Recheck> timers = new ArrayList<>();
        rechecks.forEach((every, nodes) -> timers.add(new EdgeFleetView.Recheck(every, nodes)));
        return Optional.of(new EdgeFleetView(discovered, example, timers, nodeGroups));
    }

    /** The nodes discovering one family. */
    private static final class Tally {
        int nodes;
        int ungrouped;
        final Set<String> groups = new LinkedHashSet<>();

        void add(EdgeNode e) {
            nodes++;
            e.fleet().group().ifPresentOrElse(groups::add, () -> ungrouped++);
        }
    }
}
