package io.github.dualstack.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dualstack.core.model.Site;
import io.github.dualstack.core.plan.PlannedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
/** The most hostile values the schema and validation allow, through the shell templates: still inert. */
class HostileScriptValuesTest extends ScriptHarness {

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
    void theNodesValuesAreDataToTheJoinScriptWhateverTheyHold() throws IOException {
        Site site = load("dual-stack-site");
        Path script = writeEdge(site, "edge-0001");
        PlannedFile real = file(site, "edge/edge-0001/join.env");
        Path pwned = tmp.resolve("pwned");
        // all a line-oriented file can hold: no line break, no control character (LineOutputFormat refuses those)
        String evil = "x$(touch " + pwned + ")`touch " + pwned + "`'\"; touch " + pwned + " # * ${PATH} \\ =";
        Map<String, Object> evilValues = new LinkedHashMap<>();
        for (String key : List.of("nodeName", "kubeedgeVersion", "labels", "runtimeEndpoint", "interface")) {
            evilValues.put(key, evil);
        }
        Files.writeString(script.resolveSibling("join.env"),
                ENGINE.render(real.template().fileName(), ViewEdits.with(real.view(), evilValues)));

        Run dry = run(List.of("bash", script.toString(), "--dry-run", "--skip-preflight"), Map.of("KUBEEDGE_TOKEN", TOKEN));
        assertThat(dry.exit).as(dry.out + dry.err).isZero();
        String quoted = "'--edgenode-name=" + evil.replace("'", "'\\''") + "'";
        assertThat(dry.out).contains(quoted);
        assertThat(pwned).doesNotExist();
        assertThatThrownBy(() -> ENGINE.render(real.template().fileName(),
                ViewEdits.with(real.view(), Map.of("nodeName", "edge-0001\nPATH=/tmp"))))
                .isInstanceOf(RenderException.class).hasMessageContaining("line break");
    }
}
