package io.github.dualstack.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.plan.view.CalicoConfigView;
import io.github.dualstack.core.plan.view.CalicoNodePatchView;
import io.github.dualstack.core.plan.view.CalicoNodePatchView.EnvVar;
import io.github.dualstack.core.plan.view.CalicoPoolsView;
import io.github.dualstack.core.plan.view.CalicoPoolsView.Pool;
import io.github.dualstack.core.plan.view.CalicoPoolsView.TunnelMode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CalicoBuilderTest {

    static Stream<Arguments> sites() {
        return Stream.of(
                Arguments.of(SiteVariants.DUAL, new CalicoConfigView("bird", "true", "true"), List.of(
                        new Pool(IpFamily.IPv4, "ipv4", "default-ipv4-ippool", "10.244.0.0/16", 26, true,
                                TunnelMode.Always, TunnelMode.Never),
                        new Pool(IpFamily.IPv6, "ipv6", "default-ipv6-ippool", "fd00:10:244::/56", 122, true,
                                TunnelMode.Never, TunnelMode.Never)),
                        Map.of("IP", "autodetect", "IP6", "autodetect", "FELIX_IPV6SUPPORT", "true",
                                "CALICO_IPV4POOL_IPIP", "Always", "CALICO_IPV6POOL_VXLAN", "Never",
                                "IP_AUTODETECTION_METHOD", "interface=^eth0$")),
                Arguments.of(SiteVariants.IPV6_ONLY, new CalicoConfigView("bird", "false", "true"), List.of(
                        new Pool(IpFamily.IPv6, "ipv6", "default-ipv6-ippool", "fd00:30:244::/56", 122, true,
                                TunnelMode.Never, TunnelMode.Never)),
                        Map.of("IP", "none", "CALICO_ROUTER_ID", "hash", "CALICO_IPV4POOL_CIDR", "none",
                                "CALICO_IPV6POOL_CIDR", "fd00:30:244::/56", "IP6_AUTODETECTION_METHOD", "interface=^eth0$")),
                // every pool VXLAN: the vxlan backend; autodetection from the descriptor; IPv6 pool first
                Arguments.of(SiteVariants.IPV6_PRIMARY_HOSTNETWORK, new CalicoConfigView("vxlan", "true", "true"), List.of(
                        new Pool(IpFamily.IPv6, "ipv6", "default-ipv6-ippool", "fd00:20:244::/56", 122, true,
                                TunnelMode.Never, TunnelMode.Always),
                        new Pool(IpFamily.IPv4, "ipv4", "default-ipv4-ippool", "10.20.0.0/16", 26, true,
                                TunnelMode.Never, TunnelMode.Always)),
                        Map.of("IP6_AUTODETECTION_METHOD", "interface=^ens3$", "CALICO_IPV4POOL_VXLAN", "Always",
                                "CALICO_IPV4POOL_IPIP", "Never", "CALICO_IPV6POOL_BLOCK_SIZE", "122")),
                Arguments.of(SiteVariants.VXLAN_CROSS_SUBNET, new CalicoConfigView("vxlan", "true", "true"), List.of(
                        new Pool(IpFamily.IPv4, "ipv4", "default-ipv4-ippool", "10.244.0.0/16", 26, true,
                                TunnelMode.Never, TunnelMode.CrossSubnet),
                        new Pool(IpFamily.IPv6, "ipv6", "default-ipv6-ippool", "fd00:10:244::/56", 122, true,
                                TunnelMode.Never, TunnelMode.CrossSubnet)),
                        Map.of("CALICO_IPV4POOL_VXLAN", "CrossSubnet", "CALICO_IPV6POOL_NAT_OUTGOING", "true")));
    }

    @ParameterizedTest
    @MethodSource("sites")
    void calicoViews(SiteVariants site, CalicoConfigView config, List<Pool> pools, Map<String, String> someEnv) {
        List<PlannedFile> files = new CalicoBuilder().files(site.facts()).toList();
        assertThat(files).extracting(PlannedFile::path)
                .containsExactly(CalicoBuilder.CONFIG, CalicoBuilder.PATCH, CalicoBuilder.POOLS);
        assertThat(PlannedViews.at(files.stream(), CalicoBuilder.CONFIG, CalicoConfigView.class)).isEqualTo(config);
        assertThat(PlannedViews.at(files.stream(), CalicoBuilder.POOLS, CalicoPoolsView.class).pools()).isEqualTo(pools);
        List<EnvVar> env = PlannedViews.at(files.stream(), CalicoBuilder.PATCH, CalicoNodePatchView.class).env();
        assertThat(env).extracting(EnvVar::name).doesNotHaveDuplicates();
        assertThat(env.stream().collect(Collectors.toMap(EnvVar::name, EnvVar::value))).containsAllEntriesOf(someEnv);
    }

    @Test
    void anIpv6PoolHasNoIpipVariableAndADualStackSiteNoRouterId() {
        List<String> names = PlannedViews.all(new CalicoBuilder().files(SiteVariants.DUAL.facts()),
                CalicoNodePatchView.class).get(0).env().stream().map(EnvVar::name).toList();
        assertThat(names).contains("CALICO_IPV4POOL_IPIP").doesNotContain("CALICO_IPV6POOL_IPIP", "CALICO_ROUTER_ID");
    }

    @Test
    void noCalicoSectionNoFiles() {
        assertThat(new CalicoBuilder().files(SiteVariants.NO_CALICO.facts())).isEmpty();
    }
}
