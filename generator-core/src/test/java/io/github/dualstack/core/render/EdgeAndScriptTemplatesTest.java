package io.github.dualstack.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.dualstack.core.descriptor.DescriptorLoader;
import io.github.dualstack.core.model.Site;
import io.github.dualstack.core.plan.OutputPlan;
import io.github.dualstack.core.plan.PlannedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The edge templates (edgecore.yaml, join.sh), the scripts (preflight, verify, regenerate-cloudcore-certs) and the
 * runbook, rendered from the samples and run: the scripts execute under bash with fake ip, curl, sysctl,
 * systemctl, kubectl, openssl and keadm on PATH, so their real behaviour is checked without root or a cluster.
 */
class EdgeAndScriptTemplatesTest {

    private static final Set<String> TEMPLATES = Set.of("edgecore.yaml.ftl", "join.sh.ftl", "preflight.sh.ftl",
            "verify.sh.ftl", "regenerate-cloudcore-certs.sh.ftl", "runbook.md.ftl");
    private static final List<String> SAMPLES = List.of("dual-stack-site", "ipv6-primary-hostnetwork", "ipv6-only");
    private static final TemplateEngine ENGINE = new TemplateEngine(Optional.empty());
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String TOKEN = "0123abcd.eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjF9.c2lnbmF0dXJl";

    @TempDir
    Path tmp;
    private Path bin;
    private Path log;

    // ------------------------------------------------------------------ edgecore.yaml

    @Test
    void edgecoreDialsTheBracketedIpv6EndpointAndReportsBothAddressesInFamilyOrder() {
        JsonNode cfg = edgecore(load("dual-stack-site"), "edge-0001");
        assertThat(cfg.path("apiVersion").asText()).isEqualTo("edgecore.config.kubeedge.io/v1alpha2");
        assertThat(cfg.path("kind").asText()).isEqualTo("EdgeCore");
        assertThat(cfg.path("edgecoreVersion").asText()).isEqualTo("v1.22.0");
        assertThat(cfg.path("database").path("dataSource").asText()).isEqualTo("/var/lib/kubeedge/edgecore.db");
        JsonNode hub = cfg.path("modules").path("edgeHub");
        assertThat(hub.path("websocket").path("server").asText()).isEqualTo("[2001:db8::10]:30000");
        assertThat(hub.path("websocket").path("enable").asBoolean()).isTrue();
        assertThat(hub.path("quic").path("enable").asBoolean()).isFalse();
        assertThat(hub.path("quic").path("server").asText()).isEqualTo("[2001:db8::10]:30001");
        assertThat(hub.path("httpServer").asText()).isEqualTo("https://[2001:db8::10]:30002");
        assertThat(hub.path("tlsCaFile").asText()).isEqualTo("/etc/kubeedge/ca/rootCA.crt");
        assertThat(hub.path("tlsCertFile").asText()).isEqualTo("/etc/kubeedge/certs/server.crt");
        assertThat(hub.path("tlsPrivateKeyFile").asText()).isEqualTo("/etc/kubeedge/certs/server.key");
        JsonNode stream = cfg.path("modules").path("edgeStream");
        assertThat(stream.path("enable").asBoolean()).isTrue();
        assertThat(stream.path("server").asText()).isEqualTo("[2001:db8::10]:30004");
        JsonNode edged = cfg.path("modules").path("edged");
        assertThat(edged.path("nodeIP").asText()).isEqualTo("192.0.2.101,2001:db8::101");
        assertThat(edged.path("hostnameOverride").asText()).isEqualTo("edge-0001");
        assertThat(edged.path("registerNodeNamespace").asText()).isEqualTo("default");
        // edge defaults merged with the node's own labels
        assertThat(YAML.convertValue(edged.path("nodeLabels"), Map.class))
                .isEqualTo(Map.of("line", "1", "site", "factory-east"));
        JsonNode kubelet = edged.path("tailoredKubeletConfig");
        assertThat(kubelet.path("cgroupDriver").asText()).isEqualTo("systemd");
        assertThat(kubelet.path("containerRuntimeEndpoint").asText()).isEqualTo("unix:///run/containerd/containerd.sock");
        assertThat(kubelet.path("imageServiceEndpoint").asText()).isEqualTo("unix:///run/containerd/containerd.sock");
        assertThat(kubelet.path("clusterDomain").asText()).isEqualTo("cluster.local");
        for (String module : List.of("edged", "edgeHub", "eventBus", "metaManager", "deviceTwin", "edgeStream")) {
            assertThat(cfg.path("modules").path(module).path("enable").isBoolean()).as(module).isTrue();
            assertThat(cfg.path("modules").path(module).path("enable").asBoolean()).as(module).isTrue();
        }
        assertThat(edged.has("customInterfaceName")).as("customInterfaceName would overwrite nodeIP").isFalse();
    }

