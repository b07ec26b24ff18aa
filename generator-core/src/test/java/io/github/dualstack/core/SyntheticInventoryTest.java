package io.github.dualstack.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.model.EdgeNode;
import io.github.dualstack.fixtures.SyntheticSite;
import io.github.dualstack.fixtures.SyntheticSite.Form;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The synthetic fleet as an IPAM export gives it (the benchmark's {@code --inventory}): its nodes in edges.csv, the
 * settings a CSV row has no column for in groups, or in edges.yaml. Each form is the same site: the same edge
 * nodes bound, the same generated tree byte for byte, so the benchmark compares reading, not output.
 */
class SyntheticInventoryTest {

    private static final int EDGES = 60;
    private static final long SEED = 11L;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Form.class, names = {"CSV", "YAML"})
    void anInventoryFormGeneratesTheDescriptorFormsTree(Form form) throws Exception {
        Map<String, String> inDescriptor = generate(Form.DESCRIPTOR);
        Map<String, String> inInventory = generate(form);

        assertThat(inInventory.keySet()).isEqualTo(inDescriptor.keySet());
        assertThat(inInventory).isEqualTo(inDescriptor);
        assertThat(inDescriptor.keySet().stream().filter(p -> p.endsWith("/edgecore.yaml"))).hasSize(EDGES);
    }

    @Test
    void theCsvFormsGroupsCarryEveryVariationOfTheSeed() throws Exception {
        Path site = new SyntheticSite(EDGES, SEED).writeTo(dir.resolve("csv/site.yaml"), Form.CSV);
        Report.Validate r = Dualstack.validate(Request.Validate.of(site));

        assertThat(Descriptors.withoutMetricsWarningLine(r.problems().stream().map(Problem::toString).toList()))
                .isEmpty();
        assertThat(Files.readString(SyntheticSite.nodesFile(site, Form.CSV)))
                .startsWith("name,interface,ipv4,ipv6,group,labels\nedge-000001,");
        assertThat(r.site().orElseThrow().edgeNodes()).hasSize(EDGES)
                .anyMatch(e -> e.hubProtocol() == EdgeNode.HubProtocol.quic)
                .anyMatch(e -> e.cgroupDriver() == EdgeNode.CgroupDriver.cgroupfs)
                .anyMatch(e -> e.kubeedgeVersion().equals("v1.23.1"))
                .allMatch(e -> e.labels().containsKey("zone") && e.labels().containsKey("line"));
    }

    private Map<String, String> generate(Form form) throws Exception {
        Path site = new SyntheticSite(EDGES, SEED).writeTo(dir.resolve(form.name() + "/site.yaml"), form);
        Path out = site.resolveSibling("generated");
        Report.Generate r = Dualstack.generate(Request.Generate.of(site, out));
        assertThat(r.ok()).as(r.summary()).isTrue();
        return tree(out);
    }

    /** The generated files by path, without the per-machine state under .dualstack/. */
    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String rel = root.relativize(p).toString();
                if (!rel.startsWith(".dualstack/")) {
                    files.put(rel, Files.readString(p));
                }
            }
        }
        return files;
    }
}
