package io.github.dualstack.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dualstack.core.model.Site;
import io.github.dualstack.core.plan.PlannedFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
/** edgecore.yaml as each edge node gets it: endpoints, node IPs, overrides, sorted keys. */
class EdgeCoreTemplateTest extends ScriptHarness {

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
}
