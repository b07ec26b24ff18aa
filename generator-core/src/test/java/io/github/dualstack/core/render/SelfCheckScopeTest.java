package io.github.dualstack.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dualstack.core.SelfCheckScope;
import io.github.dualstack.core.descriptor.DescriptorLoader;
import io.github.dualstack.core.descriptor.StrictYamlReader;
import io.github.dualstack.core.plan.OutputPlan;
import io.github.dualstack.fixtures.SyntheticSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which rendered files the self-check parses again: all of them, or one per-edge file of each shape. */
class SelfCheckScopeTest {

    /** 400 edges: the seed gives IPv4 and IPv6 hubs, QUIC and websocket, labels and none. */
    private static final OutputPlan PLAN = plan(new SyntheticSite(400, 7L).bytes());

    private static OutputPlan plan(byte[] descriptor) {
        DescriptorLoader.Result r = new DescriptorLoader(StrictYamlReader.DEFAULT_MAX_BYTES).load("site.yaml", descriptor);
        assertThat(r.problems().stream().filter(p -> p.isError())).isEmpty();
        return new OutputPlan(r.site());
    }

    private static List<OutputFile> renderAndCheck(Renderer renderer) {
        List<OutputFile> files = new ArrayList<>();
        renderer.renderAll(PLAN, f -> {
            synchronized (files) {
                files.add(f);
            }
        });
        files.forEach(renderer::check);
        return files;
    }

    /** A file under edge/NODE/ (edge/join.sh is one file for the site). */
    private static boolean perEdge(OutputFile f) {
        return f.path().startsWith("edge/") && f.path().indexOf('/', "edge/".length()) > 0;
    }

    @Test
    void allChecksEveryFile() {
        Renderer renderer = new Renderer(Optional.empty(), "site.yaml", "synthetic", SelfCheckScope.ALL);
        List<OutputFile> files = renderAndCheck(renderer);
        assertThat(renderer.filesChecked()).isEqualTo(files.size());
    }

    @Test
    void shapesChecksEverySiteFileAndOnePerEdgeShape() {
        Renderer renderer = new Renderer(Optional.empty(), "site.yaml", "synthetic", SelfCheckScope.SHAPES);
        List<OutputFile> files = renderAndCheck(renderer);
        long siteFiles = files.stream().filter(f -> !perEdge(f)).count();
        Set<String> shapes = new TreeSet<>();
        files.stream().filter(SelfCheckScopeTest::perEdge).forEach(f -> shapes.add(f.shape().orElseThrow()));

        assertThat(files.stream().filter(f -> !perEdge(f))).allMatch(f -> f.shape().isEmpty());
        assertThat(renderer.filesChecked()).isEqualTo(siteFiles + shapes.size());
        // the seed's variety: both templates, both hub families, both protocols, with and without labels
        assertThat(shapes).anyMatch(s -> s.startsWith("edgecore.yaml.ftl|hub=IPv4"))
                .anyMatch(s -> s.startsWith("edgecore.yaml.ftl|hub=IPv6"))
                .anyMatch(s -> s.startsWith("join.env.ftl|"));
        assertThat(shapes.stream().filter(s -> s.startsWith("edgecore")).map(s -> s.substring(s.lastIndexOf('|'))))
                .as("the edgecore views' structures").hasSizeGreaterThanOrEqualTo(3);
        assertThat(shapes.size()).as("shapes among 800 edge files").isLessThan(60);
    }

    @Test
    void everyFileOfATemplateOverrideIsChecked(@TempDir Path overrides) throws Exception {
        Files.writeString(overrides.resolve("edgecore.yaml.ftl"),
                Files.readString(Path.of("..", "templates", "edgecore.yaml.ftl")));
        Renderer renderer = new Renderer(Optional.of(overrides), "site.yaml", "synthetic", SelfCheckScope.SHAPES);
        List<OutputFile> files = renderAndCheck(renderer);
        long edgecores = files.stream().filter(f -> f.path().endsWith("/edgecore.yaml")).count();
        assertThat(files.stream().filter(f -> f.path().endsWith("/edgecore.yaml"))).allMatch(f -> f.shape().isEmpty());
        long joinShapes = files.stream().filter(f -> f.path().endsWith("/join.env"))
                .map(f -> f.shape().orElseThrow()).distinct().count();
        long siteFiles = files.stream().filter(f -> !perEdge(f)).count();
        assertThat(renderer.filesChecked()).isEqualTo(siteFiles + edgecores + joinShapes);
    }

    @Test
    void aBrokenFileOfAShapeNotSeenYetFails() {
        Renderer renderer = new Renderer(Optional.empty(), "site.yaml", "synthetic", SelfCheckScope.SHAPES);
        OutputFile good = renderer.render(PLAN.edgeFiles().filter(f -> f.path().endsWith("edgecore.yaml"))
                .findFirst().orElseThrow());
        OutputFile broken = new OutputFile(good.path(), "edgeHub: [".getBytes(), good.kind(),
                Optional.of(good.shape().orElseThrow() + "-other"));
        renderer.check(good);
        assertThatThrownBy(() -> renderer.check(broken)).isInstanceOf(RenderException.class)
                .hasMessageStartingWith(good.path() + ": ");
        // the same bytes under a shape already checked are taken as correct by construction: the scope's contract
        renderer.check(new OutputFile(good.path(), "edgeHub: [".getBytes(), good.kind(), good.shape()));
        assertThat(renderer.filesChecked()).isEqualTo(2);
    }
}
