package io.github.dualstack.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
/** preflight.sh on a cloud node before the rollout: addresses, routes and sysctls, every problem reported. */
class PreflightScriptTest extends ScriptHarness {

    private static final String SYSCTLS_OK = String.join("\n", "net.ipv4.ip_forward=1",
            "net.ipv6.conf.all.disable_ipv6=0", "net.ipv6.conf.default.disable_ipv6=0", "net.ipv6.conf.all.forwarding=1",
            "net.ipv6.conf.eth0.accept_ra=2");

    @Test
    void preflightPassesOnAConfiguredNode() throws IOException {
        Path preflight = script(load("dual-stack-site"), "scripts/preflight.sh");
        Run r = run(List.of("bash", preflight.toString(), "worker-1"), Map.of(
                "FAKE_ADDRS", "inet 192.0.2.11/24\ninet6 2001:db8::11/64", "FAKE_ROUTE6", "default via fe80::1 dev eth0",
                "FAKE_SYSCTL", SYSCTLS_OK, "FAKE_DROPIN", "1"));
        assertThat(r.exit).as(r.out + r.err).isZero();
        assertThat(r.out).contains("PASS  IPv6 enabled").contains("PASS  IPv6 default or global route present")
                .contains("PASS  address 192.0.2.11 is on eth0").contains("PASS  address 2001:db8::11 is on eth0")
                .contains("PASS  sysctl net.ipv6.conf.eth0.accept_ra = 2")
                .contains("PASS  kubelet drop-in 20-dualstack.conf installed")
                .contains("preflight worker-1: 11 passed, 0 failed")
                .doesNotContain("FAIL");
    }

    @Test
    void preflightReportsEachProblemAndExitsNonZero() throws IOException {
        Path preflight = script(load("dual-stack-site"), "scripts/preflight.sh");
        Run r = run(List.of("bash", preflight.toString()), Map.of(
                "FAKE_HOSTNAME", "master-1",                            // no argument: the host name
                "FAKE_ADDRS", "inet 192.0.2.100/24\ninet6 2001:db8::10/64", "FAKE_ROUTE6", "",
                "FAKE_SYSCTL", SYSCTLS_OK.replace("accept_ra=2", "accept_ra=1")));
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.out).contains("FAIL  no IPv6 default or global route")
                .contains("FAIL  address 192.0.2.10 is not on eth0")
                .contains("PASS  address 2001:db8::10 is on eth0")
                .contains("FAIL  sysctl net.ipv6.conf.eth0.accept_ra = 1, 99-dualstack.conf sets 2")
                .contains("sysctl --system")
                .contains("FAIL  kubelet drop-in missing: install nodes/master-1/etc/systemd/system/kubelet.service.d/20-dualstack.conf")
                .contains("preflight master-1: 6 passed, 4 failed");
    }

    @Test
    void preflightPrerequisitesSkipTheInstalledConfigurationAndUnknownNodesAreAUsageError() throws IOException {
        Path preflight = script(load("ipv6-only"), "scripts/preflight.sh");
        Run r = run(List.of("bash", preflight.toString(), "--prerequisites", "cp-1"), Map.of(
                "FAKE_ADDRS", "inet6 2001:db8:30::10/64", "FAKE_ROUTE6", "default via fe80::1 dev eth0",
                "FAKE_SYSCTL", "net.ipv6.conf.all.disable_ipv6=0"));
        assertThat(r.exit).as(r.out + r.err).isZero();
        assertThat(r.out).doesNotContain("sysctl net.").doesNotContain("kubelet").contains("3 passed, 0 failed");
        Run unknown = run(List.of("bash", preflight.toString(), "edge-9"), Map.of());
        assertThat(unknown.exit).isEqualTo(2);
        assertThat(unknown.err).contains("edge-9 is not a cloud node of this site").contains("cp-1 worker-1");
    }

    @Test
    void preflightWantsADefaultOrGlobalIpv6RouteNotJustLinkLocalOnes() throws IOException {
        Path preflight = script(load("dual-stack-site"), "scripts/preflight.sh");
        // what `ip -6 route show` prints on a host whose interfaces have IPv6 but no address or router beyond the link
        String linkLocalOnly = String.join("\n", "fe80::/64 dev eth0 proto kernel metric 256 pref medium",
                "fe80::/64 dev cali1234abcd proto kernel metric 256 pref medium",
                "multicast ff00::/8 dev eth0 table local proto kernel metric 256 pref medium",
                "unreachable 2001:db8:ffff::/48 dev lo proto static metric 1024 error -113 pref medium");
        Map<String, Boolean> routes = Map.of(
                linkLocalOnly, false,
                "", false,
                "default via fe80::1 dev eth0 proto ra metric 1024 expires 1797sec hoplimit 64 pref medium", true,
                linkLocalOnly + "\n2001:db8::/64 dev eth0 proto kernel metric 256 pref medium", true,
                "fd00:10:1::/64 dev eth0 proto kernel metric 256 pref medium", true);
        routes.forEach((route, passes) -> {
            try {
                Run r = run(List.of("bash", preflight.toString(), "--prerequisites", "worker-1"), Map.of(
                        "FAKE_ADDRS", "inet 192.0.2.11/24\ninet6 2001:db8::11/64", "FAKE_ROUTE6", route,
                        "FAKE_SYSCTL", "net.ipv6.conf.all.disable_ipv6=0"));
                assertThat(r.out).as(route).contains(passes ? "PASS  IPv6 default or global route present"
                        : "FAIL  no IPv6 default or global route (ip -6 route show has none beyond link-local fe80::/10)");
                assertThat(r.exit).as(route).isEqualTo(passes ? 0 : 1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
