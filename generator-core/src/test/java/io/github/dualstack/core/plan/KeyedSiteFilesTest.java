package io.github.dualstack.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.Descriptors;
import io.github.dualstack.core.Descriptors.Base;
import io.github.dualstack.core.SelfCheckScope;
import io.github.dualstack.core.descriptor.DescriptorLoader;
import io.github.dualstack.core.model.Site;
import io.github.dualstack.core.render.Renderer;
import io.github.dualstack.fixtures.SyntheticSite;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The site files that list the edge nodes (verify.sh, the Ansible inventory) are keyed by the nodes' input keys
 * and a few site-wide values, without building their views: two such files, of any site, with the same key have
 * the same bytes, and a change to one node changes the key of the files that print what changed, and of no other.
 */
class KeyedSiteFilesTest {

    private static final int EDGES = 2_500;
    private static final String INVENTORY = "ansible/inventory/";
    private static final String VERIFY = "scripts/verify.sh";

    @Test
    void theSameKeyMeansTheSameBytesOverEveryVariantAndEdit() {
        Map<String, String> bytesByKey = new HashMap<>();
        int keyed = 0;
        for (SiteVariants v : SiteVariants.values()) {
            keyed += collect(v.site(), bytesByKey).size();
        }
        for (var edit : EdgeInputsTest.EDITS.entrySet()) {
            DescriptorLoader.Result r = edit.getValue().apply(Base.DUAL.edit()).load();
            assertThat(r.ok()).as(edit.getKey() + ": " + r.problems()).isTrue();
            keyed += collect(r.site(), bytesByKey).size();
        }
        // a fleet in four inventory files, and the edits below, which each leave some of them as they were
        String base = new SyntheticSite(EDGES, 5L).yaml();
        String newLabel = relabel(base, 10, "new-z");
        for (String text : List.of(base, relabel(base, 1234, "moved"), readdress(base, 77), newLabel,
                relabel(newLabel, otherFileThan(10), "new.z"))) {
            keyed += collect(Descriptors.load(text).site(), bytesByKey).size();
        }
        assertThat(keyed).isGreaterThan(2 * SiteVariants.values().length);
        assertThat(bytesByKey.size()).as("distinct keys").isLessThan(keyed);
    }

    /**
     * A label is printed in its node's inventory file only; an address in that file and in verify.sh; a label whose
     * group name clashes with another file's label renames that group there too (both get a suffix).
     */
    @Test
    void aChangeRekeysOnlyTheFilesThatPrintWhatChanged() {
        String base = new SyntheticSite(EDGES, 5L).yaml();
        Map<String, String> before = keys(base);
        assertThat(before.keySet()).contains(VERIFY, INVENTORY + "edges-000.yaml", INVENTORY + "edges-003.yaml")
                .hasSize(5);

        assertThat(changed(before, keys(relabel(base, 1234, "moved"))))
                .containsExactly(inventoryOf(1234));
        assertThat(changed(before, keys(readdress(base, 77))))
                .containsExactlyInAnyOrder(inventoryOf(77), VERIFY);

        int a = 10;
        int b = otherFileThan(a);
        String one = relabel(base, a, "new-z");   // a label no other node has
        assertThat(changed(before, keys(one))).containsExactly(inventoryOf(a));
        assertThat(changed(keys(one), keys(relabel(one, b, "new.z"))))
                .as("edge_zone_new_z is both labels' name: each gets a suffix")
                .containsExactlyInAnyOrder(inventoryOf(a), inventoryOf(b));
    }

    @Test
    void keyedOrNotTheSiteFilesAreTheSame() {
        for (SiteVariants v : SiteVariants.values()) {
            OutputPlan plan = new OutputPlan(v.site());
            assertThat(plan.keyedSiteFiles().stream().flatMap(k -> k.files().stream()).toList()).as(v.name())
                    .isEqualTo(plan.siteFiles());
            assertThat(plan.keyedSiteFiles()).allMatch(k -> k.paths().equals(k.files().stream()
                    .map(PlannedFile::path).toList()));
        }
    }

    @Test
    void aConversionKeysItsSiteFilesByTheirViews() {
        assertThat(io.github.dualstack.core.Brownfield.samplePlan().keyedSiteFiles())
                .allMatch(k -> k.inputs().isEmpty());
    }

    /** The keyed files' render keys by path, each checked against the bytes seen before under the same key. */
    private static Map<String, String> collect(Site site, Map<String, String> bytesByKey) {
        Renderer renderer = new Renderer(Optional.empty(), "site.yaml", site.name(), SelfCheckScope.SHAPES);
        Map<String, String> keys = new LinkedHashMap<>();
        for (KeyedFiles k : new OutputPlan(site).keyedSiteFiles()) {
            if (k.inputs().isEmpty()) {
                continue;
            }
            String key = renderer.key(k).orElseThrow();
            PlannedFile file = k.files().get(0);
            String bytes = file.path() + "\n" + new String(renderer.render(file).content(), StandardCharsets.UTF_8);
            assertThat(bytesByKey.putIfAbsent(key, bytes)).as("the file of key %s (%s)", key, file.path())
                    .isIn(null, bytes);
            keys.put(file.path(), key);
        }
        return keys;
    }

    private static Map<String, String> keys(String descriptor) {
        Site site = Descriptors.load(descriptor).site();
        Renderer renderer = new Renderer(Optional.empty(), "site.yaml", site.name(), SelfCheckScope.SHAPES);
        Map<String, String> keys = new LinkedHashMap<>();
        new OutputPlan(site).keyedSiteFiles().stream().filter(k -> k.inputs().isPresent())
                .forEach(k -> keys.put(k.paths().get(0), renderer.key(k).orElseThrow()));
        return keys;
    }

    private static List<String> changed(Map<String, String> before, Map<String, String> after) {
        assertThat(after.keySet()).isEqualTo(before.keySet());
        return before.keySet().stream().filter(p -> !before.get(p).equals(after.get(p))).toList();
    }

    private static String inventoryOf(int edge) {
        return AnsibleBuilder.path(AnsibleBuilder.part(SyntheticSite.edgeName(edge), 4), 4);
    }

    private static int otherFileThan(int edge) {
        int b = edge + 1;
        while (inventoryOf(b).equals(inventoryOf(edge))) {
            b++;
        }
        return b;
    }

    /** The edge's zone label set to {@code zone}. */
    private static String relabel(String text, int edge, String zone) {
        Matcher m = Pattern.compile("(- name: " + SyntheticSite.edgeName(edge) + "\n(?:        .*\n)*?        labels: "
                + "\\{zone: )[a-z.-]+,").matcher(text);
        assertThat(m.find()).as(SyntheticSite.edgeName(edge)).isTrue();
        return text.substring(0, m.start()) + m.group(1) + zone + "," + text.substring(m.end());
    }

    /** The edge's IPv4 address moved to one that no node of the synthetic fleet has (as the incremental test's). */
    private static String readdress(String text, int edge) {
        String from = SyntheticSite.edgeIpv4(edge);
        assertThat(text).contains(": " + from + ",");
        String to = "100.64.200." + (edge % 250 + 1);
        assertThat(text).doesNotContain(": " + to + ",");
        return text.replace(": " + from + ",", ": " + to + ",");
    }
}
