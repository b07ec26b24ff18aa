package io.github.dualstack.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.FleetSite;
import io.github.dualstack.core.model.Site;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * join.sh on a node whose addresses are found at join time: the one global, preferred, non-temporary address is
 * picked from what {@code ip -j addr} prints (shapes of iproute2's JSON: one object per address in addr_info,
 * flags as booleans, preferred_life_time 0 once deprecated), and installed as nodeIP.
 */
class JoinDiscoveryTest extends ScriptHarness {

    private static final String SITE = FleetSite.HEAD + """
                defaults: {kubeedgeVersion: v1.22.0, interface: eth0, hubFamily: IPv6}
                groups:
                  - name: north
                    discover: {recheckEvery: 5min, ipv6: {prefix: "2001:db8:4000::/36"}}
                    nodes:
                      - {name: shop-1, addresses: {ipv4: 172.16.8.20}}
                      - {name: shop-3, addresses: {ipv4: 172.16.8.23, ipv6: "2001:db8:4000:3::23"}}
                  - name: any
                    discover: {ipv6: {}}
                    nodes:
                      - {name: shop-2, addresses: {ipv4: 172.16.8.21}}
            """;

    /** An interface as SLAAC with privacy extensions leaves it: stable, temporary, deprecated, ULA, link-local. */
    private static final String SLAAC = "[{\"ifindex\":2,\"ifname\":\"eth0\",\"flags\":[\"BROADCAST\",\"MULTICAST\",\"UP\",\"LOWER_UP\"],"
            + "\"mtu\":1500,\"operstate\":\"UP\",\"addr_info\":["
            + addr("2001:db8:4000:1:8d2e:41f3:77a0:19c2", "\"temporary\":true,\"dynamic\":true,", 14000)
            + "," + addr("2001:db8:4000:1::5", "\"dynamic\":true,\"mngtmpaddr\":true,\"noprefixroute\":true,", 14000)
            + "," + addr("2001:db8:4000:1::9", "\"deprecated\":true,\"dynamic\":true,", 0)
            + "," + addr("2001:db8:4000:2::7", "\"tentative\":true,", 4294967295L)
            + "," + addr("fd12:3456::5", "", 4294967295L)
            + ",{\"family\":\"inet6\",\"local\":\"fe80::5054:ff:fe12:3456\",\"prefixlen\":64,\"scope\":\"link\","
            + "\"valid_life_time\":4294967295,\"preferred_life_time\":4294967295}]}]";

    private static String addr(String a, String flags, long preferred) {
        return "{\"family\":\"inet6\",\"local\":\"" + a + "\",\"prefixlen\":64,\"scope\":\"global\"," + flags
                + "\"valid_life_time\":86000,\"preferred_life_time\":" + preferred + "}";
    }

    @BeforeEach
    void fakeIpJson() throws IOException {
        tool("ip", """
                echo "ip $*" >> "$FAKE_LOG"
                if [ "$1 $2" = "-j -6" ]; then printf '%s\\n' "$FAKE_IPJ6"; exit 0; fi
                exit 1
                """);
    }

    private Run join(String node, String ipj6) throws IOException {
        Path script = writeEdge(loadText(SITE), node);
        return run(List.of("bash", script.toString(), "--dry-run", "--skip-preflight", "--config-only"),
                Map.of("FAKE_IPJ6", ipj6));
    }

    @Test
    void picksTheStablePreferredAddressInsideThePrefixAndInstallsItAsNodeIp() throws IOException {
        Run r = join("shop-1", SLAAC);
        assertThat(r.exit).as(r.out + r.err).isZero();
        assertThat(r.out).contains("join.sh: nodeIP 172.16.8.20,2001:db8:4000:1::5 (found on eth0)");
        assertThat(fakeLog()).contains("ip -j -6 addr show dev eth0");
    }

