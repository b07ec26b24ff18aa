package io.github.dualstack.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

/** The deep comparison the brownfield tests rest on: it must see every difference, and name it. */
class DeepDiffTest {

    private static JsonNode yaml(String text) throws Exception {
        return new YAMLMapper().readTree(text);
    }

    @Test
    void equalDocumentsDoNotDiffer() throws Exception {
        JsonNode a = yaml("a: {b: [1, 2]}\nc: x\n");
        assertThat(DeepDiff.of(a, a.deepCopy())).isEmpty();
    }

    @Test
    void keysAddedRemovedAndChangedAreMarked() throws Exception {
        assertThat(DeepDiff.of(yaml("a: 1\nb: {c: 2, d: 3}\n"), yaml("b: {c: 3}\ne: [x]\n")))
                .containsExactly("+ e", "- a", "- b.d", "~ b.c");
    }

    @Test
    void aCommandLineIsComparedFlagByFlag() throws Exception {
        JsonNode a = yaml("spec: {containers: [{name: c, command: [kcm, --a=1, --b=2, --c]}]}");
        JsonNode b = yaml("spec: {containers: [{name: c, command: [kcm, --b=3, --a=1, --d=4]}]}");
        assertThat(DeepDiff.of(a, b)).containsExactly("+ spec.containers[c].command[--d]",
                "- spec.containers[c].command[--c]", "~ spec.containers[c].command[--b]");
    }

    @Test
    void namedObjectsByNameScalarListsWhole() throws Exception {
        JsonNode a = yaml("ports: [{name: x, port: 1}, {name: y, port: 2}]\nfamilies: [IPv4]\nsel: [{k: a}, {k: b}]\n");
        JsonNode b = yaml("ports: [{name: y, port: 3}, {name: x, port: 1}]\nfamilies: [IPv4, IPv6]\nsel: [{k: a}, {k: c}]\n");
        assertThat(DeepDiff.of(a, b)).containsExactly("~ families", "~ ports[y].port", "~ sel[1].k");
    }

    @Test
    void theDocumentsAConfigMapHoldsAreComparedAsTrees() throws Exception {
        JsonNode a = yaml("""
                data:
                  config.conf: "mode: ipvs\\nclusterCIDR: 10.0.0.0/8\\n"
                  cni_network_config: '{"plugins": [{"type": "calico", "mtu": __CNI_MTU__, "ipam": {"type": "calico-ipam"}}]}'
                  other: "a: 1"
                metadata: {name: x, annotations: {kubectl.kubernetes.io/last-applied-configuration: "{}"}}
                """);
        JsonNode b = yaml("""
                data:
                  config.conf: "clusterCIDR: 10.0.0.0/8,fd00::/56\\nmode:   ipvs\\n"
                  cni_network_config: '{"plugins": [{"type": "calico", "mtu": __CNI_MTU__,
                    "ipam": {"type": "calico-ipam", "assign_ipv6": "true"}}]}'
                  other: "a:  1"
                metadata: {name: x}
                """);
        assertThat(DeepDiff.of(a, b)).containsExactly("+ data.cni_network_config: plugins[calico].ipam.assign_ipv6",
                "- metadata.annotations[\"kubectl.kubernetes.io/last-applied-configuration\"]",
                "~ data.other", "~ data[\"config.conf\"]: clusterCIDR");
    }
}
