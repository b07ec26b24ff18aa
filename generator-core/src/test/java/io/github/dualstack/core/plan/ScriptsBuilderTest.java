package io.github.dualstack.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.plan.view.CaUrl;
import io.github.dualstack.core.plan.view.FamilyAddress;
import io.github.dualstack.core.plan.view.PreflightView;
import io.github.dualstack.core.plan.view.RegenerateCertsView;
import io.github.dualstack.core.plan.view.SysctlView;
import io.github.dualstack.core.plan.view.VerifyView;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScriptsBuilderTest {

    static Stream<Arguments> sites() {
        return Stream.of(
                Arguments.of(SiteVariants.DUAL, true, true, List.of(
                        new VerifyView.Node("master-1", "192.0.2.10,2001:db8::10", false),
                        new VerifyView.Node("worker-1", "192.0.2.11,2001:db8::11", false),
                        new VerifyView.Node("edge-0001", "192.0.2.101,2001:db8::101", true),
                        new VerifyView.Node("edge-0002", "192.0.2.102,2001:db8::102", true),
                        new VerifyView.Node("edge-0003", "192.0.2.103,2001:db8::103", true)), Optional.empty()),
                Arguments.of(SiteVariants.IPV6_ONLY, false, true, List.of(
                        new VerifyView.Node("cp-1", "2001:db8:30::10", false),
                        new VerifyView.Node("worker-1", "2001:db8:30::11", false),
                        new VerifyView.Node("sensor-01", "2001:db8:31::1", true)), Optional.empty()),
                Arguments.of(SiteVariants.IPV6_PRIMARY_HOSTNETWORK, true, true, List.of(
                        new VerifyView.Node("cp-1", "2001:db8:20::10,198.51.100.10", false),
                        new VerifyView.Node("cell-site-001", "2001:db8:21::1,198.51.100.101", true),
                        new VerifyView.Node("cell-site-002", "2001:db8:21::2,198.51.100.102", true)),
                        Optional.of(new RegenerateCertsView("kubeedge", "kubeedge", List.of(
                                new CaUrl("-6", "https://[2001:db8:20::10]:10002/ca.crt"),
                                new CaUrl("-4", "https://198.51.100.10:10002/ca.crt")),
                                List.of("2001:db8:20::10", "198.51.100.10"), List.of("cloudcore.telco-west.example.net")))));
    }

    @ParameterizedTest
    @MethodSource("sites")
    void scriptViews(SiteVariants site, boolean ipv4, boolean ipv6, List<VerifyView.Node> expected,
                     Optional<RegenerateCertsView> regenerate) {
        List<PlannedFile> files = new ScriptsBuilder().files(site.facts()).toList();
        PreflightView preflight = PlannedViews.at(files.stream(), "scripts/preflight.sh", PreflightView.class);
        assertThat(preflight.ipv4()).isEqualTo(ipv4);
        assertThat(preflight.ipv6()).isEqualTo(ipv6);
        VerifyView verify = PlannedViews.at(files.stream(), "scripts/verify.sh", VerifyView.class);
        assertThat(verify.nodes()).isEqualTo(expected);
        assertThat(verify.namespace()).isEqualTo("kubeedge");
        assertThat(PlannedViews.all(files.stream(), RegenerateCertsView.class)).isEqualTo(regenerate.stream().toList());
    }

    @Test
    void verifyChecksEveryDnsNameAnEdgeDialsOncePerHubFamilyAfterTheAdvertiseAddresses() {
        VerifyView verify = PlannedViews.at(new ScriptsBuilder().files(SiteVariants.IPV6_PRIMARY_HOSTNETWORK.facts()),
                "scripts/verify.sh", VerifyView.class);
        // cell-site-002 dials the name over IPv6; cell-site-001 dials the first IPv6 advertise address
        assertThat(verify.caUrls()).containsExactly(new CaUrl("-6", "https://[2001:db8:20::10]:10002/ca.crt"),
                new CaUrl("-4", "https://198.51.100.10:10002/ca.crt"),
                new CaUrl("-6", "https://cloudcore.telco-west.example.net:10002/ca.crt"));
        // a site without DNS names checks its advertise addresses alone
        assertThat(PlannedViews.at(new ScriptsBuilder().files(SiteVariants.DUAL.facts()), "scripts/verify.sh",
                VerifyView.class).caUrls()).containsExactly(new CaUrl("-4", "https://192.0.2.10:30002/ca.crt"),
                new CaUrl("-6", "https://[2001:db8::10]:30002/ca.crt"));
    }

    @Test
    void preflightChecksEachNodesAddressesAndTheSysctlsItsFileSets() {
        SiteFacts facts = SiteVariants.DUAL.facts();
        PreflightView.Node worker = PlannedViews.all(new ScriptsBuilder().files(facts), PreflightView.class).get(0)
                .nodes().get(1);
        assertThat(worker.name()).isEqualTo("worker-1");
        assertThat(worker.interfaceName()).isEqualTo("eth0");
        assertThat(worker.addresses()).containsExactly(new FamilyAddress(IpFamily.IPv4, "-4", "192.0.2.11"),
                new FamilyAddress(IpFamily.IPv6, "-6", "2001:db8::11"));
        assertThat(worker.sysctl()).isEqualTo(PlannedViews.at(new NodeConfigBuilder().files(facts),
                "nodes/worker-1/etc/sysctl.d/99-dualstack.conf", SysctlView.class).settings());
    }
}