    @Test
    void edgecoreFollowsPerNodeOverrides() {
        Site site = load("dual-stack-site");
        JsonNode v4 = edgecore(site, "edge-0002");   // hubFamily IPv4, cloudCoreAddress 192.0.2.10
        assertThat(v4.at("/modules/edgeHub/websocket/server").asText()).isEqualTo("192.0.2.10:30000");
        assertThat(v4.at("/modules/edgeHub/httpServer").asText()).isEqualTo("https://192.0.2.10:30002");
        assertThat(v4.at("/modules/edgeStream/server").asText()).isEqualTo("192.0.2.10:30004");
        assertThat(v4.at("/modules/edged/nodeIP").asText()).isEqualTo("192.0.2.102,2001:db8::102");
        JsonNode cgroupfs = edgecore(site, "edge-0003");
        assertThat(cgroupfs.at("/modules/edged/tailoredKubeletConfig/cgroupDriver").asText()).isEqualTo("cgroupfs");
    }

    @Test
    void quicEdgeEnablesQuicOnlyAndListsTheIpv6AddressFirstOnAnIpv6PrimarySite() {
        Site site = load("ipv6-primary-hostnetwork");
        JsonNode cfg = edgecore(site, "cell-site-001");
        JsonNode hub = cfg.path("modules").path("edgeHub");
        assertThat(hub.path("quic").path("enable").asBoolean()).isTrue();
        assertThat(hub.path("websocket").path("enable").asBoolean()).isFalse();
        assertThat(hub.path("quic").path("server").asText()).isEqualTo("[2001:db8:20::10]:10001");
        assertThat(hub.path("httpServer").asText()).isEqualTo("https://[2001:db8:20::10]:10002");
        assertThat(cfg.at("/modules/edgeStream/server").asText()).isEqualTo("[2001:db8:20::10]:10004");
        assertThat(cfg.at("/modules/edged/nodeIP").asText()).isEqualTo("2001:db8:21::1,198.51.100.101");
        assertThat(cfg.path("edgecoreVersion").asText()).isEqualTo("v1.23.1");
        JsonNode byName = edgecore(site, "cell-site-002");
        assertThat(byName.at("/modules/edgeHub/quic/server").asText()).isEqualTo("cloudcore.telco-west.example.net:10001");
    }

    @Test
    void singleStackEdgeHasOneNodeIpAndAnEmptyLabelMap() {
        JsonNode cfg = edgecore(load("ipv6-only"), "sensor-01");
        assertThat(cfg.at("/modules/edged/nodeIP").asText()).isEqualTo("2001:db8:31::1");
        assertThat(cfg.at("/modules/edged/nodeLabels").isObject()).isTrue();
        assertThat(cfg.at("/modules/edged/nodeLabels").size()).isZero();
        assertThat(cfg.at("/modules/edgeHub/websocket/server").asText()).isEqualTo("[2001:db8:30::100]:10000");
    }

    @Test
    void edgecoreKeysAreSortedAtEveryLevel() {
        for (String sample : SAMPLES) {
            for (PlannedFile f : files(load(sample))) {
                if (f.template().fileName().equals("edgecore.yaml.ftl")) {
                    assertSorted(parse(render(f)), f.path());
                }
            }
        }
    }

    // ------------------------------------------------------------------ all scripts

    @Test
    void everyRenderedFilePassesTheGeneratorSelfCheck() {
        for (String sample : SAMPLES) {
            Site site = load(sample);
            Renderer renderer = new Renderer(Optional.empty(), "site.yaml", site.name());
            for (PlannedFile f : files(site)) {
                OutputFile out = renderer.render(f);
                renderer.check(out);   // throws with every problem the self-check finds
                assertThat(out.content()).isNotEmpty();
            }
        }
    }

    @Test
    void scriptsStartWithTheShebangAndStrictModeAndCarryNoHeaderOfTheirOwn() {
        for (String sample : SAMPLES) {
            for (PlannedFile f : files(load(sample))) {
                String text = render(f);
                assertThat(text).as(f.path()).doesNotContain("Generated by dualstack");
                if (f.template().fileName().endsWith(".sh.ftl")) {
                    assertThat(text).as(f.path()).startsWith("#!/usr/bin/env bash\nset -euo pipefail\n");
                }
            }
        }
    }

    @Test
    void everyScriptPassesBashSyntaxCheck() throws IOException {
        for (String sample : SAMPLES) {
            for (Path script : writeScripts(load(sample), tmp.resolve(sample))) {
                Run r = run(List.of("bash", "-n", script.toString()), Map.of());
                assertThat(r.exit).as(script + ": " + r.err).isZero();
            }
        }
    }

    @Test
    void everyScriptPassesShellcheck() throws IOException {
        assumeTrue(shellcheckInstalled(), "shellcheck is not installed");
        for (String sample : SAMPLES) {
            assertShellcheckClean(writeScripts(load(sample), tmp.resolve(sample)));
        }
    }

    @Test
    void templatesUseNoDefaultsNoExistenceTestsAndNoEscapeBypass() throws IOException {
        Pattern ftl = Pattern.compile("\\$\\{[^}]*}|<#(?:if|elseif|list|assign)\\b[^>]*>");
        for (String name : TEMPLATES) {
            String text = Files.readString(Path.of("..", "templates", name));
            assertThat(text).as(name).doesNotContain("?no_esc").doesNotContain("??");
            Matcher m = ftl.matcher(text.replaceAll("(?s)<#noparse>.*?</#noparse>", ""));
            while (m.find()) {
                assertThat(m.group()).as(name).doesNotContain("!");
            }
        }
    }

