package io.github.dualstack.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.model.CloudCore.Exposure;
import io.github.dualstack.core.plan.view.CaUrl;
import io.github.dualstack.core.plan.view.EdgePlacementView;
import io.github.dualstack.core.plan.view.RunbookView;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RunbookBuilderTest {

    private static final EdgePlacementView.Patch KUBE_PROXY = new EdgePlacementView.Patch("kube-system", "kube-proxy",
            "cluster/kube-system/kube-proxy.edge-affinity.patch.yaml");
    private static final EdgePlacementView.Patch CALICO_NODE = new EdgePlacementView.Patch("kube-system", "calico-node",
            "cluster/kube-system/calico-node.patch.yaml");
    private static final EdgePlacementView EDGE_PLACEMENT = new EdgePlacementView(
            List.of("kube-system/kube-proxy", "kube-system/calico-node"), List.of(KUBE_PROXY),
            List.of(KUBE_PROXY, CALICO_NODE), List.of(), true);

    private static final List<CaUrl> DUAL_CA = List.of(new CaUrl("-4", "https://192.0.2.10:30002/ca.crt"),
            new CaUrl("-6", "https://[2001:db8::10]:30002/ca.crt"));

    static Stream<Arguments> sites() {
        RunbookView dual = new RunbookView("factory-east", "IPv4,IPv6", true, true, "10.244.0.0/16,fd00:10:244::/56",
                "10.96.0.0/12,fd00:10:96::/112", List.of("master-1"), List.of("master-1", "worker-1"), true, false,
                Exposure.NodePort, false, "kubeedge", false, "192.0.2.10,2001:db8::10", 3, Optional.of("edge-0001"),
                DUAL_CA, "kubeedge", Optional.empty(), EDGE_PLACEMENT, List.of("IPv4", "IPv6"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
        return Stream.of(
                Arguments.of(SiteVariants.DUAL, dual),
                Arguments.of(SiteVariants.NO_EDGES, with(dual, 0, Optional.empty(), List.of())),
                Arguments.of(SiteVariants.IPV6_PRIMARY_HOSTNETWORK, new RunbookView("telco-west", "IPv6,IPv4", true,
                        true, "fd00:20:244::/56,10.20.0.0/16", "fd00:20:96::/112,10.21.0.0/16", List.of("cp-1"),
                        List.of("cp-1"), true, false, Exposure.HostNetwork, true, "kubeedge", true,
                        "2001:db8:20::10,198.51.100.10", 2, Optional.of("cell-site-001"),
                        List.of(new CaUrl("-6", "https://[2001:db8:20::10]:10002/ca.crt"),
                                new CaUrl("-4", "https://198.51.100.10:10002/ca.crt")), "kubeedge", Optional.empty(),
                        EDGE_PLACEMENT, List.of("IPv6", "IPv4"), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty())));
    }

    @ParameterizedTest
    @MethodSource("sites")
    void runbookView(SiteVariants site, RunbookView expected) {
        assertThat(PlannedViews.at(new RunbookBuilder().files(site.facts()), "README.md", RunbookView.class))
                .isEqualTo(expected);
    }

    static Stream<Arguments> calico() {
        return Stream.of(Arguments.of(SiteVariants.DUAL, true, false), Arguments.of(SiteVariants.CALICO_BASE, true, true),
                Arguments.of(SiteVariants.NO_CALICO, false, false));
    }

    @ParameterizedTest
    @MethodSource("calico")
    void calicoSteps(SiteVariants site, boolean calico, boolean calicoBase) {
        RunbookView v = PlannedViews.at(new RunbookBuilder().files(site.facts()), "README.md", RunbookView.class);
        assertThat(v.calico()).isEqualTo(calico);
        assertThat(v.calicoBase()).isEqualTo(calicoBase);
    }

    private static RunbookView with(RunbookView v, int edgeCount, Optional<String> firstEdge,
                                    List<String> streamFamilies) {
        return new RunbookView(v.siteName(), v.families(), v.dualStack(), v.ipv6(), v.podCidrs(), v.serviceCidrs(),
                v.controlPlaneNodes(), v.cloudNodes(), v.calico(), v.calicoBase(), v.exposure(), v.hostNetwork(),
                v.namespace(), v.regenerateCertificates(), v.advertiseAddresses(), edgeCount, firstEdge, v.caUrls(),
                v.secretsNamespace(), v.conversion(), v.edgePlacement(), streamFamilies, v.calicoOperator(), v.chart(),
                v.newCluster(), v.fleet());
    }
}
