package io.github.dualstack.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.Descriptors;
import io.github.dualstack.core.plan.view.AnsibleInventoryView;
import io.github.dualstack.core.plan.view.AnsiblePlaybookView;
import io.github.dualstack.fixtures.SyntheticSite;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ansible/: each edge node reached on its hub family's address, its InternalIPs in site order, label groups. */
class AnsibleBuilderTest {

    @Test
    void inventoryOfTheDualStackSite() {
        List<PlannedFile> files = new AnsibleBuilder().files(SiteVariants.DUAL.facts()).toList();
        assertThat(files).extracting(PlannedFile::path).containsExactly("ansible/inventory/edges.yaml",
                "ansible/edge-rollout.yaml");
        AnsibleInventoryView inventory = PlannedViews.at(files.stream(), "ansible/inventory/edges.yaml",
                AnsibleInventoryView.class);
        assertThat(inventory.parts()).isOne();
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
    void aThousandNodesPerFileInAPowerOfTwoOfFiles() {
        assertThat(AnsibleBuilder.parts(1)).isOne();
        assertThat(AnsibleBuilder.parts(1_000)).isOne();
        assertThat(AnsibleBuilder.parts(1_001)).isEqualTo(2);
        assertThat(AnsibleBuilder.parts(2_000)).isEqualTo(2);
        assertThat(AnsibleBuilder.parts(2_001)).isEqualTo(4);
        assertThat(AnsibleBuilder.parts(100_000)).isEqualTo(128);
        assertThat(AnsibleBuilder.parts(1_000_000)).isEqualTo(1_024);
        assertThat(AnsibleBuilder.path(0, 1)).isEqualTo("ansible/inventory/edges.yaml");
        assertThat(AnsibleBuilder.path(7, 128)).isEqualTo("ansible/inventory/edges-007.yaml");
        assertThat(AnsibleBuilder.path(1_023, 1_024)).isEqualTo("ansible/inventory/edges-1023.yaml");
        // a node's file is part of every committed tree: the same name must land in the same file in every release
        assertThat(AnsibleBuilder.part("edge-000001", 128)).isEqualTo(17);
        assertThat(AnsibleBuilder.part("edge-000001", 1)).isZero();
    }

    /**
     * Each node is in exactly one file, the one its name hashes to, and a label group holds in each file the file's
     * own nodes of that label under the fleet's group name; adding a node changes no other file's view.
     */
    @Test
    void aLargeFleetIsSplitByNameWithGroupsNamedForTheWholeFleet() {
        SiteFacts facts = synthetic(2_500);
        List<AnsibleInventoryView> files = AnsibleBuilder.inventory(facts);
        assertThat(files).hasSize(4).allMatch(v -> v.parts() == 4);
        assertThat(files).extracting(AnsibleInventoryView::part).containsExactly(0, 1, 2, 3);
        List<String> names = facts.site.edgeNodes().stream().map(e -> e.name()).toList();
        assertThat(files.stream().flatMap(v -> v.hosts().stream()).map(AnsibleInventoryView.Host::name))
                .containsExactlyInAnyOrderElementsOf(names);
        for (AnsibleInventoryView v : files) {
            assertThat(v.hosts()).allMatch(h -> AnsibleBuilder.part(h.name(), 4) == v.part()).hasSizeBetween(500, 800);
            assertThat(v.groups()).allMatch(g -> g.hosts().stream().allMatch(n -> AnsibleBuilder.part(n, 4) == v.part()));
        }
        var fleet = EdgeGroups.of(facts.site.edgeNodes());
        fleet.forEach((group, members) -> assertThat(files.stream().flatMap(v -> v.groups().stream())
                .filter(g -> g.name().equals(group)).flatMap(g -> g.hosts().stream()))
                .as(group).containsExactlyInAnyOrderElementsOf(members));

        List<AnsibleInventoryView> grown = AnsibleBuilder.inventory(synthetic(2_501));
        int changed = (int) java.util.stream.IntStream.range(0, 4).filter(p -> !grown.get(p).equals(files.get(p)))
                .count();
        assertThat(changed).as("files whose view changed when edge-002501 joined").isOne();

        String relabelled = new SyntheticSite(2_500, 5L).yaml().replaceFirst(
                "(- name: edge-001234\n(?:        .*\n)*?        labels: \\{zone: )[a-z-]+,", "$1moved,");
        List<AnsibleInventoryView> moved = AnsibleBuilder.inventory(new SiteFacts(Descriptors.load(relabelled).site()));
        assertThat(java.util.stream.IntStream.range(0, 4).filter(p -> !moved.get(p).equals(files.get(p))).boxed())
                .as("files whose view changed when edge-001234 moved zone")
                .containsExactly(AnsibleBuilder.part("edge-001234", 4));
    }

    @Test
    void internalIpsInTheSitesOrderPrimaryFirst() {
        AnsibleInventoryView inventory = AnsibleBuilder.inventory(SiteVariants.IPV6_PRIMARY_HOSTNETWORK.facts()).get(0);
        assertThat(inventory.hosts().get(0).internalIps()).containsExactly("2001:db8:21::1", "198.51.100.101");
        assertThat(AnsibleBuilder.inventory(SiteVariants.IPV6_ONLY.facts()).get(0).hosts().get(0).internalIps())
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
        AnsibleInventoryView inventory = AnsibleBuilder.inventory(SiteVariants.EDGE_GROUP_DISCOVERY.facts()).get(0);
        assertThat(inventory.hosts()).anyMatch(h -> h.address().isEmpty() && h.discovered() > 0
                && h.internalIps().size() + h.discovered() == 2);
        assertThat(inventory.hosts()).allMatch(h -> h.internalIps().size() + h.discovered() == 2);
    }

    private static SiteFacts synthetic(int edges) {
        return new SiteFacts(Descriptors.load(new SyntheticSite(edges, 5L).yaml()).site());
    }
}
