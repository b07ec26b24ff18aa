package io.github.dualstack.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.model.Site;
import io.github.dualstack.core.plan.PlannedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
/** join.sh on an edge node: the keadm join it runs, where the token comes from, and where it never rests. */
class JoinScriptTest extends ScriptHarness {

    @Test
    void joinScriptHoldsNoToken() {
        for (String sample : SAMPLES) {
            for (PlannedFile f : files(load(sample))) {
                if (f.template().fileName().equals("join.sh.ftl")) {
                    String text = render(f);
                    assertThat(text).contains("\"--token=$token\"");
                    assertThat(text.lines().filter(l -> l.contains("--token=")))
                            .allMatch(l -> l.contains("--token=$token") || l.contains("--token=<redacted>"));
                }
            }
        }
    }

    @Test
    void joinDryRunPrintsKeadmJoinWithTheBracketedEndpointAndRunsNothing() throws IOException {
        Path script = writeEdge(load("dual-stack-site"), "edge-0001");
        Run r = run(List.of("bash", script.toString(), "--dry-run"), Map.of("KUBEEDGE_TOKEN", TOKEN,
                "FAKE_ADDRS", "inet 192.0.2.101/24\ninet6 2001:db8::101/64", "FAKE_ROUTE6", "default via fe80::1 dev eth0"));
        assertThat(r.exit).as(r.out + r.err).isZero();
        assertThat(r.out).contains("keadm join --cloudcore-ipport=[2001:db8::10]:30000 --certport=30002"
                + " --edgenode-name=edge-0001 --kubeedge-version=v1.22.0 --cgroupdriver=systemd"
                + " --remote-runtime-endpoint=unix:///run/containerd/containerd.sock --hub-protocol=websocket"
                + " --labels=line=1,site=factory-east");
        assertThat(r.out).contains("install -D -m 0644 " + script.getParent() + "/etc/kubeedge/config/edgecore.yaml"
                + " /etc/kubeedge/config/edgecore.yaml");
        assertThat(r.out).contains("systemctl restart edgecore");
        assertThat(r.out).contains("PASS  address 192.0.2.101 is on eth0").contains("PASS  address 2001:db8::101 is on eth0");
        assertThat(r.out + r.err).doesNotContain(TOKEN);
        assertThat(fakeLog()).doesNotContain("keadm").doesNotContain("systemctl")
                .contains("curl -gk -6 --max-time 10 -fsS -o /dev/null https://[2001:db8::10]:30002/ca.crt");
    }

    @Test
    void joinReadsTheTokenFromAFileAndChecksTheHubFamilyOfItsNode() throws IOException {
        Path script = writeEdge(load("dual-stack-site"), "edge-0002");   // hubFamily IPv4
        Path tokenFile = Files.writeString(tmp.resolve("token"), TOKEN + "\n");
        Run r = run(List.of("bash", script.toString(), "--dry-run", "--token-file", tokenFile.toString()),
                Map.of("FAKE_ADDRS", "inet 192.0.2.102/24\ninet6 2001:db8::102/64", "FAKE_ROUTE6", "default dev eth0"));
        assertThat(r.exit).as(r.out + r.err).isZero();
        assertThat(r.out).contains("keadm join --cloudcore-ipport=192.0.2.10:30000 ");
        assertThat(r.out + r.err).doesNotContain(TOKEN);
        assertThat(fakeLog()).contains("curl -gk -4 --max-time 10 -fsS -o /dev/null https://192.0.2.10:30002/ca.crt");
    }

    @Test
    void joinWithoutTokenFailsWithAClearMessageBeforeDoingAnything() throws IOException {
        Path script = writeEdge(load("dual-stack-site"), "edge-0001");
        for (List<String> args : List.of(List.<String>of(), List.of("--dry-run"))) {
            List<String> cmd = new ArrayList<>(List.of("bash", script.toString()));
            cmd.addAll(args);
            Run r = run(cmd, Map.of());
            assertThat(r.exit).as(args.toString()).isNotZero();
            assertThat(r.err).contains("no join token").contains("KUBEEDGE_TOKEN").contains("--token-file");
        }
        assertThat(fakeLog()).isEmpty();
    }

