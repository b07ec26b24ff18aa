package io.github.dualstack.core.plan.view;

import java.util.List;
import java.util.Optional;

/**
 * ansible-inventory.yaml.ftl: one file of the inventory directory. Components: {@code site} (metadata.name),
 * {@code edgeGroup} (the group of every edge node), {@code part} (0-based) of {@code parts} files, {@code hosts}
 * (this file's), {@code groups} (the label groups, with this file's hosts). Every string the descriptor supplied is
 * printed as {@code !unsafe}, so that Ansible never evaluates a Jinja expression it holds.
 */
public record AnsibleInventoryView(String site, String edgeGroup, int part, int parts, List<Host> hosts,
                                   List<Group> groups) implements View {

    public AnsibleInventoryView {
        hosts = List.copyOf(hosts);
        groups = List.copyOf(groups);
    }

    /**
     * One edge node. Components: {@code name}, {@code address} (where Ansible reaches it: its address of the hub
     * family; absent when that address is found on the node at join time, and Ansible then uses the name),
     * {@code internalIps} (the node's known InternalIPs as the API server must report them, site order),
     * {@code discovered} (how many more InternalIPs it reports, of the families found at join time). Its labels are
     * the groups it is in, not host variables: at 100,000 edges every byte per host is 100 KB of inventory.
     */
    public record Host(String name, Optional<String> address, List<String> internalIps, int discovered) {
        public Host {
            internalIps = List.copyOf(internalIps);
        }
    }

    /** A group of edge nodes. Components: {@code name}, {@code hosts} (node names). */
    public record Group(String name, List<String> hosts) {
        public Group {
            hosts = List.copyOf(hosts);
        }
    }

    /**
     * What a file of the inventory is made from besides its hosts' own values (keyed by their edge nodes'
     * inputs): the site, the edge group, which file of how many, and the group name of each of the fleet's
     * labels, which a label elsewhere in the fleet can change.
     */
    public record Inputs(String site, String edgeGroup, int part, int parts, List<GroupName> groupNames) {
        public Inputs {
            groupNames = List.copyOf(groupNames);
        }
    }

    /** A label ({@code key=value}) and the name of its group. */
    public record GroupName(String label, String group) {
    }
}
