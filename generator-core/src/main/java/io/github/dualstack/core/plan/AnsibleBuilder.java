package io.github.dualstack.core.plan;

import io.github.dualstack.core.model.EdgeNode;
import io.github.dualstack.core.net.IpAddress;
import io.github.dualstack.core.plan.view.AnsibleInventoryView;
import io.github.dualstack.core.plan.view.AnsiblePlaybookView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
        List<EdgeNode> edges = facts.site.edgeNodes();
        if (edges.isEmpty()) {
            return Stream.empty();
        }
        return Stream.concat(inventory(facts).stream().map(v -> new PlannedFile(path(v.part(), v.parts()), v)),
                Stream.of(new PlannedFile(PLAYBOOK, new AnsiblePlaybookView(EdgeGroups.ALL, BATCHES,
                        MAX_FAIL_PERCENTAGE, JOIN_TIMEOUT_SECONDS, JOIN_TIMEOUT_SECONDS / VERIFY_DELAY_SECONDS,
                        VERIFY_DELAY_SECONDS))));
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
        List<EdgeNode> edges = facts.site.edgeNodes();
        int parts = parts(edges.size());
        List<List<AnsibleInventoryView.Host>> hosts = perPart(parts);
        for (EdgeNode e : edges) {
            hosts.get(part(e.name(), parts)).add(host(facts, e));
        }
        // group names are the fleet's (a suffix that tells labels apart must not depend on the file)
        List<List<AnsibleInventoryView.Group>> groups = perPart(parts);
        EdgeGroups.of(edges).forEach((group, names) -> {
            List<List<String>> members = perPart(parts);
            names.forEach(n -> members.get(part(n, parts)).add(n));
            for (int p = 0; p < parts; p++) {
                if (!members.get(p).isEmpty()) {
                    groups.get(p).add(new AnsibleInventoryView.Group(group, members.get(p)));
                }
            }
        });
        List<AnsibleInventoryView> files = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            if (!hosts.get(p).isEmpty()) {
                files.add(new AnsibleInventoryView(facts.site.name(), EdgeGroups.ALL, p, parts, hosts.get(p),
                        groups.get(p)));
            }
        }
        return files;
    }

    private static AnsibleInventoryView.Host host(SiteFacts facts, EdgeNode e) {
        return new AnsibleInventoryView.Host(e.name(), Optional.ofNullable(e.addresses().get(e.hubFamily()))
                .map(IpAddress::toString), SiteFacts.canonical(e.addresses().inOrder(facts.families)),
                (int) facts.families.stream().filter(e::discovers).count());
    }

    private static <T> List<List<T>> perPart(int parts) {
        List<List<T>> lists = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            lists.add(new ArrayList<>());
        }
        return lists;
    }
}
