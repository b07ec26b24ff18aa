package io.github.dualstack.core.validate;

import io.github.dualstack.core.FieldPath;
import io.github.dualstack.core.model.AddressDiscovery;
import io.github.dualstack.core.model.AddressRecheck;
import io.github.dualstack.core.model.EdgeGroup;
import io.github.dualstack.core.model.EdgeNode;
import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.net.Cidr;
import io.github.dualstack.core.rules.SystemdTimeSpan;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Edge groups and what they add: unique group names, nodes in existing groups, discovered addresses (a prefix of
 * the family, outside the pod and service subnets, and a warning about what discovery gives up), shared private
 * LANs (a warning about what they break), NodeGroups (the group's labels select exactly its nodes) and the
 * recheck span. Each discovery and recheck declaration is checked once, however many nodes inherit it.
 */
final class EdgeFleetRules {

    private final Checks c;
    private final NetworkRules.Subnets subnets;

    EdgeFleetRules(Checks c, NetworkRules.Subnets subnets) {
        this.c = c;
        this.subnets = subnets;
    }

    void check() {
        Map<String, EdgeGroup> groups = new HashMap<>();
        for (EdgeGroup g : c.site.edgeGroups()) {
            EdgeGroup first = groups.putIfAbsent(g.name(), g);
            if (first != null) {
                c.error(g.path().child("name"), "duplicate group name '" + g.name() + "', first used at " + first.path().child("name"));
            }
            if (g.sharedPrivateLan() && c.families().contains(IpFamily.IPv4)) {
                c.warn(g.path().child("sharedPrivateLan"), "the group's nodes may share IPv4 addresses with each other"
                        + " and with other shared-LAN groups: the cluster cannot tell them apart by IPv4 address, so"
                        + " CloudStream (kubectl logs and exec, which CloudCore routes by node IP) and anything else that"
                        + " dials an edge by its IPv4 InternalIP may reach the wrong node");
            }
        }
        for (EdgeGroup g : c.site.edgeGroups()) {
            if (g.nodeGroup() && groups.get(g.name()) == g) {
                nodeGroup(g);
            }
        }
        Set<AddressDiscovery> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<AddressRecheck> rechecks = Collections.newSetFromMap(new IdentityHashMap<>());
        for (EdgeNode e : c.site.edgeNodes()) {
            e.fleet().recheck().filter(rechecks::add).ifPresent(this::recheck);
            FieldPath path = Checks.edgePath(c.site, e);
            e.fleet().group().ifPresent(name -> membership(path, name, groups));
            for (IpFamily f : c.families()) {
                if (e.discovers(f) && seen.add(e.fleet().discovery().get(f))) {
                    discovery(e.fleet().discovery().get(f), f);
                }
            }
            if (e.discoversAny() && c.site.baseline().isPresent()) {
                // the captured edgecore.yaml that the tree merges into keeps its nodeIP, which join.sh would not replace
                c.error(path.child("addresses"), "a site converted from a baseline needs every edge address known:"
                        + " its captured edgecore.yaml keeps nodeIP; give the node's addresses");
            }
        }
    }

    /**
     * The group's own labels select its NodeGroup's nodes: they must be set, kept by each member and carried by no
     * other node (KubeEdge's NodeGroup controller gives a node to one NodeGroup only).
     */
    private void nodeGroup(EdgeGroup g) {
        FieldPath path = g.path().child("nodeGroup");
        if (g.labels().isEmpty()) {
            c.error(path, "a NodeGroup selects its nodes by the group's own labels; give the group labels");
            return;
        }
        for (EdgeNode e : c.site.edgeNodes()) {
            boolean member = e.fleet().group().filter(g.name()::equals).isPresent();
            boolean selected = e.labels().entrySet().containsAll(g.labels().entrySet());
            if (member && !selected) {
                c.error(Checks.edgePath(c.site, e).child("labels"), "overrides a label of its group '" + g.name()
                        + "', whose NodeGroup then would not select it");
            } else if (!member && selected) {
                c.error(Checks.edgePath(c.site, e).child("labels"), "carries every label of group '" + g.name()
                        + "', so its NodeGroup would select this node too; give the group a label only its nodes carry");
            }
        }
    }

    private void membership(FieldPath path, String name, Map<String, EdgeGroup> groups) {
        EdgeGroup group = groups.get(name);
        if (group == null) {
            c.error(path.child("group"), "no group named '" + name + "' in spec.edge.groups");
            return;
        }
        List<Object> s = path.segments();
        // a node listed under a group: spec.edge.groups[g].nodes[i]
        if (s.size() > 3 && "groups".equals(s.get(2)) && !path.toString().startsWith(group.path() + ".")) {
            c.error(path.child("group"), "names group '" + name + "' but is listed under another group");
        }
    }

    /** Checked for every node that inherits it, whether or not it discovers: the timer's span as systemd takes it. */
    private void recheck(AddressRecheck r) {
        String problem = SystemdTimeSpan.problem(r.every());
        if (problem != null) {
            c.error(r.declaredAt(), problem);
        }
    }

    private void discovery(AddressDiscovery d, IpFamily f) {
        FieldPath path = d.declaredAt();
        if (d.prefix().isPresent()) {
            Cidr prefix = d.prefix().get();
            for (Cidr subnet : new Cidr[] {subnets.pods().get(f), subnets.services().get(f)}) {
                if (subnet != null && subnet.overlaps(prefix)) {
                    c.error(path.child("prefix"), "overlaps " + subnet + ", a pod or service"
                            + " subnet; node addresses must be outside them");
                }
            }
        } else {
            c.rejected(path.child("prefix"));
        }
        c.warn(path, "the nodes' " + f + " address is found by join.sh on each node: dualstack cannot check it for"
                + " duplicates or against the pod and service subnets, the runbook and verify.sh cannot name it, and"
                + " CloudStream (kubectl logs and exec, routed by node IP) follows a changed address only once edgecore"
                + " runs with it (join.sh --config-only installs the address found again, and so does the timer that"
                + " discover.recheckEvery gives the node)");
    }
}
