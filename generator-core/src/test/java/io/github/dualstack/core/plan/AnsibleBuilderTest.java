package io.github.dualstack.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.plan.view.AnsibleInventoryView;
import io.github.dualstack.core.plan.view.AnsiblePlaybookView;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ansible/: each edge node reached on its hub family's address, its InternalIPs in site order, label groups. */
class AnsibleBuilderTest {

    @Test
    void inventoryOfTheDualStackSite() {
        List<PlannedFile> files = new AnsibleBuilder().files(SiteVariants.DUAL.facts()).toList();
        assertThat(files).extracting(PlannedFile::path).containsExactly("ansible/inventory.yaml",
                "ansible/edge-rollout.yaml");
        AnsibleInventoryView inventory = PlannedViews.at(files.stream(), "ansible/inventory.yaml",
                AnsibleInventoryView.class);
        assertThat(inventory.site()).isEqualTo("factory-east");
        assertThat(inventory.edgeGroup()).isEqualTo("kubeedge_edge");
        assertThat(inventory.hosts()).containsExactly(
                new AnsibleInventoryView.Host("edge-0001", Optional.of("2001:db8::101"), List.of("192.0.2.101", "2001:db8::101"), 0),
                // edge-0002 dials CloudCore over IPv4 (hubFamily: IPv4)
                new AnsibleInventoryView.Host("edge-0002", Optional.of("192.0.2.102"), List.of("192.0.2.102", "2001:db8::102"), 0),
                new AnsibleInventoryView.Host("edge-0003", Optional.of("2001:db8::103"), List.of("192.0.2.103", "2001:db8::103"), 0));
        assertThat(inventory.groups()).extracting(AnsibleInventoryView.Group::name).containsExactly("edge_line_1",
                "edge_line_2", "edge_line_3", "edge_site_factory_east");
        assertThat(inventory.groups().get(3).hosts()).containsExactly("edge-0001", "edge-0002", "edge-0003");
    }

    @Test
    void internalIpsInTheSitesOrderPrimaryFirst() {
        AnsibleInventoryView inventory = AnsibleBuilder.inventory(SiteVariants.IPV6_PRIMARY_HOSTNETWORK.facts());
        assertThat(inventory.hosts().get(0).internalIps()).containsExactly("2001:db8:21::1", "198.51.100.101");
        assertThat(AnsibleBuilder.inventory(SiteVariants.IPV6_ONLY.facts()).hosts().get(0).internalIps())
                .containsExactly("2001:db8:31::1");
    }

    @Test
    void playbookBatchesAndFailureThreshold() {
        AnsiblePlaybookView playbook = PlannedViews.at(new AnsibleBuilder().files(SiteVariants.DUAL.facts()),
                "ansible/edge-rollout.yaml", AnsiblePlaybookView.class);
        assertThat(playbook).isEqualTo(new AnsiblePlaybookView("kubeedge_edge", List.of("1", "10%", "25%"), 10, 300,
                30, 10));
    }

    @Test
    void aSiteWithoutEdgeNodesHasNoRollout() {
        assertThat(new AnsibleBuilder().files(SiteVariants.NO_EDGES.facts())).isEmpty();
    }

    /** A node whose hub-family address is found at join time is reached by its name and checked for one more IP. */
    @Test
    void aDiscoveringNodeIsReachedByItsNameAndCountedForItsDiscoveredFamilies() {
        AnsibleInventoryView inventory = AnsibleBuilder.inventory(SiteVariants.EDGE_GROUP_DISCOVERY.facts());
        assertThat(inventory.hosts()).anyMatch(h -> h.address().isEmpty() && h.discovered() > 0
                && h.internalIps().size() + h.discovered() == 2);
        assertThat(inventory.hosts()).allMatch(h -> h.internalIps().size() + h.discovered() == 2);
    }
}
