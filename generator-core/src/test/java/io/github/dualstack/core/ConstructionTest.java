package io.github.dualstack.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.descriptor.DescriptorLoader;
import io.github.dualstack.core.descriptor.StrictYamlReader;
import io.github.dualstack.core.render.FullSelfCheck;
import io.github.dualstack.fixtures.SyntheticSite;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * generate self-checks one per-edge file of each shape ({@link SelfCheckScope#SHAPES}); the rest are correct by
 * construction. This is the proof over the corpora: every file of every sample and of synthetic sites of several
 * seeds passes the full self-check (the fuzzed descriptors get the same in {@code DescriptorFuzzTest}).
 */
class ConstructionTest {

    @ParameterizedTest
    @ValueSource(strings = {"dual-stack-site", "ipv6-only", "ipv6-primary-hostnetwork"})
    void everyFileOfEachGreenfieldSamplePassesTheFullSelfCheck(String sample) throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of("..", "samples", sample, "site.yaml"));
        assertThat(FullSelfCheck.everyFile(load(bytes).site())).isGreaterThan(15);
    }

    @ParameterizedTest
    @ValueSource(strings = "brownfield-kubeadm")
    void everyFileOfTheConvertedSamplePassesTheFullSelfCheck(String sample) {
        assertThat(FullSelfCheck.everyFile(Brownfield.plan(Path.of("..", "samples", sample, "site.yaml"))))
                .isGreaterThan(15);
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 2L, 3L, -1L})
    void everyFileOfASyntheticSitePassesTheFullSelfCheck(long seed) {
        int edges = 1500;
        assertThat(FullSelfCheck.everyFile(load(new SyntheticSite(edges, seed).bytes()).site()))
                .isGreaterThan(2L * edges);
    }

    private static DescriptorLoader.Result load(byte[] bytes) {
        DescriptorLoader.Result r = new DescriptorLoader(StrictYamlReader.DEFAULT_MAX_BYTES).load("site.yaml", bytes);
        assertThat(r.problems()).noneMatch(Problem::isError);
        return r;
    }
}
