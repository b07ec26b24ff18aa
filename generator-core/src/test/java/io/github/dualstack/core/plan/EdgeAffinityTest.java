package io.github.dualstack.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.dualstack.core.plan.view.NodeSelectorTerm.Requirement;
import io.github.dualstack.core.plan.view.NodeSelectorTerm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The terms of the patch that keeps a DaemonSet off edge nodes. The patch replaces the DaemonSet's term list (it has
 * no patch strategy), so every term the DaemonSet has comes back, each with the edge expression ANDed in.
 */
class EdgeAffinityTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Requirement EDGE = new Requirement("node-role.kubernetes.io/edge", "DoesNotExist", List.of());
    private static final Requirement ARCH = new Requirement("kubernetes.io/arch", "In", List.of("amd64", "arm64"));
    private static final Requirement TYPE = new Requirement("node.kubernetes.io/instance-type", "Exists", List.of());
    private static final Requirement NOT_LEGACY = new Requirement("metadata.name", "NotIn", List.of("legacy-1"));

    static Stream<Arguments> daemonSets() {
        return Stream.of(
                Arguments.of("not captured: upstream kube-proxy and calico-node have no node affinity", null,
                        List.of(term(List.of(EDGE)))),
                Arguments.of("captured without an affinity", "containers: [{name: c}]", List.of(term(List.of(EDGE)))),
                Arguments.of("captured with pod anti-affinity only", """
                        affinity:
                          podAntiAffinity:
                            requiredDuringSchedulingIgnoredDuringExecution:
                            - topologyKey: kubernetes.io/hostname
                        """, List.of(term(List.of(EDGE)))),
                Arguments.of("preferred terms only: they are another field and stay as they are", """
                        affinity:
                          nodeAffinity:
                            preferredDuringSchedulingIgnoredDuringExecution:
                            - weight: 10
                              preference:
                                matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, values: [hall-a]}]
                        """, List.of(term(List.of(EDGE)))),
                Arguments.of("one term: the expression is ANDed into it", """
                        affinity:
                          nodeAffinity:
                            requiredDuringSchedulingIgnoredDuringExecution:
                              nodeSelectorTerms:
                              - matchExpressions: [{key: kubernetes.io/arch, operator: In, values: [amd64, arm64]}]
                        """, List.of(term(List.of(ARCH, EDGE)))),
                Arguments.of("two terms: each gets it, since terms are ORed; matchFields stay", """
                        affinity:
                          nodeAffinity:
                            requiredDuringSchedulingIgnoredDuringExecution:
                              nodeSelectorTerms:
                              - matchExpressions: [{key: kubernetes.io/arch, operator: In, values: [amd64, arm64]}]
                              - matchExpressions: [{key: node.kubernetes.io/instance-type, operator: Exists}]
                                matchFields: [{key: metadata.name, operator: NotIn, values: [legacy-1]}]
                        """, List.of(term(List.of(ARCH, EDGE)),
                        new NodeSelectorTerm(List.of(TYPE, EDGE), List.of(NOT_LEGACY)))),
                Arguments.of("a term with matchFields only gets matchExpressions", """
                        affinity:
                          nodeAffinity:
                            requiredDuringSchedulingIgnoredDuringExecution:
                              nodeSelectorTerms:
                              - matchFields: [{key: metadata.name, operator: NotIn, values: [legacy-1]}]
                        """, List.of(new NodeSelectorTerm(List.of(EDGE), List.of(NOT_LEGACY)))),
                Arguments.of("already in every term: no patch", """
                        affinity:
                          nodeAffinity:
                            requiredDuringSchedulingIgnoredDuringExecution:
                              nodeSelectorTerms:
                              - matchExpressions: [{key: node-role.kubernetes.io/edge, operator: DoesNotExist}]
                              - matchExpressions:
                                - {key: kubernetes.io/arch, operator: In, values: [amd64, arm64]}
                                - {key: node-role.kubernetes.io/edge, operator: DoesNotExist}
                        """, List.of()),
                Arguments.of("already in one term of two: both come back, the first unchanged", """
                        affinity:
                          nodeAffinity:
                            requiredDuringSchedulingIgnoredDuringExecution:
                              nodeSelectorTerms:
                              - matchExpressions: [{key: node-role.kubernetes.io/edge, operator: DoesNotExist}]
                              - matchExpressions: [{key: kubernetes.io/arch, operator: In, values: [amd64, arm64]}]
                        """, List.of(term(List.of(EDGE)), term(List.of(ARCH, EDGE)))),
                Arguments.of("an empty term matches no node: kept empty, not turned into 'every non-edge node'", """
                        affinity:
                          nodeAffinity:
                            requiredDuringSchedulingIgnoredDuringExecution:
                              nodeSelectorTerms:
                              - {}
                              - matchExpressions: [{key: kubernetes.io/arch, operator: In, values: [amd64, arm64]}]
                        """, List.of(new NodeSelectorTerm(List.of(), List.of()), term(List.of(ARCH, EDGE)))),
                Arguments.of("the edge label with another operator is no exclusion", """
                        affinity:
                          nodeAffinity:
                            requiredDuringSchedulingIgnoredDuringExecution:
                              nodeSelectorTerms:
                              - matchExpressions: [{key: node-role.kubernetes.io/edge, operator: Exists}]
                        """, List.of(term(List.of(new Requirement("node-role.kubernetes.io/edge", "Exists", List.of()),
                        EDGE)))),
                Arguments.of("an empty term list is no affinity", """
                        affinity:
                          nodeAffinity:
                            requiredDuringSchedulingIgnoredDuringExecution:
                              nodeSelectorTerms: []
                        """, List.of(term(List.of(EDGE)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("daemonSets")
    void patchTerms(String what, String podSpec, List<NodeSelectorTerm> expected) {
        assertThat(EdgeAffinity.patchTerms(Optional.ofNullable(podSpec).map(EdgeAffinityTest::daemonSet)))
                .as(what).isEqualTo(expected);
    }

    private static NodeSelectorTerm term(List<Requirement> expressions) {
        return new NodeSelectorTerm(expressions, List.of());
    }

    /** A DaemonSet whose pod template spec is the given YAML. */
    private static JsonNode daemonSet(String podSpec) {
        try {
            JsonNode ds = YAML.readTree("apiVersion: apps/v1\nkind: DaemonSet\nspec:\n  template:\n    spec: {}\n");
            ((ObjectNode) ds.path("spec").path("template"))
                    .set("spec", YAML.readTree(podSpec));
            return ds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
