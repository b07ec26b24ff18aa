package io.github.dualstack.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.plan.view.KubeletDropInView;
import io.github.dualstack.core.plan.view.SysctlSetting;
import io.github.dualstack.core.plan.view.SysctlView;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NodeConfigBuilderTest {

    static Stream<Arguments> nodes() {
        return Stream.of(
                Arguments.of(SiteVariants.DUAL, "worker-1", "192.0.2.11,2001:db8::11", List.of("net.ipv4.ip_forward",
                        "net.ipv6.conf.all.disable_ipv6", "net.ipv6.conf.default.disable_ipv6",
                        "net.ipv6.conf.all.forwarding", "net.ipv6.conf.eth0.accept_ra")),
                Arguments.of(SiteVariants.IPV4_ONLY, "master-1", "192.0.2.10", List.of("net.ipv4.ip_forward")),
                Arguments.of(SiteVariants.IPV6_PRIMARY_HOSTNETWORK, "cp-1", "2001:db8:20::10,198.51.100.10",
                        List.of("net.ipv4.ip_forward", "net.ipv6.conf.all.disable_ipv6",
                                "net.ipv6.conf.default.disable_ipv6", "net.ipv6.conf.all.forwarding",
                                "net.ipv6.conf.ens3.accept_ra")),
                Arguments.of(SiteVariants.IPV6_ONLY, "cp-1", "2001:db8:30::10", List.of("net.ipv6.conf.all.disable_ipv6",
                        "net.ipv6.conf.default.disable_ipv6", "net.ipv6.conf.all.forwarding",
                        "net.ipv6.conf.eth0.accept_ra")));
    }

    @ParameterizedTest
    @MethodSource("nodes")
    void dropInAndSysctlViews(SiteVariants site, String node, String nodeIp, List<String> keys) {
        List<PlannedFile> files = new NodeConfigBuilder().files(site.facts()).toList();
        String dir = "nodes/" + node + "/etc/";
        assertThat(PlannedViews.at(files.stream(), dir + "systemd/system/kubelet.service.d/20-dualstack.conf",
                KubeletDropInView.class)).isEqualTo(new KubeletDropInView(node, nodeIp, KubeletDropInView.KUBEADM_EXEC_START));
        List<SysctlSetting> settings = PlannedViews.at(files.stream(), dir + "sysctl.d/99-dualstack.conf",
                SysctlView.class).settings();
        assertThat(settings).extracting(SysctlSetting::key).containsExactlyElementsOf(keys);
        // every setting explains itself except the one that repeats the line above it
        assertThat(settings).filteredOn(s -> s.comment().isEmpty()).extracting(SysctlSetting::key)
                .isSubsetOf("net.ipv6.conf.default.disable_ipv6");
    }

    @Test
    void aVlanInterfaceNeedsTheSlashForm() {
        assertThat(Sysctls.interfaceKey("eth0.100", "accept_ra")).isEqualTo("net/ipv6/conf/eth0.100/accept_ra");
        assertThat(Sysctls.interfaceKey("eth0", "accept_ra")).isEqualTo("net.ipv6.conf.eth0.accept_ra");
    }
}
