package io.github.dualstack.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.Descriptors.Base;
import io.github.dualstack.core.Descriptors;
import io.github.dualstack.core.SelfCheckScope;
import io.github.dualstack.core.descriptor.DescriptorLoader;
import io.github.dualstack.core.model.AddressDiscovery;
import io.github.dualstack.core.model.AddressRecheck;
import io.github.dualstack.core.model.EdgeCoreSettings;
import io.github.dualstack.core.model.EdgeNode;
import io.github.dualstack.core.model.Site;
import io.github.dualstack.core.render.Renderer;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An edge node's key covers everything its files are made from: two nodes, of any site, with the same key have the
 * same files. A run takes a node's files as the previous run left them on the strength of that key alone.
 */
class EdgeInputsTest {

    /**
     * Edits of the dual-stack base, each of one input of the edge files (the variants cover the others); {@link
     * KeyedSiteFilesTest} edits the files that list the nodes with them too.
     */
    static final Map<String, UnaryOperator<Descriptors.Edited>> EDITS = new LinkedHashMap<>();

    static {
        EDITS.put("site name (the header)", e -> e.sub(7, "factory-east", "factory-west"));
        EDITS.put("an advertise address", e -> e.sub(21, "\"2001:db8::10\"", "\"2001:db8::10\", \"2001:db8::20\"")
                .sub(21, "[192.0.2.10", "[192.0.2.20, 192.0.2.10"));
        EDITS.put("dnsDomain", e -> e.after(11, "    dnsDomain: plant.example"));
        EDITS.put("interface", e -> e.sub(42, "eth0", "eth1"));
        EDITS.put("address", e -> e.sub(43, "192.0.2.101", "192.0.2.111"));
        EDITS.put("kubeedgeVersion", e -> e.sub(34, "v1.22.0", "v1.23.1"));
        EDITS.put("hubFamily", e -> e.after(44, "        hubFamily: IPv4"));
        EDITS.put("cgroupDriver", e -> e.sub(37, "systemd", "cgroupfs"));
        EDITS.put("containerRuntimeEndpoint", e -> e.sub(38, "containerd/containerd.sock", "crio/crio.sock"));
        EDITS.put("a label", e -> e.sub(44, "\"1\"", "\"9\""));
        EDITS.put("cloudCoreAddress", e -> e.after(44, "        cloudCoreAddress: \"2001:db8::10\""));
        EDITS.put("a discovered address and its recheck", e -> e.sub(43, ", ipv6: \"2001:db8::101\"", "")
                .after(44, "        discover: {ipv6: {prefix: \"2001:db8::/64\"}, recheckEvery: 5min}"));
        EDITS.put("another discovery prefix", e -> e.sub(43, ", ipv6: \"2001:db8::101\"", "")
                .after(44, "        discover: {ipv6: {prefix: \"2001:db8:0:1::/64\"}}"));
    }

    @Test
    void everyValueOfAnEdgeNodeIsKeyedOrOnlySaysWhereItWasDeclared() {
        // Adding a component to one of these records: key it in EdgeInputs.key, or name it here as not rendered.
        assertThat(components(EdgeNode.class)).containsExactlyInAnyOrder("name", "interfaceName", "addresses",
                "kubeedgeVersion", "hubFamily", "hubProtocol", "cgroupDriver", "containerRuntimeEndpoint", "labels",
                "cloudCoreAddress", "edgeCore", "fleet");
        assertThat(components(EdgeNode.Fleet.class)).containsExactlyInAnyOrder("group", "discovery",
                "sharedPrivateLan", "recheck", "declaredAt");
        assertThat(components(EdgeCoreSettings.class)).containsExactlyInAnyOrder("metaServer", "clusterDns",
                "clusterDomain", "podSandboxImage", "maxPods", "declaredAt");
        assertThat(components(AddressDiscovery.class)).containsExactlyInAnyOrder("prefix", "declaredAt");
        assertThat(components(AddressRecheck.class)).containsExactlyInAnyOrder("every", "declaredAt");
    }

    @Test
    void theSameKeyMeansTheSameFilesOverEveryVariantAndEdit() {
        Map<String, String> filesByKey = new HashMap<>();
        Map<String, Set<String>> keysBySite = new LinkedHashMap<>();
        for (SiteVariants v : SiteVariants.values()) {
            keysBySite.put(v.name(), collect(v.site(), filesByKey));
        }
        EDITS.forEach((what, edit) -> {
            DescriptorLoader.Result r = edit.apply(Base.DUAL.edit()).load();
            assertThat(r.ok()).as(what + ": " + r.problems()).isTrue();
            keysBySite.put(what, collect(r.site(), filesByKey));
        });
        Set<String> dual = keysBySite.get(SiteVariants.DUAL.name());
        EDITS.keySet().forEach(what -> assertThat(keysBySite.get(what)).as(what + " changes some edge's key")
                .isNotEqualTo(dual));
        assertThat(filesByKey).hasSizeGreaterThan(3 * EDITS.size());
    }

    /** Records each edge node's key with its files' bytes, failing on a key seen before with other bytes. */
    private static Set<String> collect(Site site, Map<String, String> filesByKey) {
        Renderer renderer = new Renderer(Optional.empty(), "site.yaml", site.name(), SelfCheckScope.SHAPES);
        return new OutputPlan(site).edges().map(edge -> {
            String key = renderer.key(edge).orElseThrow();
            List<PlannedFile> files = edge.files();
            assertThat(files).extracting(PlannedFile::path).isEqualTo(edge.paths());
            String bytes = files.stream().map(f -> f.path() + "\n" + new String(renderer.render(f).content(),
                    StandardCharsets.UTF_8)).collect(Collectors.joining("\n"));
            String before = filesByKey.putIfAbsent(key, bytes);
            assertThat(before).as("files of key %s (%s)", key, edge.paths()).isIn(null, bytes);
            return key;
        }).collect(Collectors.toSet());
    }

    @Test
    void aConversionHasNoKeyAndItsFilesAreKeyedByTheirViews() {
        // a captured edgecore.yaml is merged into each node's file: the inputs do not cover it
        assertThat(Stream.of(SiteVariants.values()).map(v -> new OutputPlan(v.site()).edges().findFirst())
                .flatMap(Optional::stream).allMatch(e -> e.inputs().isPresent())).isTrue();
        assertThat(io.github.dualstack.core.Brownfield.samplePlan().edges().findFirst().orElseThrow().inputs()).isEmpty();
    }

    private static List<String> components(Class<?> record) {
        return Stream.of(record.getRecordComponents()).map(RecordComponent::getName).toList();
    }
}
