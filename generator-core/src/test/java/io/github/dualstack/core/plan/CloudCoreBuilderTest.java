package io.github.dualstack.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.plan.view.CloudCoreConfigView;
import io.github.dualstack.core.plan.view.CloudCoreServiceView;
import io.github.dualstack.core.plan.view.CloudCoreServiceView.Port;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CloudCoreBuilderTest {

    private static final List<Port> NODE_PORTS = List.of(
            new Port("cloudhub", "TCP", 10000, Optional.of(30000)),
            new Port("cloudhub-https", "TCP", 10002, Optional.of(30002)),
            new Port("cloudstream", "TCP", 10003, Optional.of(30003)),
            new Port("tunnelport", "TCP", 10004, Optional.of(30004)));
    private static final List<Port> PORTS = List.of(
            new Port("cloudhub", "TCP", 10000, Optional.empty()),
            new Port("cloudhub-https", "TCP", 10002, Optional.empty()),
            new Port("cloudstream", "TCP", 10003, Optional.empty()),
            new Port("tunnelport", "TCP", 10004, Optional.empty()));

    static Stream<Arguments> services() {
        List<IpFamily> dual = List.of(IpFamily.IPv4, IpFamily.IPv6);
        return Stream.of(
                Arguments.of(SiteVariants.DUAL, new CloudCoreServiceView("kubeedge", "NodePort", "RequireDualStack", dual,
                        NODE_PORTS)),
                Arguments.of(SiteVariants.LOAD_BALANCER, new CloudCoreServiceView("kubeedge", "LoadBalancer",
                        "RequireDualStack", dual, PORTS)),
                Arguments.of(SiteVariants.INGRESS, new CloudCoreServiceView("kubeedge", "ClusterIP", "RequireDualStack",
                        dual, PORTS)),
                Arguments.of(SiteVariants.IPV6_ONLY, new CloudCoreServiceView("kubeedge", "LoadBalancer", "SingleStack",
                        List.of(IpFamily.IPv6), PORTS)),
                // hostNetwork with QUIC: in-cluster Service, a UDP port, dual-stack preferred only
                Arguments.of(SiteVariants.IPV6_PRIMARY_HOSTNETWORK, new CloudCoreServiceView("kubeedge", "ClusterIP",
                        "PreferDualStack", List.of(IpFamily.IPv6, IpFamily.IPv4), List.of(PORTS.get(0),
                        new Port("cloudhub-quic", "UDP", 10001, Optional.empty()), PORTS.get(1), PORTS.get(2),
                        PORTS.get(3)))));
    }

    @ParameterizedTest
    @MethodSource("services")
    void serviceView(SiteVariants site, CloudCoreServiceView expected) {
        assertThat(PlannedViews.at(new CloudCoreBuilder().files(site.facts()), CloudCoreBuilder.SERVICE,
                CloudCoreServiceView.class)).isEqualTo(expected);
    }

    static Stream<Arguments> configs() {
        return Stream.of(
                Arguments.of(SiteVariants.DUAL, new CloudCoreConfigView("kubeedge", List.of("192.0.2.10", "2001:db8::10"),
                        List.of(), 1000, 5000, 10000, 1000, 120, 1000, 1524, 2024, 2024,
                        10000, false, 10001, 10002, 10003, 10004, false, Optional.empty())),
                Arguments.of(SiteVariants.IPV6_PRIMARY_HOSTNETWORK, new CloudCoreConfigView("kubeedge",
                        List.of("2001:db8:20::10", "198.51.100.10"), List.of("cloudcore.telco-west.example.net"),
                        1000, 5000, 10000, 1000, 120, 1000, 1524, 2024, 2024, 10000, true, 10001, 10002, 10003, 10004, false, Optional.empty())));
    }

    @ParameterizedTest
    @MethodSource("configs")
    void configView(SiteVariants site, CloudCoreConfigView expected) {
        assertThat(PlannedViews.at(new CloudCoreBuilder().files(site.facts()), CloudCoreBuilder.CONFIGMAP,
                CloudCoreConfigView.class)).isEqualTo(expected);
    }
}
