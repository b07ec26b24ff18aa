package io.github.dualstack.core.plan;

import io.github.dualstack.core.model.EdgeNode;
import io.github.dualstack.core.net.IpAddress;
import io.github.dualstack.core.plan.view.AnsibleInventoryView;
import io.github.dualstack.core.plan.view.AnsiblePlaybookView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * ansible/: an inventory of the edge nodes (grouped by {@link EdgeGroups}) and a playbook that copies each node's
 * edge/NODE/ files, runs its join.sh (or join.sh --config-only on a joined node whose edgecore.yaml differs) and
 * verifies the node from the cloud side, in batches. Nothing for a site without edge nodes.
 *
 * <p>The inventory is a directory that Ansible reads as one inventory: up to {@link #HOSTS_PER_PART} nodes in one
 * file, a larger fleet in a power of two of files, each node in the one its name hashes to, so that a change to one
 * node rewrites (and a git diff shows) one file of about that many hosts instead of the fleet's whole list. Every
 * file names the site-wide groups of its own hosts; Ansible merges a group's hosts across the files.
 */
final class AnsibleBuilder implements ArtifactBuilder {

    /** What {@code ansible-playbook -i} is given. */
    static final String INVENTORY = "ansible/inventory/";
    /** About 0.3 MB of inventory per file; at 100,000 edge nodes 128 files, at a million 1,024. */
    static final int HOSTS_PER_PART = 1_000;
    static final String PLAYBOOK = "ansible/edge-rollout.yaml";

    /**
     * A canary node, then a tenth of the fleet, then a quarter at a time; a batch in which more than a tenth fails
     * stops the run (KubeEdge's own fleet jobs default to the same tolerance, failureTolerate 0.1).
     */
    static final List<String> BATCHES = List.of("1", "10%", "25%");
    static final int MAX_FAIL_PERCENTAGE = 10;
    /** keadm join waits up to 5 minutes for edgecore; Ready and both InternalIPs get as long again. */
    static final int JOIN_TIMEOUT_SECONDS = 300;
    static final int VERIFY_DELAY_SECONDS = 10;

    @Override
    public Stream<PlannedFile> files(SiteFacts facts) {
        return keyed(facts, EdgeKeys.NONE).flatMap(f -> f.files().stream());
    }

    /**
     * The inventory's files, each keyed by the input keys of the nodes it lists when the plan has them (a file is
     * built only to be rendered), then the playbook.
     */
    static Stream<KeyedFiles> keyed(SiteFacts facts, EdgeKeys keys) {
        if (facts.site.edgeNodes().isEmpty()) {
            return Stream.empty();
        }
        Inventory inventory = Inventory.of(facts);
        return Stream.concat(inventory.listed().mapToObj(p -> new KeyedFiles(List.of(path(p, inventory.parts())),
                        keys.of(inventory.members().get(p)).map(k -> inventory.inputs(p, k)),
                        () -> List.of(inventory.file(p)))),
                Stream.of(KeyedFiles.built(new PlannedFile(PLAYBOOK, new AnsiblePlaybookView(EdgeGroups.ALL, BATCHES,
                        MAX_FAIL_PERCENTAGE, JOIN_TIMEOUT_SECONDS, JOIN_TIMEOUT_SECONDS / VERIFY_DELAY_SECONDS,
                        VERIFY_DELAY_SECONDS)))));
    }

    /** How many inventory files {@code edges} nodes are listed in: 1, or the power of two that keeps each small. */
    static int parts(int edges) {
        int needed = (edges + HOSTS_PER_PART - 1) / HOSTS_PER_PART;
        return needed <= 1 ? 1 : Integer.highestOneBit(needed - 1) << 1;
    }

    /**
     * The file (0-based) that lists the node {@code name}: String.hashCode is specified by the Java platform, so the
     * same name lands in the same file on every machine and in every run, whatever other nodes come and go.
     */
    static int part(String name, int parts) {
        return Math.floorMod(name.hashCode(), parts);
    }

    static String path(int part, int parts) {
        return parts == 1 ? INVENTORY + "edges.yaml" : String.format(Locale.ROOT, INVENTORY + "edges-%03d.yaml", part);
    }

    /** The inventory's files in order; a file no node hashes to is left out. */
    static List<AnsibleInventoryView> inventory(SiteFacts facts) {
        Inventory inventory = Inventory.of(facts);
        return inventory.listed().mapToObj(inventory::view).toList();
    }

    /**
     * The fleet split into the inventory's files: the nodes each file lists (by their place in the site's list, in
     * that order) and their labels, and the group name of every label of the fleet, so that one file can be built,
     * or keyed, alone.
     */
    private record Inventory(SiteFacts facts, int parts, List<List<Integer>> members, List<SortedSet<String>> labels,
                             Map<String, String> groupNames) {

        static Inventory of(SiteFacts facts) {
            List<EdgeNode> edges = facts.site.edgeNodes();
            int parts = AnsibleBuilder.parts(edges.size());
            List<List<Integer>> members = perPart(parts, ArrayList::new);
            List<SortedSet<String>> labels = perPart(parts, TreeSet::new);
            for (int i = 0; i < edges.size(); i++) {
                EdgeNode e = edges.get(i);
                int part = part(e.name(), parts);
                members.get(part).add(i);
                e.labels().forEach((k, v) -> labels.get(part).add(EdgeGroups.label(k, v)));
            }
            Set<String> fleet = new HashSet<>();
            labels.forEach(fleet::addAll);
            return new Inventory(facts, parts, members, labels, EdgeGroups.names(fleet));
        }

        /** The files that list a node. */
        IntStream listed() {
            return IntStream.range(0, parts).filter(p -> !members.get(p).isEmpty());
        }

        PlannedFile file(int part) {
            return new PlannedFile(path(part, parts), view(part));
        }

        /** A group lists, in each file, that file's nodes of its label, under the fleet's name for the label. */
        AnsibleInventoryView view(int part) {
            List<EdgeNode> nodes = members.get(part).stream().map(facts.site.edgeNodes()::get).toList();
            return new AnsibleInventoryView(facts.site.name(), EdgeGroups.ALL, part, parts,
                    nodes.stream().map(e -> host(facts, e)).toList(), EdgeGroups.of(nodes, groupNames).entrySet()
                    .stream().map(g -> new AnsibleInventoryView.Group(g.getKey(), g.getValue())).toList());
        }

        /**
         * The file's hosts' own values are in their node keys; the rest of what it prints is here, with the group
         * name of each of its hosts' labels (a label of another file's node can change it).
         */
        KeyedFiles.Inputs inputs(int part, List<String> nodeKeys) {
            return new KeyedFiles.Inputs(Optional.of(new AnsibleInventoryView.Inputs(facts.site.name(), EdgeGroups.ALL,
                    part, parts, labels.get(part).stream().map(label -> new AnsibleInventoryView.GroupName(label,
                    groupNames.get(label))).toList())), nodeKeys);
        }
    }

    private static AnsibleInventoryView.Host host(SiteFacts facts, EdgeNode e) {
        return new AnsibleInventoryView.Host(e.name(), Optional.ofNullable(e.addresses().get(e.hubFamily()))
                .map(IpAddress::toString), SiteFacts.canonical(e.addresses().inOrder(facts.families)),
                (int) facts.families.stream().filter(e::discovers).count());
    }

    private static <C> List<C> perPart(int parts, Supplier<C> empty) {
        List<C> lists = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            lists.add(empty.get());
        }
        return lists;
    }
}
