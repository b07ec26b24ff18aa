package io.github.dualstack.core.check;

import static io.github.dualstack.core.check.GeneratedFiles.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.dualstack.core.plan.FileKind;
import org.junit.jupiter.api.Test;

/** edgecore.yaml: the schema, the hub protocol, addresses and names as EdgeCore reads them. */
class EdgeCoreConfigsTest {

    @Test
    void edgeCoreWithIpv4HubAndQuicPasses() {
        String v4 = EDGECORE.replace("[2001:db8::10]", "192.0.2.10")
                .replace("enable: false\n      server: \"192.0.2.10:10001\"", "enable: true\n      server: \"192.0.2.10:10001\"")
                .replace("enable: true\n      server: \"192.0.2.10:10000\"", "enable: false\n      server: \"192.0.2.10:10000\"");
        assertThat(v4).contains("quic:\n      enable: true");
        assertThatCode(() -> check(file("e.yaml", v4, FileKind.EDGECORE_CONFIG))).doesNotThrowAnyException();
    }

    @Test
    void edgeHubTlsCAFileIsMisspelledOnTheEdge() {
        String m = edgeFailure(replaceOnce(EDGECORE, "tlsCaFile:", "tlsCAFile:"));
        assertThat(m).contains("modules.edgeHub.tlsCAFile: unknown key").contains("did you mean 'tlsCaFile'?");
    }

    @Test
    void tailoredKubeletFlagIsInlinedNotAKey() {
        String m = edgeFailure(replaceOnce(EDGECORE, "    nodeIP: \"192.0.2.101,2001:db8::101\"\n",
                "    tailoredKubeletFlag:\n      nodeIP: \"192.0.2.101,2001:db8::101\"\n"));
        assertThat(m).contains("modules.edged.tailoredKubeletFlag: unknown key")
                .contains("Go embeds TailoredKubeletFlag without a JSON tag: write its fields directly under modules.edged");
    }

    @Test
    void edgeWrongTypesNamePaths() {
        String m = edgeFailure(EDGECORE.replace("heartbeat: 15", "heartbeat: \"15\"")
                .replace("mqttMode: 2", "mqttMode: two"));
        assertThat(m).contains("modules.edgeHub.heartbeat: ").contains("modules.eventBus.mqttMode: ")
                .contains("integer expected");
    }

    @Test
    void metaV1DurationMustBeAString() {
        String m = edgeFailure(replaceOnce(EDGECORE, "nodeStatusUpdateFrequency: 10s", "nodeStatusUpdateFrequency: 10"));
        assertThat(m).contains("modules.edged.tailoredKubeletConfig.nodeStatusUpdateFrequency: ");
    }

    @Test
    void websocketAndQuicBothEnabled() {
        String both = replaceOnce(EDGECORE, "enable: false\n      server: \"[2001:db8::10]:10001\"",
                "enable: true\n      server: \"[2001:db8::10]:10001\"");
        assertThat(edgeFailure(both)).contains("modules.edgeHub: both websocket.enable and quic.enable are true");
        String neither = replaceOnce(EDGECORE, "enable: true\n      server: \"[2001:db8::10]:10000\"",
                "enable: false\n      server: \"[2001:db8::10]:10000\"");
        assertThat(edgeFailure(neither)).contains("modules.edgeHub: neither websocket.enable nor quic.enable is true");
    }

    @Test
    void quicEnabledWhileWebsocketKeepsItsDefaultIsBoth() {
        String text = replaceOnce(EDGECORE, "enable: true\n      server: \"[2001:db8::10]:10000\"",
                "server: \"[2001:db8::10]:10000\"");
        text = replaceOnce(text, "enable: false\n      server: \"[2001:db8::10]:10001\"",
                "enable: true\n      server: \"[2001:db8::10]:10001\"");
        assertThat(edgeFailure(text)).contains("both websocket.enable and quic.enable are true");
    }

    @Test
    void edgeApiVersionAndKindAreChecked() {
        String m = edgeFailure(EDGECORE.replace("edgecore.config.kubeedge.io/v1alpha2", "edgecore.config.kubeedge.io/v1alpha1")
                .replace("kind: EdgeCore", "kind: Edgecore"));
        assertThat(m).contains("apiVersion: must be edgecore.config.kubeedge.io/v1alpha2")
                .contains("kind: must be EdgeCore, got \"Edgecore\"");
    }

    @Test
    void unbracketedIpv6HubServerAndBadNodeIpFail() {
        String m = edgeFailure(EDGECORE.replace("\"[2001:db8::10]:10000\"", "\"2001:db8::10:10000\"")
                .replace("nodeIP: \"192.0.2.101,2001:db8::101\"", "nodeIP: \"192.0.2.101,192.0.2.102\"")
                .replace("hostnameOverride: edge-0001", "hostnameOverride: Edge_0001")
                .replace("cgroupDriver: systemd", "cgroupDriver: system"));
        assertThat(m).contains("modules.edgeHub.websocket.server: \"2001:db8::10:10000\" has an IPv6 host without brackets")
                .contains("modules.edged.nodeIP: \"192.0.2.101,192.0.2.102\" must be a dual-stack pair")
                .contains("modules.edged.hostnameOverride: \"Edge_0001\" is not a DNS-1123 subdomain")
                .contains("modules.edged.tailoredKubeletConfig.cgroupDriver: \"system\" is not cgroupfs or systemd");
    }

    @Test
    void keysOnlyInOneKubeEdgeVersionAreRejected() {
        String m = edgeFailure(replaceOnce(EDGECORE, "      cgroupDriver: systemd\n",
                "      cgroupDriver: systemd\n      singleProcessOOMKill: true\n"));
        assertThat(m).contains("modules.edged.tailoredKubeletConfig.singleProcessOOMKill: unknown key");
    }
}
