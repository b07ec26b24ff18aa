package io.github.dualstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.descriptor.DescriptorReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's descriptor reference is the schema's, not a second text that can drift. */
class ReadmeTest {

    @Test
    void descriptorReferenceIsWhatTheSchemaSays() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String begin = "<!-- BEGIN descriptor reference -->\n";
        String end = "<!-- END descriptor reference -->";
        int from = readme.indexOf(begin);
        int to = readme.indexOf(end);
        assertThat(from).isPositive();
        assertThat(to).isGreaterThan(from);
        assertThat(readme.substring(from + begin.length(), to))
                .as("README.md is stale: replace the section with the output of `dualstack reference`")
                .isEqualTo(DescriptorReference.markdown());
    }

    @Test
    void everySchemaFieldIsInTheReference() {
        String ref = DescriptorReference.markdown();
        assertThat(ref).contains("| `spec.edge.nodes[].cloudCoreAddress` |", "| `spec.cloudCore.nodePorts.websocket` |",
                "| `spec.calico.ipv6Pool.blockSize` | integer | `122` |", "| `spec.kubernetes.kubeProxy.mode` |");
        assertThat(ref.lines().filter(l -> l.startsWith("| `")).count()).isGreaterThan(80);
    }
}
