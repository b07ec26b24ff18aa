package io.github.dualstack.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.model.Kubernetes.KubeProxyMode;
import io.github.dualstack.core.plan.view.KubeProxyView;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KubeProxyBuilderTest {

    static Stream<Arguments> sites() {
        return Stream.of(
                Arguments.of(SiteVariants.DUAL, new KubeProxyView("0.0.0.0", "10.244.0.0/16,fd00:10:244::/56",
                        KubeProxyMode.iptables, "https://192.0.2.10:6443")),
                Arguments.of(SiteVariants.IPV4_ONLY, new KubeProxyView("0.0.0.0", "10.244.0.0/16",
                        KubeProxyMode.iptables, "https://192.0.2.10:6443")),
                Arguments.of(SiteVariants.IPV6_ONLY, new KubeProxyView("::", "fd00:30:244::/56",
                        KubeProxyMode.iptables, "https://[2001:db8:30::10]:6443")),
                // controlPlaneEndpoint set in the descriptor, IPv6 primary
                Arguments.of(SiteVariants.IPV6_PRIMARY_HOSTNETWORK, new KubeProxyView("::",
                        "fd00:20:244::/56,10.20.0.0/16", KubeProxyMode.ipvs, "https://[2001:db8:20::10]:6443")));
    }

    @ParameterizedTest
    @MethodSource("sites")
    void kubeProxyView(SiteVariants site, KubeProxyView expected) {
        assertThat(PlannedViews.at(new KubeProxyBuilder().files(site.facts()), KubeProxyBuilder.PATH, KubeProxyView.class))
                .isEqualTo(expected);
    }
}