    // ------------------------------------------------------------------ join.sh

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
        assertThat(r.out).contains("FAIL  address 192.0.2.101 is not on eth0").contains("FAIL  no IPv6 route");
        assertThat(r.err).contains("a real run would stop before keadm join");
        assertThat(fakeLog()).doesNotContain("keadm").doesNotContain("systemctl");
    }

    @Test
    void joinHelpExplainsTheTokenSources() throws IOException {
        Path script = writeEdge(load("ipv6-only"), "sensor-01");
        Run r = run(List.of("bash", script.toString(), "--help"), Map.of());
        assertThat(r.exit).isZero();
        assertThat(r.out).contains("$KUBEEDGE_TOKEN").contains("--token-file FILE").contains("--dry-run")
                .contains("sensor-01").contains("[2001:db8:30::100]:10000");
        assertThat(r.out.replaceAll("\\s+", " ")).contains("keadm join takes the token only on its command line")
                .contains("every local user can read it with ps or in /proc/PID/cmdline")
                .contains("12 to 24 hours").contains("no untrusted user").contains("--token-file /dev/stdin");
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

    // ------------------------------------------------------------------ verify.sh

    @Test
    void verifyPassesWhenEveryNodeHasItsAddressesInOrderAndIsReady() throws IOException {
        Path verify = writeScripts(load("dual-stack-site"), tmp.resolve("site")).stream()
                .filter(p -> p.endsWith("scripts/verify.sh")).findFirst().orElseThrow();
        Path nodes = Files.writeString(tmp.resolve("nodes.txt"), String.join("", List.of(
                "master-1\t192.0.2.10,2001:db8::10,\tTrue\n",
                "worker-1\t192.0.2.11,2001:db8::11,\tTrue\n",
                "edge-0001\t192.0.2.101,2001:db8::101,\tTrue\n",
                "edge-0002\t192.0.2.102,2001:db8::102,\tTrue\n",
                "edge-0003\t192.0.2.103,2001:db8::103,\tTrue\n",
                "not-in-the-site\t10.0.0.1,\tFalse\n")));
        Run r = run(List.of("bash", verify.toString()), Map.of("FAKE_NODES", nodes.toString()));
        assertThat(r.exit).as(r.out + r.err).isZero();
        assertThat(r.out).contains("nodes: 5 ok, 0 wrong")
                .contains("PASS  CloudCore answers at https://[2001:db8::10]:30002/ca.crt")
                .contains("PASS  CloudCore server certificate is valid for https://192.0.2.10:30002/ca.crt");
        List<String> calls = fakeLog().lines().filter(l -> l.startsWith("kubectl")).toList();
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0)).startsWith("kubectl get nodes -o jsonpath=").contains("InternalIP").contains("Ready");
        assertThat(fakeLog()).contains("curl -gk -6 --max-time 10 -fsS https://[2001:db8::10]:30002/ca.crt -o ");
    }

    @Test
    void verifyFailsForSwappedAddressesNotReadyAndMissingNodes() throws IOException {
        Path verify = writeScripts(load("dual-stack-site"), tmp.resolve("site")).stream()
                .filter(p -> p.endsWith("scripts/verify.sh")).findFirst().orElseThrow();
        Path nodes = Files.writeString(tmp.resolve("nodes.txt"), String.join("", List.of(
                "master-1\t192.0.2.10,2001:db8::10,\tTrue\n",
                "worker-1\t192.0.2.11,2001:db8::11,\tTrue\n",
                "edge-0001\t2001:db8::101,192.0.2.101,\tTrue\n",
                "edge-0002\t192.0.2.102,2001:db8::102,\tFalse\n")));
        Run r = run(List.of("bash", verify.toString()), Map.of("FAKE_NODES", nodes.toString()));
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.out).contains("nodes: 2 ok, 3 wrong")
                .contains("WRONG edge node edge-0001: InternalIPs 2001:db8::101,192.0.2.101, want 192.0.2.101,2001:db8::101")
                .contains("WRONG edge node edge-0002: not Ready (Ready=False)")
                .contains("WRONG edge node edge-0003: not registered");
    }

    @Test
    void verifyFailsWhenCloudCoreIsUnreachableOrItsCertificateLacksTheAddress() throws IOException {
        Path verify = writeScripts(load("ipv6-only"), tmp.resolve("site")).stream()
                .filter(p -> p.endsWith("scripts/verify.sh")).findFirst().orElseThrow();
        Path nodes = Files.writeString(tmp.resolve("nodes.txt"), String.join("", List.of(
                "cp-1\t2001:db8:30::10,\tTrue\n", "worker-1\t2001:db8:30::11,\tTrue\n",
                "sensor-01\t2001:db8:31::1,\tTrue\n")));
        Run san = run(List.of("bash", verify.toString()), Map.of("FAKE_NODES", nodes.toString(), "FAKE_CACERT_RC", "60"));
        assertThat(san.exit).isEqualTo(1);
        assertThat(san.out).contains("FAIL  CloudCore server certificate is not valid for https://[2001:db8:30::100]:10002/ca.crt")
                .contains("nodes: 3 ok, 0 wrong");
        Run down = run(List.of("bash", verify.toString()), Map.of("FAKE_NODES", nodes.toString(), "FAKE_CURL_RC", "7"));
        assertThat(down.exit).isEqualTo(1);
        assertThat(down.out).contains("FAIL  CloudCore does not answer at https://[2001:db8:30::100]:10002/ca.crt (curl -gk -6)");
    }

    // ------------------------------------------------------------------ preflight.sh

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
        assertThat(r.out).contains("PASS  IPv6 enabled").contains("PASS  IPv6 routes present")
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
        assertThat(r.out).contains("FAIL  no IPv6 route")
                .contains("FAIL  address 192.0.2.10 is not on eth0")
                .contains("PASS  address 2001:db8::10 is on eth0")
                .contains("FAIL  sysctl net.ipv6.conf.eth0.accept_ra = 1, 60-dualstack.conf sets 2")
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

    // ------------------------------------------------------------------ regenerate-cloudcore-certs.sh

    @Test
    void regenerateDeletesOnlyTheServerSecretByDefaultAndTheCaOnlyWhenConfirmed() throws IOException {
        Path regen = script(load("ipv6-primary-hostnetwork"), "scripts/regenerate-cloudcore-certs.sh");
        Path config = Files.writeString(tmp.resolve("cloudcore.yaml"), String.join("\n", "modules:", "  cloudHub:",
                "    advertiseAddress:", "    - \"2001:db8:20::10\"", "    - \"198.51.100.10\"", "    dnsNames:",
                "    - \"cloudcore.telco-west.example.net\"", ""));
        Map<String, String> env = Map.of("FAKE_CONFIG", config.toString());

        Run unconfirmed = run(List.of("bash", regen.toString(), "--new-ca"), env);
        assertThat(unconfirmed.exit).isNotZero();
        assertThat(unconfirmed.err).contains("--new-ca --yes").contains("join again");
        assertThat(fakeLog()).doesNotContain("delete");

        Run plain = run(List.of("bash", regen.toString()), env);
        assertThat(plain.exit).as(plain.out + plain.err).isZero();
        assertThat(fakeLog()).contains("kubectl -n kubeedge delete secret cloudcoresecret --ignore-not-found")
                .doesNotContain("casecret").doesNotContain("tokensecret")
                .contains("kubectl -n kubeedge rollout restart deployment/cloudcore")
                .contains("kubectl -n kubeedge rollout status deployment/cloudcore");
        assertThat(plain.out).contains("PASS  CloudCore server certificate is valid for https://[2001:db8:20::10]:10002/ca.crt")
                .contains("edge nodes keep their certificates");

        Files.writeString(log, "");
        Run newCa = run(List.of("bash", regen.toString(), "--new-ca", "--yes"), env);
        assertThat(newCa.exit).as(newCa.out + newCa.err).isZero();
        assertThat(fakeLog()).contains("kubectl -n kubeedge delete secret tokensecret casecret cloudcoresecret --ignore-not-found");
        assertThat(newCa.out).contains("Every edge node must join again");
    }

    @Test
    void regenerateRefusesWhileTheConfigMapLacksAnAddress() throws IOException {
        Path regen = script(load("ipv6-primary-hostnetwork"), "scripts/regenerate-cloudcore-certs.sh");
        // 198.51.100.100 must not count as 198.51.100.10
        Path config = Files.writeString(tmp.resolve("cloudcore.yaml"), "advertiseAddress: [\"2001:db8:20::10\", "
                + "\"198.51.100.100\"]\ndnsNames: [cloudcore.telco-west.example.net]\n");
        Run r = run(List.of("bash", regen.toString()), Map.of("FAKE_CONFIG", config.toString()));
        assertThat(r.exit).isNotZero();
        assertThat(r.err).contains("does not list 198.51.100.10 yet");
        assertThat(fakeLog()).doesNotContain("delete").doesNotContain("rollout");
    }

    // ------------------------------------------------------------------ runbook

    @Test
    void runbookOrdersTheStepsAndNamesTheFilesTheyUse() {
        String book = runbook(load("dual-stack-site"));
        List<String> headings = book.lines().filter(l -> l.startsWith("## ")).toList();
        assertThat(headings).hasSize(9);
        for (int i = 0; i < 9; i++) {
            assertThat(headings.get(i)).startsWith("## " + i + ". ");
        }
        assertThat(book).contains("scripts/preflight.sh --prerequisites")
                .contains("nodes/$NODE/etc/kubernetes/manifests/kube-apiserver.yaml")
                .contains("diff -u /etc/kubernetes/manifests/kube-controller-manager.yaml")
                .contains("--service-cluster-ip-range=10.96.0.0/12,fd00:10:96::/112")
                .contains("sysctl --system").contains("systemctl daemon-reload && systemctl restart kubelet")
                .contains("kubectl get node \"$NODE\" -o jsonpath='{.status.addresses}'")
                .contains("kubectl -n kube-system rollout restart daemonset kube-proxy")
                .contains("kubectl -n kube-system patch daemonset calico-node --patch-file cluster/kube-system/calico-node.patch.yaml")
                .contains("calico.ippools.yaml").contains("immutable")
                .contains("kubectl apply -k cluster/").contains("kubectl -n kubeedge rollout restart deployment cloudcore")
                .contains("TOKEN=$(keadm gettoken) && printf '%s\\n' \"$TOKEN\" | ssh root@EDGE-ADDRESS"
                        + " \"cd edge-0001 && ./join.sh --token-file /dev/stdin\"")
                .contains("scripts/verify.sh")
                .contains("regenerateCertificates: false").contains("--cacert")
                .doesNotContain("regenerate-cloudcore-certs.sh --new-ca");
        // one example edge node, never a list of them
        assertThat(book).contains("3 edge nodes").contains("edge/edge-0001/").doesNotContain("edge-0002");
    }

    @Test
    void runbookStatesHowLongAndToWhomKeadmExposesTheToken() {
        for (String sample : SAMPLES) {
            String book = runbook(load(sample)).replaceAll("\\s+", " ");
            String edgeStep = book.substring(book.indexOf("## 7."), book.indexOf("## 8."));
            assertThat(edgeStep).as(sample)
                    .contains("`keadm join` accepts the token only as a command-line flag, so for as long as it runs")
                    .contains("every user on the edge node can read it with `ps` or in `/proc/PID/cmdline`")
                    .contains("valid for 12 to 24 hours by default").contains("`cloudHub.tokenRefreshDuration`")
                    .contains("no untrusted user").contains("`hidepid=2`")
                    .contains("edgecore.yaml.keadm.bak`, mode 0600")
                    .doesNotContain("KUBEEDGE_TOKEN=$(keadm gettoken)");   // would sit on ssh's command line
        }
    }

    @Test
    void runbookExplainsBothCertificateRegenerationsAndHostNetworkWhenTheSiteAsksForThem() {
        String book = runbook(load("ipv6-primary-hostnetwork")).replaceAll("\\s+", " ");   // prose wraps anywhere
        assertThat(book).contains("scripts/regenerate-cloudcore-certs.sh")
                .contains("deletes only Secret `cloudcoresecret`").contains("existing CA")
                .contains("delete secrets tokensecret").contains("new CA").contains("must join again")
                .contains("needs no dual-stack cluster");
    }

    @Test
    void runbookAppliesCalicoThroughKustomizeWhenTheSiteNamesABase() throws IOException {
        Path sample = Path.of("..", "samples", "dual-stack-site", "site.yaml");
        String text = Files.readString(sample).replace("  calico:\n", "  calico:\n    base: ../../upstream/calico\n");
        String book = runbook(loadText(text));
        String calicoStep = book.substring(book.indexOf("## 4."), book.indexOf("## 5."));
        assertThat(calicoStep).contains("kubectl apply -k cluster/").doesNotContain("kubectl -n kube-system patch");
    }

    @Test
    void runbookSkipsCalicoWithoutACalicoSection() throws IOException {
        Path sample = Path.of("..", "samples", "dual-stack-site", "site.yaml");
        String text = Files.readString(sample);
        text = text.substring(0, text.indexOf("  calico:\n")) + text.substring(text.indexOf("  cloudCore:\n"));
        String book = runbook(loadText(text));
        assertThat(book).contains("no `calico` section").doesNotContain("calico-node.patch.yaml");
    }

    // ------------------------------------------------------------------ hostile values

    /** The most hostile strings the schema and validation allow, in every field that reaches these templates. */
    @Test
    void hostileButValidValuesRenderScriptsThatStillParseAndRunAsIntended() throws IOException {
        String name = "0" + "-".repeat(61) + "z";   // the longest DNS-1123 label, all hyphens inside
        String labelKey = "a-0.b-9/Z_.-0";
        String labelValue = "Z-_.9";
        Path sample = Path.of("..", "samples", "dual-stack-site", "site.yaml");
        String text = Files.readString(sample)
                .replace("    nodeLimit: 1000\n", "    nodeLimit: 1000\n    namespace: 0--z\n"
                        + "    dnsNames: [0--0.z-9]\n    regenerateCertificates: true\n")
                .replace("- name: edge-0001\n        interface: eth0\n", "- name: " + name + "\n        interface: --help\n")
                .replace("labels: {line: \"1\"}", "labels: {\"" + labelKey + "\": \"" + labelValue + "\", k: \"\"}")
                .replace("cloudCoreAddress: 192.0.2.10", "cloudCoreAddress: 0--0.z-9")
                .replace("containerRuntimeEndpoint: unix:///run/containerd/containerd.sock",
                        "containerRuntimeEndpoint: unix:///-_./-.._/x")
                .replace("- name: worker-1\n      role: worker\n      interface: eth0\n",
                        "- name: worker-1\n      role: worker\n      interface: -e.+@_\n");
        Site site = loadText(text);

        for (PlannedFile f : files(site)) {
            render(f);   // the runbook refuses line breaks; nothing here has one
        }
        for (Path script : writeScripts(site, tmp.resolve("hostile"))) {
            Run r = run(List.of("bash", "-n", script.toString()), Map.of());
            assertThat(r.exit).as(script + ": " + r.err).isZero();
        }
        if (shellcheckInstalled()) {
            assertShellcheckClean(writeScripts(site, tmp.resolve("hostile-sc")));
        }

        JsonNode cfg = edgecore(site, name);
        assertThat(cfg.at("/modules/edged/hostnameOverride").asText()).isEqualTo(name);
        assertThat(YAML.convertValue(cfg.at("/modules/edged/nodeLabels"), Map.class))
                .isEqualTo(Map.of(labelKey, labelValue, "k", "", "site", "factory-east"));
        assertThat(cfg.at("/modules/edged/tailoredKubeletConfig/containerRuntimeEndpoint").asText())
                .isEqualTo("unix:///-_./-.._/x");

        Path join = writeEdge(site, name);
        Run r = run(List.of("bash", join.toString(), "--dry-run"), Map.of("KUBEEDGE_TOKEN", TOKEN,
                "FAKE_ADDRS", "inet 192.0.2.101/24\ninet6 2001:db8::101/64", "FAKE_ROUTE6", "default dev --help"));
        assertThat(r.exit).as(r.out + r.err).isZero();
        assertThat(r.out).contains(" --edgenode-name=" + name + " ")
                .contains(" --labels=" + labelKey + "=" + labelValue + ",k=,site=factory-east ")
                .contains(" --remote-runtime-endpoint=unix:///-_./-.._/x ")
                .contains("PASS  address 192.0.2.101 is on --help");
        assertThat(fakeLog()).contains("ip -4 -o addr show dev --help");

        Path preflight = script(site, "scripts/preflight.sh");
        Run pre = run(List.of("bash", preflight.toString(), "--prerequisites", "worker-1"), Map.of(
                "FAKE_ADDRS", "inet 192.0.2.11/24\ninet6 2001:db8::11/64", "FAKE_ROUTE6", "default",
                "FAKE_SYSCTL", "net.ipv6.conf.all.disable_ipv6=0"));
        assertThat(pre.out).contains("PASS  address 2001:db8::11 is on -e.+@_");
        assertThat(pre.exit).as(pre.out + pre.err).isZero();
    }

    /**
     * Values no descriptor can hold, straight into the join.sh view: the shell format must keep each one a single
     * literal word, so nothing runs and the printed command carries the value unchanged.
     */
    @Test
    void shellFormatKeepsArbitraryValuesInertInJoinScript() throws IOException {
        Site site = load("dual-stack-site");
        PlannedFile real = files(site).stream()
                .filter(f -> f.path().equals("edge/edge-0001/join.sh")).findFirst().orElseThrow();
        Path pwned = tmp.resolve("pwned");
        String evil = "x$(touch " + pwned + ")`touch " + pwned + "`'\"; touch " + pwned + " #\n*\u2028";
        Map<String, Object> evilValues = new LinkedHashMap<>();
        for (String key : List.of("nodeName", "kubeedgeVersion", "labels", "runtimeEndpoint", "interface")) {
            evilValues.put(key, evil);
        }
        String text = ENGINE.render(real.template().fileName(), ViewEdits.with(real.view(), evilValues));
        Path dir = Files.createDirectories(tmp.resolve("evil"));
        Path join = Files.writeString(dir.resolve("join.sh"), text);
        Files.createDirectories(dir.resolve("etc/kubeedge/config"));
        Files.writeString(dir.resolve("etc/kubeedge/config/edgecore.yaml"), "kind: EdgeCore\n");

        assertThat(run(List.of("bash", "-n", join.toString()), Map.of()).exit).isZero();
        Run help = run(List.of("bash", join.toString(), "--help"), Map.of());
        assertThat(help.exit).isZero();
        assertThat(help.out).contains(evil);
        Run dry = run(List.of("bash", join.toString(), "--dry-run", "--skip-preflight"), Map.of("KUBEEDGE_TOKEN", TOKEN));
        assertThat(dry.exit).as(dry.out + dry.err).isZero();
        String quoted = "'--edgenode-name=" + evil.replace("'", "'\\''") + "'";
        assertThat(dry.out).contains(quoted);
        assertThat(pwned).doesNotExist();
    }

    // ------------------------------------------------------------------ helpers

    @BeforeEach
    void fakeTools() throws IOException {
        bin = Files.createDirectories(tmp.resolve("fake-bin"));
        log = Files.writeString(tmp.resolve("fake.log"), "");
        tool("ip", """
                # addresses from $FAKE_ADDRS ("inet 192.0.2.1/24" lines), IPv6 routes from $FAKE_ROUTE6
                echo "ip $*" >> "$FAKE_LOG"
                if [ "$1 $2" = "-6 route" ]; then
                    if [ -n "${FAKE_ROUTE6:-}" ]; then printf '%s\\n' "$FAKE_ROUTE6"; fi
                    exit 0
                fi
                fam=inet
                if [ "$1" = -6 ]; then fam=inet6; fi
                printf '%s\\n' "${FAKE_ADDRS:-}" | while read -r f a; do
                    if [ "$f" = "$fam" ]; then echo "2: $6    $f $a scope global $6"; fi
                done
                """);
        tool("curl", """
                echo "curl $*" >> "$FAKE_LOG"
                out=""
                cacert=false
                while [ $# -gt 0 ]; do
                    case "$1" in
                        -o) out="$2"; shift ;;
                        --cacert) cacert=true ;;
                    esac
                    shift
                done
                if [ -n "$out" ] && [ "$out" != /dev/null ]; then echo ca > "$out"; fi
                if [ "$cacert" = true ]; then exit "${FAKE_CACERT_RC:-0}"; fi
                exit "${FAKE_CURL_RC:-0}"
                """);
        tool("openssl", """
                echo "openssl $*" >> "$FAKE_LOG"
                while [ $# -gt 0 ]; do
                    if [ "$1" = -out ]; then echo pem > "$2"; fi
                    shift
                done
                """);
        tool("sysctl", """
                # sysctl -n KEY with values from $FAKE_SYSCTL ("key=value" lines)
                echo "sysctl $*" >> "$FAKE_LOG"
                printf '%s\\n' "${FAKE_SYSCTL:-}" | awk -F= -v k="$2" \\
                    '$1 == k { print substr($0, length(k) + 2); found = 1 } END { exit found ? 0 : 1 }' && exit 0
                echo "sysctl: cannot stat /proc/sys/$2: No such file or directory" >&2
                exit 255
                """);
        tool("systemctl", """
                echo "systemctl $*" >> "$FAKE_LOG"
                case "$1" in
                    cat) if [ -n "${FAKE_DROPIN:-}" ]; then echo 'Environment="KUBELET_DUALSTACK_ARGS=--node-ip=x"'; fi ;;
                    show) echo no ;;
                esac
                """);
        tool("kubectl", """
                echo "kubectl $*" >> "$FAKE_LOG"
                case "$*" in
                    "get nodes -o jsonpath="*) cat "$FAKE_NODES" ;;
                    *"get configmap cloudcore -o jsonpath="*) cat "$FAKE_CONFIG" ;;
                esac
                """);
        tool("keadm", """
                echo "keadm $*" >> "$FAKE_LOG"
                echo "keadm env KUBEEDGE_TOKEN=${KUBEEDGE_TOKEN:-}" >> "$FAKE_LOG"
                [ -n "${FAKE_KE:-}" ] || exit 0
                # keadm join (keadm/cmd/keadm/app/cmd/edge/join_others.go) puts the token into a bootstrap file and
                # into the edgecore.yaml it creates, both under the caller's umask; edgecore gets its certificate,
                # then rewrites edgecore.yaml without the token (edge/cmd/edgecore/app/server.go cleanupToken).
                for a in "$@"; do case "$a" in --token=*) token="${a#--token=}" ;; esac; done
                mkdir -p "$FAKE_KE/config" "$FAKE_KE/certs"
                printf '%s' "$token" > "$FAKE_KE/bootstrap-edgecore.conf"
                printf 'modules:\n  edgeHub:\n    token: %s\n' "$token" > "$FAKE_KE/config/edgecore.yaml"
                cd "$FAKE_KE" && echo "keadm made bootstrap-edgecore.conf $(stat -c %a bootstrap-edgecore.conf)," \\
                    "edgecore.yaml $(stat -c %a config/edgecore.yaml), config/ $(stat -c %a config)" >> "$FAKE_LOG"
                if [ -n "${FAKE_KEADM_FAIL:-}" ]; then exit 1; fi   # as if killed: the bootstrap file stays
                echo cert > certs/server.crt
                rm bootstrap-edgecore.conf
                case "$FAKE_CLEANUP" in
                    now) sed -i 's/token: .*/token: ""/' config/edgecore.yaml ;;
                    later) : > "$FAKE_PENDING" ;;   # done by the first sleep of join.sh's wait
                esac
                """);
        tool("hostname", "echo \"$FAKE_HOSTNAME\"\n");
        // the scripts wait between retries; the fakes answer at once, and edgecore's pending token clean-up happens
        tool("sleep", """
                if [ -f "${FAKE_PENDING:-/nonexistent}" ]; then
                    sed -i 's/token: .*/token: ""/' "$FAKE_KE/config/edgecore.yaml" && rm "$FAKE_PENDING"
                fi
                """);
    }

    private void tool(String name, String body) throws IOException {
        Path p = Files.writeString(bin.resolve(name), "#!/bin/sh\n" + body);
        assertThat(p.toFile().setExecutable(true)).isTrue();
    }

    private String fakeLog() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Run(int exit, String out, String err) {
    }

    /** Runs a command with the fake tools first on PATH and no join token in the environment. */
    private Run run(List<String> cmd, Map<String, String> env) throws IOException {
        return run(cmd, env, Path.of("/dev/null"));
    }

    private Run run(List<String> cmd, Map<String, String> env, Path stdin) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
        pb.environment().remove("KUBEEDGE_TOKEN");
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("FAKE_LOG", log.toString());
        pb.environment().putAll(env);
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(stdin.toFile()));
        Process p = pb.start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + cmd);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /**
     * shellcheck is slow per file: one join.sh per site stands for all (they differ only in values), and every file
     * gets its own process, run side by side.
     */
    private void assertShellcheckClean(List<Path> scripts) throws IOException {
        List<Process> processes = new ArrayList<>();
        boolean joinChecked = false;
        for (Path script : scripts) {
            if (script.endsWith("join.sh")) {
                if (joinChecked) {
                    continue;
                }
                joinChecked = true;
            }
            processes.add(new ProcessBuilder("shellcheck", "--format=gcc", script.toString()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start());
        }
        List<String> findings = new ArrayList<>();
        for (Process p : processes) {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            try {
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    findings.add("shellcheck timed out");
                } else if (p.exitValue() != 0) {
                    findings.add(output.isEmpty() ? "shellcheck exit " + p.exitValue() : output);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        assertThat(findings).isEmpty();
    }

    private static boolean shellcheckInstalled() {
        try {
            Process p = new ProcessBuilder("shellcheck", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Site load(String sample) {
        try {
            return loadText(Files.readString(Path.of("..", "samples", sample, "site.yaml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Site loadText(String text) {
        DescriptorLoader.Result r = new DescriptorLoader(16L << 20).load("site.yaml", text.getBytes(StandardCharsets.UTF_8));
        assertThat(r.ok()).as(r.problems().toString()).isTrue();
        return r.site();
    }

    /** The planned files that these templates render. */
    private static List<PlannedFile> files(Site site) {
        OutputPlan plan = new OutputPlan(site);
        return Stream.concat(plan.siteFiles().stream(), plan.edgeFiles())
                .filter(f -> TEMPLATES.contains(f.template().fileName())).toList();
    }

    private static String render(PlannedFile f) {
        return ENGINE.render(f.template().fileName(), f.view());
    }

    private static PlannedFile file(Site site, String path) {
        return files(site).stream().filter(f -> f.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("not planned: " + path));
    }

    private static JsonNode edgecore(Site site, String node) {
        return parse(render(file(site, "edge/" + node + "/etc/kubeedge/config/edgecore.yaml")));
    }

    private static String runbook(Site site) {
        return render(file(site, "README.md"));
    }

    private static JsonNode parse(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertSorted(JsonNode node, String where) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            assertThat(names).as(where).isSorted();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                assertSorted(e.getValue(), where + "." + e.getKey());
            }
        }
    }

    /** Writes every rendered file of these templates under root (scripts and edge trees); returns the scripts. */
    private static List<Path> writeScripts(Site site, Path root) throws IOException {
        List<Path> scripts = new ArrayList<>();
        for (PlannedFile f : files(site)) {
            Path p = root.resolve(f.path());
            Files.createDirectories(p.getParent());
            Files.writeString(p, render(f));
            if (f.path().endsWith(".sh")) {
                scripts.add(p);
            }
        }
        return scripts;
    }

    private Path script(Site site, String path) throws IOException {
        Path p = tmp.resolve("tree").resolve(path);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, render(file(site, path)));
    }

    private Path kubeedgeDir() {
        return tmp.resolve("kubeedge");
    }

    /**
     * edge-0001's join.sh run for real (no --dry-run) under the usual umask 022, as root would run it, with
     * /etc/kubeedge moved to {@link #kubeedgeDir()} and the fake keadm acting as keadm join and edgecore.
     */
    private Run joinForReal(Map<String, String> env, Path stdin, String... args) throws IOException {
        Path script = writeEdge(load("dual-stack-site"), "edge-0001");
        String text = Files.readString(script);
        for (String[] r : List.of(new String[] {"\nKUBEEDGE_DIR=/etc/kubeedge\n", "\nKUBEEDGE_DIR=" + kubeedgeDir() + "\n"},
                new String[] {"$EUID -ne 0", "0 -ne 0"})) {
            assertThat(text).containsOnlyOnce(r[0]);
            text = text.replace(r[0], r[1]);
        }
        // never the real /etc/kubeedge: these tests may run as root
        assertThat(text.lines().filter(l -> !l.strip().startsWith("#"))
                .filter(l -> Pattern.compile("(?<!\\w)/etc/kubeedge").matcher(l).find())).isEmpty();
        Files.writeString(script, text);
        List<String> cmd = new ArrayList<>(List.of("bash", "-c", "umask 022 && exec bash \"$@\"", "join",
                script.toString(), "--skip-preflight"));
        cmd.addAll(List.of(args));
        Map<String, String> all = new LinkedHashMap<>(Map.of("FAKE_KE", kubeedgeDir().toString(),
                "FAKE_PENDING", tmp.resolve("cleanup-pending").toString(), "FAKE_CLEANUP", "now"));
        all.putAll(env);
        return run(cmd, all, stdin);
    }

    /** Every file under tmp that holds the join token, with its permissions; but the fakes' log and the inputs. */
    private Map<Path, String> filesHoldingTheToken(Path... inputs) throws IOException {
        Set<Path> skip = Set.of(inputs);
        Map<Path, String> holders = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(tmp)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                if (!f.equals(log) && !skip.contains(f) && Files.readString(f, StandardCharsets.ISO_8859_1).contains(TOKEN)) {
                    holders.put(f, mode(f));
                }
            }
        }
        return holders;
    }

    private static String mode(Path p) throws IOException {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
        return PosixFilePermissions.toString(perms);
    }

    /** edge/NODE/join.sh with its edgecore.yaml beside it, as the node receives them. */
    private Path writeEdge(Site site, String node) throws IOException {
        script(site, "edge/" + node + "/etc/kubeedge/config/edgecore.yaml");
        return script(site, "edge/" + node + "/join.sh");
    }
}
