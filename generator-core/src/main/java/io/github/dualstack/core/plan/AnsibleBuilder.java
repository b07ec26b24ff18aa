package io.github.dualstack.core.plan;

import io.github.dualstack.core.model.EdgeNode;
import io.github.dualstack.core.net.IpAddress;
import io.github.dualstack.core.plan.view.AnsibleInventoryView;
import io.github.dualstack.core.plan.view.AnsiblePlaybookView;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * ansible/: an inventory of the edge nodes (grouped by {@link EdgeGroups}) and a playbook that copies each node's
 * edge/NODE/ files, runs its join.sh (or join.sh --config-only on a joined node whose edgecore.yaml differs) and
 * verifies the node from the cloud side, in batches. Nothing for a site without edge nodes.
 */
final class AnsibleBuilder implements ArtifactBuilder {

    static final String INVENTORY = "ansible/inventory.yaml";
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
        return Stream.of(new PlannedFile(INVENTORY, inventory(facts)), new PlannedFile(PLAYBOOK,
                new AnsiblePlaybookView(EdgeGroups.ALL, BATCHES, MAX_FAIL_PERCENTAGE, JOIN_TIMEOUT_SECONDS,
                        JOIN_TIMEOUT_SECONDS / VERIFY_DELAY_SECONDS, VERIFY_DELAY_SECONDS)));
    }

    static AnsibleInventoryView inventory(SiteFacts facts) {
        List<AnsibleInventoryView.Host> hosts = facts.site.edgeNodes().stream().map(e -> new AnsibleInventoryView.Host(
                e.name(), Optional.ofNullable(e.addresses().get(e.hubFamily())).map(IpAddress::toString),
                SiteFacts.canonical(e.addresses().inOrder(facts.families)),
                (int) facts.families.stream().filter(e::discovers).count()))
                .toList();
        List<AnsibleInventoryView.Group> groups = EdgeGroups.of(facts.site.edgeNodes()).entrySet().stream()
                .map(g -> new AnsibleInventoryView.Group(g.getKey(), g.getValue())).toList();
        return new AnsibleInventoryView(facts.site.name(), EdgeGroups.ALL, hosts, groups);
    }
}