    @Test
    void joinDryRunReportsAMissingAddressAndAMissingIpv6Route() throws IOException {
        Path script = writeEdge(load("dual-stack-site"), "edge-0001");
        // 192.0.2.1010 must not count as 192.0.2.101
        Run r = run(List.of("bash", script.toString(), "--dry-run"), Map.of("KUBEEDGE_TOKEN", TOKEN,
                "FAKE_ADDRS", "inet 192.0.2.1010/24\ninet6 2001:db8::101/64", "FAKE_ROUTE6", ""));
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.out).contains("FAIL  address 192.0.2.101 is not on eth0").contains("FAIL  no IPv6 default or global route");
        assertThat(r.err).contains("a real run would stop before keadm join");
        assertThat(fakeLog()).doesNotContain("keadm").doesNotContain("systemctl");
    }

    @Test
    void joinDryRunFailsOnALinkLocalOnlyIpv6RouteAndAMissingCurl() throws IOException {
        Path script = writeEdge(load("dual-stack-site"), "edge-0001");
        Run r = run(List.of("bash", script.toString(), "--dry-run"), Map.of("KUBEEDGE_TOKEN", TOKEN,
                "FAKE_ADDRS", "inet 192.0.2.101/24\ninet6 2001:db8::101/64",
                "FAKE_ROUTE6", "fe80::/64 dev eth0 proto kernel metric 256 pref medium",
                "PATH", pathWithout("curl").toString()));
        assertThat(r.exit).as(r.out + r.err).isEqualTo(1);
        assertThat(r.out).contains("FAIL  no IPv6 default or global route")
                .contains("FAIL  curl not found on PATH: install curl to check that CloudCore answers at"
                        + " https://[2001:db8::10]:30002/ca.crt (or pass --skip-preflight)")
                .doesNotContain("CloudCore does not answer");
        assertThat(fakeLog()).doesNotContain("curl").doesNotContain("keadm");
    }

    @Test
    void joinHelpExplainsTheTokenSources() throws IOException {
        Path script = writeEdge(load("ipv6-only"), "sensor-01");
        Run r = run(List.of("bash", script.toString(), "--help"), Map.of());
        assertThat(r.exit).isZero();
        assertThat(r.out).contains("$KUBEEDGE_TOKEN").contains("--token-file FILE").contains("--dry-run")
                .contains("[NODE_DIR]").contains("join.env");
        assertThat(r.out.replaceAll("\\s+", " ")).contains("keadm join takes the token only on its command line")
                .contains("every local user can read it with ps or in /proc/PID/cmdline")
                .contains("12 to 24 hours").contains("no untrusted user").contains("--token-file /dev/stdin")
                .contains("keadm gettoken --kube-config KUBECONFIG").contains("keadm reads /root/.kube/config otherwise");
    }

    @Test
    void joinTurnsTracingOffBeforeItReadsTheToken() throws IOException {
        Path script = writeEdge(load("dual-stack-site"), "edge-0001");
        Run r = run(List.of("bash", "-x", script.toString(), "--dry-run", "--skip-preflight"), Map.of("KUBEEDGE_TOKEN", TOKEN));
        assertThat(r.exit).as(r.out + r.err).isZero();
        assertThat(r.err).contains("+ dry_run=true").contains("tracing turned off");
        assertThat(r.out + r.err).doesNotContain(TOKEN);
    }

    /**
     * A real join of a node whose edgecore only clears the token from keadm's edgecore.yaml while join.sh waits:
     * the backup is taken afterwards, 0600, and the token rests in no file.
     */
    @Test
    void joinKeepsKeadmsConfigOnlyOnceEdgecoreHasRemovedTheTokenAndReadableByRootOnly() throws IOException {
        Path input = Files.writeString(tmp.resolve("token-input"), TOKEN + "\n");
        Run r = joinForReal(Map.of("FAKE_CLEANUP", "later"), input, "--token-file", "/dev/stdin");
        assertThat(r.exit).as(r.out + r.err).isZero();
        assertThat(r.out + r.err).doesNotContain(TOKEN);
        assertThat(fakeLog()).contains("keadm join --cloudcore-ipport=[2001:db8::10]:30000 ")
                .contains(" --token=" + TOKEN + "\n")
                .contains("keadm made bootstrap-edgecore.conf 600, edgecore.yaml 600, config/ 700\n")
                .contains("systemctl restart edgecore");
        Path config = kubeedgeDir().resolve("config");
        assertThat(config.resolve("edgecore.yaml")).hasSameTextualContentAs(
                tmp.resolve("tree/edge/edge-0001/etc/kubeedge/config/edgecore.yaml"));
        assertThat(mode(config.resolve("edgecore.yaml"))).isEqualTo("rw-r--r--");
        Path backup = config.resolve("edgecore.yaml.keadm.bak");
        assertThat(backup).content().contains("token: \"\"").doesNotContain(TOKEN);
        assertThat(mode(backup)).isEqualTo("rw-------");
        assertThat(mode(kubeedgeDir())).isEqualTo("rwxr-xr-x");
        assertThat(filesHoldingTheToken(input)).isEmpty();
    }

    @Test
    void joinKeepsNoCopyOfAConfigThatStillHoldsTheToken() throws IOException {
        Run r = joinForReal(Map.of("FAKE_CLEANUP", "never", "KUBEEDGE_TOKEN", TOKEN), Path.of("/dev/null"));
        assertThat(r.exit).as(r.out + r.err).isZero();
        assertThat(r.err).contains("edgecore has not removed the join token").doesNotContain(TOKEN);
        assertThat(fakeLog()).contains("keadm env KUBEEDGE_TOKEN=\n");   // not inherited
        assertThat(kubeedgeDir().resolve("config/edgecore.yaml.keadm.bak")).doesNotExist();
        assertThat(kubeedgeDir().resolve("config/edgecore.yaml")).content().doesNotContain(TOKEN);
        assertThat(filesHoldingTheToken()).isEmpty();
    }

    @Test
    void failedJoinLeavesTheTokenReadableByRootOnly() throws IOException {
        Run r = joinForReal(Map.of("FAKE_KEADM_FAIL", "1", "KUBEEDGE_TOKEN", TOKEN), Path.of("/dev/null"));
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.err).contains("keadm join failed").contains("keadm reset edge").doesNotContain(TOKEN);
        assertThat(fakeLog()).doesNotContain("systemctl restart");
        Map<Path, String> holders = filesHoldingTheToken();
        // as a killed keadm leaves them: its edgecore.yaml and the bootstrap file
        assertThat(holders).containsOnlyKeys(kubeedgeDir().resolve("config/edgecore.yaml"),
                kubeedgeDir().resolve("bootstrap-edgecore.conf"));
        assertThat(holders).allSatisfy((file, mode) -> assertThat(mode).as(file.toString()).endsWith("------"));
        assertThat(kubeedgeDir().resolve("config/edgecore.yaml.keadm.bak")).doesNotExist();
    }

    @Test
    void theOneScriptJoinsTheNodeWhoseDirectoryItIsGiven() throws IOException {
        Site site = load("dual-stack-site");
        writeEdge(site, "edge-0001");
        writeEdge(site, "edge-0002");
        Path shared = tmp.resolve("tree/edge/join.sh");
        Run r = run(List.of("bash", shared.toString(), "--dry-run", "--skip-preflight",
                tmp.resolve("tree/edge/edge-0002").toString()), Map.of("KUBEEDGE_TOKEN", TOKEN));
        assertThat(r.exit).as(r.out + r.err).isZero();
        assertThat(r.out).contains("--edgenode-name=edge-0002 ").contains("keadm join --cloudcore-ipport=192.0.2.10:30000 ")
                .contains("install -D -m 0644 " + tmp.resolve("tree/edge/edge-0002/etc/kubeedge/config/edgecore.yaml"));

        Run none = run(List.of("bash", shared.toString(), "--dry-run"), Map.of("KUBEEDGE_TOKEN", TOKEN));
        assertThat(none.exit).isEqualTo(1);
        assertThat(none.err).contains("no join.env in .").contains("join.sh NODE_DIR");
        Run two = run(List.of("bash", shared.toString(), "a", "b"), Map.of());
        assertThat(two.exit).isEqualTo(2);
        assertThat(two.err).contains("one node directory only: b");
    }

    @Test
    void aNodeValuesFileWithAnUnknownOrMissingKeyStopsTheScriptBeforeAnything() throws IOException {
        Path script = writeEdge(load("dual-stack-site"), "edge-0001");
        Path env = script.resolveSibling("join.env");
        String good = Files.readString(env);
        Files.writeString(env, good + "PATH=/tmp/evil\n");
        Run unknown = run(List.of("bash", script.toString(), "--dry-run"), Map.of("KUBEEDGE_TOKEN", TOKEN));
        assertThat(unknown.exit).isEqualTo(1);
        assertThat(unknown.err).contains("join.env: unknown key PATH");
        Files.writeString(env, good.replaceAll("(?m)^CERT_PORT=.*\n", ""));
        Run missing = run(List.of("bash", script.toString(), "--dry-run"), Map.of("KUBEEDGE_TOKEN", TOKEN));
        assertThat(missing.exit).isEqualTo(1);
        assertThat(missing.err).contains("join.env: CERT_PORT is missing");
        assertThat(fakeLog()).isEmpty();
    }

    /** join.env.ftl writes exactly the keys that join.sh reads, in the same order. */
    @Test
    void theValuesTemplateAndTheScriptAgreeOnTheKeys() throws IOException {
        String script = Files.readString(Path.of("..", "templates", "join.sh.ftl"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("NODE_KEYS=\\(([^)]*)\\)").matcher(script);
        assertThat(m.find()).isTrue();
        List<String> read = List.of(m.group(1).trim().split("\\s+"));
        List<String> written = Files.readAllLines(Path.of("..", "templates", "join.env.ftl")).stream()
                .map(l -> l.substring(0, l.indexOf('='))).toList();
        assertThat(written).isEqualTo(read);
    }
}
