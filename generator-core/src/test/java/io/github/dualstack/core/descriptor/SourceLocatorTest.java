package io.github.dualstack.core.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dualstack.core.FieldPath;
import io.github.dualstack.core.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The token scan that locates a problem without a second, located parse gives exactly the position that the
 * located tree gives, for every field of every sample descriptor and for fields that are not there (the nearest
 * enclosing node), and hands over to the tree once it has read the whole text's worth.
 */
class SourceLocatorTest {

    private static final StrictYamlReader READER = new StrictYamlReader(StrictYamlReader.DEFAULT_MAX_BYTES, "--max");

    private static StrictYamlReader.Reading read(String text) {
        Problems problems = new Problems("site.yaml", p -> new int[] {1, 1});
        StrictYamlReader.Reading r = READER.read(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), problems);
        assertThat(problems.list()).isEmpty();
        return r;
    }

    @Test
    void theScanAndTheLocatedTreeAgreeOnEveryFieldOfEverySample() throws IOException {
        List<Path> samples;
        try (Stream<Path> s = Files.list(Path.of("..", "samples"))) {
            samples = s.map(d -> d.resolve("site.yaml")).filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(samples).hasSizeGreaterThanOrEqualTo(8);
        int compared = 0;
        for (Path sample : samples) {
            StrictYamlReader.Reading r = read(Files.readString(sample));
            SourceLocator tree = new SourceLocator(r::locatedTree);
            List<FieldPath> paths = new ArrayList<>();
            paths(r.tree(), FieldPath.ROOT, paths);
            for (FieldPath p : paths) {
                for (FieldPath q : List.of(p, p.child("notThere"), p.index(99))) {
                    assertThat(r.locator().lineAndColumn(q)).as(sample + " " + q).containsExactly(tree.lineAndColumn(q));
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(1000);
    }

    @Test
    void aFieldNearTheTopIsFoundWithoutReadingFurtherAndTheTreeTakesOverAfterTheWholeTextsWorth() {
        StringBuilder text = new StringBuilder("spec:\n  ipFamilies: [IPv4, IPv6]\n  nodes:\n");
        for (int i = 0; i < 2000; i++) {
            text.append("    - {name: n").append(i).append(", addresses: {ipv4: 192.0.2.1}}\n");
        }
        int[] asked = {0};
        StrictYamlReader.Reading r = read(text.toString());
        SourceLocator counting = new SourceLocator(() -> {
            asked[0]++;
            return r.locatedTree();
        }, r.text(), new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        assertThat(counting.lineAndColumn(FieldPath.of("spec.ipFamilies"))).containsExactly(2, 15);
        assertThat(counting.lineAndColumn(FieldPath.of("spec.nodes[1999].name"))).containsExactly(2003, 14);
        assertThat(asked[0]).as("two scans, no located tree").isZero();
        // a field that is not there is looked for to the end of its parent: here, of the text
        SourceLocator tree = new SourceLocator(r::locatedTree);
        assertThat(counting.lineAndColumn(FieldPath.of("spec.notThere")))
                .containsExactly(tree.lineAndColumn(FieldPath.of("spec.notThere")));
        assertThat(asked[0]).isZero();
        // the scans have read the whole text's worth: from here on the tree answers
        assertThat(counting.lineAndColumn(FieldPath.of("spec.nodes[5].name"))).containsExactly(9, 14);
        assertThat(asked[0]).isEqualTo(1);
    }

    private static void paths(JsonNode node, FieldPath at, List<FieldPath> out) {
        out.add(at);
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                paths(e.getValue(), at.child(e.getKey()), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                paths(node.get(i), at.index(i), out);
            }
        }
    }
}