    @Test
    void withoutAPrefixAUlaIsNoCandidateAndASecondGlobalIsAmbiguous() throws IOException {
        Run one = join("shop-2", SLAAC);
        assertThat(one.exit).as(one.out + one.err).isZero();
        assertThat(one.out).contains("nodeIP 172.16.8.21,2001:db8:4000:1::5 ");
        String two = SLAAC.replace("]}]", "," + addr("2001:db8:9999::5", "", 4294967295L) + "]}]");
        Run r = join("shop-2", two);
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.err).contains("more than one usable address (prefix any) on eth0")
                .contains("candidate 2001:db8:4000:1::5").contains("candidate 2001:db8:9999::5")
                .contains("skipped fd12:3456::5 (unique local (fc00::/7))");
    }

    @Test
    void failsListingWhatItFoundWhenNothingQualifies() throws IOException {
        Run r = join("shop-1", SLAAC.replace("2001:db8:4000:1::5", "2001:db8:7000:1::5"));
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.err).contains("cannot find this node's address: no usable address (prefix 2001:db8:4000::/36) on eth0")
                .contains("skipped 2001:db8:4000:1:8d2e:41f3:77a0:19c2 (temporary)")
                .contains("skipped 2001:db8:4000:1::9 (deprecated)")
                .contains("skipped 2001:db8:4000:2::7 (tentative)")
                .contains("skipped 2001:db8:7000:1::5 (outside 2001:db8:4000::/36)")
                .contains("skipped fe80::5054:ff:fe12:3456 (scope link)");
        assertThat(fakeLog()).doesNotContain("systemctl");
    }

    @Test
    void theCommittedEdgecoreHasNoNodeIpAndTheInstalledOneHasTheAddressFound() throws IOException {
        Site site = loadText(SITE);
        assertThat(edgecore(site, "shop-1").path("modules").path("edged").has("nodeIP")).isFalse();
        Path script = writeEdge(site, "shop-1");
        String withNodeIp = run(List.of("bash", "-c", "source <(sed -n '/^with_node_ip()/,/^}/p' \"$1\"); GENERATED=\"$2\";"
                + " with_node_ip 172.16.8.20,2001:db8:4000:1::5", "t", script.toString(),
                script.getParent().resolve("etc/kubeedge/config/edgecore.yaml").toString()), Map.of()).out;
        assertThat(parse(withNodeIp).path("modules").path("edged").path("nodeIP").asText())
                .isEqualTo("172.16.8.20,2001:db8:4000:1::5");
        assertThat(Files.readString(script.resolveSibling("join.env"))).contains("\nDISCOVER=-6 2001:db8:4000::/36\n")
                .contains("\nNODE_IP_ORDER=-4 -6\n");
    }

    /** verify.sh expects a discovered address as any one address of its family, in its place in the pair. */
    @Test
    void verifyAcceptsAnyAddressOfADiscoveredFamilyAndNothingElse() throws IOException {
        Path verify = writeScripts(loadText(SITE), tmp.resolve("site")).stream()
                .filter(p -> p.endsWith("scripts/verify.sh")).findFirst().orElseThrow();
        assertThat(Files.readString(verify)).contains("shop-1 172.16.8.20,any-ipv6 edge");
        Path nodes = Files.writeString(tmp.resolve("nodes.txt"), String.join("", List.of(
                "master-1\t198.51.100.10,2001:db8:100::10,\tTrue\n",
                "shop-1\t172.16.8.20,2001:db8:4000:1::5,\tTrue\t10351\n",
                "shop-2\t172.16.8.21,\tTrue\t10352\n",
                "shop-3\t172.16.8.23,2001:db8:4000:3::23,\tTrue\t10353\n")));
        Run r = run(List.of("bash", verify.toString()), Map.of("FAKE_NODES", nodes.toString()));
        assertThat(r.out).contains("nodes: 3 ok, 1 wrong")
                .contains("WRONG edge node shop-2: InternalIPs 172.16.8.21, want 172.16.8.21,any-ipv6");
    }

    /** Run again (by hand or a timer), --config-only restarts edgecore only when the address found has changed. */
    @Test
    void aRerunRestartsEdgecoreOnlyWhenTheAddressChanged() throws IOException {
        Path script = writeEdge(loadText(SITE), "shop-1");
        Path kubeedge = Files.createDirectories(tmp.resolve("ke/config")).getParent();
        Files.writeString(script, Files.readString(script).replace("\nKUBEEDGE_DIR=/etc/kubeedge\n",
                "\nKUBEEDGE_DIR=" + kubeedge + "\n"));
        String installed = run(List.of("bash", "-c", "source <(sed -n '/^with_node_ip()/,/^}/p' \"$1\"); GENERATED=\"$2\";"
                + " with_node_ip 172.16.8.20,2001:db8:4000:1::5", "t", script.toString(),
                script.getParent().resolve("etc/kubeedge/config/edgecore.yaml").toString()), Map.of()).out;
        Files.writeString(kubeedge.resolve("config/edgecore.yaml"), installed);
        List<String> rerun = List.of("bash", script.toString(), "--dry-run", "--skip-preflight", "--config-only");
        Run same = run(rerun, Map.of("FAKE_IPJ6", SLAAC));
        assertThat(same.exit).as(same.out + same.err).isZero();
        assertThat(same.out).contains("already has nodeIP 172.16.8.20,2001:db8:4000:1::5; edgecore not restarted")
                .doesNotContain("systemctl restart edgecore");
        Run moved = run(rerun, Map.of("FAKE_IPJ6", SLAAC.replace("2001:db8:4000:1::5", "2001:db8:4000:2::5")));
        assertThat(moved.exit).as(moved.out + moved.err).isZero();
        assertThat(moved.out).contains("nodeIP 172.16.8.20,2001:db8:4000:2::5").contains("systemctl restart edgecore");
    }

    /** The timer's files in the test's directories instead of the node's, for a real run. */
    private Path forReal(Path script) throws IOException {
        replaceOnce(script, new String[] {"\nKUBEEDGE_DIR=/etc/kubeedge\n", "\nKUBEEDGE_DIR=" + tmp.resolve("ke") + "\n"},
                new String[] {"\nRECHECK_DIR=/usr/local/lib/dualstack\n", "\nRECHECK_DIR=" + tmp.resolve("lib") + "\n"},
                new String[] {"\nUNIT_DIR=/etc/systemd/system\n", "\nUNIT_DIR=" + tmp.resolve("units") + "\n"},
                new String[] {"$EUID -ne 0", "0 -ne 0"});
        Files.createDirectories(tmp.resolve("ke/config"));
        return script;
    }

    @Test
    void aDryRunShowsTheRecheckTimerAndANodeThatDiscoversNothingGetsNone() throws IOException {
        Site site = loadText(SITE);
        assertThat(Files.readString(writeEdge(site, "shop-1").resolveSibling("join.env"))).endsWith("\nRECHECK_EVERY=5min\n");
        Run r = join("shop-1", SLAAC);
        assertThat(r.exit).as(r.out + r.err).isZero();
        assertThat(r.out).contains("""
                # /etc/systemd/system/dualstack-nodeip.service:
                #   [Unit]
                #   Description=Find the address of edge node shop-1 again and restart edgecore when its nodeIP changed
                #   Wants=network-online.target
                #   After=network-online.target
                #  \s
                #   [Service]
                #   Type=oneshot
                #   ExecStart=/usr/local/lib/dualstack/join.sh --config-only --skip-preflight /usr/local/lib/dualstack/node
                """).contains("""
                #   [Timer]
                #   OnBootSec=5min
                #   OnUnitActiveSec=5min
                """).contains("install -D -m 0755 ").contains(" /usr/local/lib/dualstack/join.sh\n")
                .contains(" /usr/local/lib/dualstack/node/join.env\n")
                .contains("systemctl daemon-reload\nsystemctl enable --now dualstack-nodeip.timer\n");
        // shop-3 is of the same group, but knows both its addresses
        Path fixed = writeEdge(site, "shop-3");
        assertThat(Files.readString(fixed.resolveSibling("join.env"))).endsWith("\nRECHECK_EVERY=\n");
        Run none = run(List.of("bash", fixed.toString(), "--dry-run", "--skip-preflight", "--config-only"), Map.of());
        assertThat(none.exit).as(none.out + none.err).isZero();
        assertThat(none.out).doesNotContain("dualstack-nodeip").contains("systemctl restart edgecore");
    }

    /**
     * A real config-only run installs the timer; the timer's own run (the kept copy, no preflight, no token)
     * changes nothing while the address stays, restarts edgecore only when it moves, and a rerun with a new span
     * replaces the timer alone.
     */
    @Test
    void theRecheckTimerRerunsTheKeptCopyAndARerunReplacesItIdempotently() throws IOException {
        Path script = forReal(writeEdge(loadText(SITE), "shop-1"));
        Map<String, String> here = Map.of("FAKE_IPJ6", SLAAC);
        Run first = run(List.of("bash", script.toString(), "--skip-preflight", "--config-only"), here);
        assertThat(first.exit).as(first.out + first.err).isZero();
        Path units = tmp.resolve("units");
        assertThat(units.resolve("dualstack-nodeip.timer")).content().contains("OnUnitActiveSec=5min\n");
        assertThat(units.resolve("dualstack-nodeip.service")).content().contains("ExecStart=" + tmp.resolve("lib/join.sh")
                + " --config-only --skip-preflight " + tmp.resolve("lib/node") + "\n");
        assertThat(mode(tmp.resolve("lib/join.sh"))).isEqualTo("rwxr-xr-x");
        assertThat(tmp.resolve("lib/node/join.env")).hasSameTextualContentAs(script.resolveSibling("join.env"));
        assertThat(fakeLog()).contains("systemctl restart edgecore\nsystemctl daemon-reload\n"
                + "systemctl enable --now dualstack-nodeip.timer\n");
        assertThat(tmp.resolve("ke/config/edgecore.yaml")).content().contains("nodeIP: 172.16.8.20,2001:db8:4000:1::5\n");

        Files.writeString(log, "");
        List<String> timer = List.of("bash", tmp.resolve("lib/join.sh").toString(), "--config-only", "--skip-preflight",
                tmp.resolve("lib/node").toString());
        Run same = run(timer, here);
        assertThat(same.exit).as(same.out + same.err).isZero();
        assertThat(same.out).contains("edgecore not restarted");
        assertThat(fakeLog()).doesNotContain("systemctl");
        Run moved = run(timer, Map.of("FAKE_IPJ6", SLAAC.replace("2001:db8:4000:1::5", "2001:db8:4000:2::5")));
        assertThat(moved.exit).as(moved.out + moved.err).isZero();
        assertThat(fakeLog()).contains("systemctl restart edgecore\n").doesNotContain("daemon-reload");
        assertThat(tmp.resolve("ke/config/edgecore.yaml")).content().contains("nodeIP: 172.16.8.20,2001:db8:4000:2::5\n");

        Files.writeString(log, "");
        Path env = script.resolveSibling("join.env");
        Files.writeString(env, Files.readString(env).replace("RECHECK_EVERY=5min", "RECHECK_EVERY=1h 30min"));
        Run respan = run(List.of("bash", script.toString(), "--skip-preflight", "--config-only"), here);
        assertThat(respan.exit).as(respan.out + respan.err).isZero();
        assertThat(units.resolve("dualstack-nodeip.timer")).content().contains("OnUnitActiveSec=1h 30min\n")
                .doesNotContain("5min");
        assertThat(fakeLog()).contains("systemctl daemon-reload\nsystemctl enable --now dualstack-nodeip.timer\n");
        Files.writeString(log, "");
        Run again = run(List.of("bash", script.toString(), "--skip-preflight", "--config-only"), here);
        assertThat(again.exit).as(again.out + again.err).isZero();
        assertThat(fakeLog()).doesNotContain("daemon-reload").doesNotContain("enable");
    }
}
