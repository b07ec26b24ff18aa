package io.github.dualstack.core.check;

import io.github.dualstack.core.rules.Dns1123;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.dualstack.core.FieldPath;
import java.util.List;
import java.util.Set;

/**
 * edgecore.yaml: {@code schemas/edgecore.schema.json} plus what EdgeCore checks at start-up and what its Go code
 * parses from strings (one hub protocol, bracketed host:port, the kubelet's node-ip rule, DNS-1123 node names).
 */
final class EdgeCoreConfigs {

    static final String API_VERSION = "edgecore.config.kubeedge.io/v1alpha2";
    private static final Set<String> CGROUP_DRIVERS = Set.of("cgroupfs", "systemd");
    private static final FieldPath EDGE_HUB = FieldPath.of("modules.edgeHub");

    private final KubeEdgeSchema schema;

    EdgeCoreConfigs(KubeEdgeSchema schema) {
        this.schema = schema;
    }

    void check(JsonNode cfg, Findings out) {
        Scope s = Scope.ROOT;
        schema.report(cfg, s, out);
        if (!cfg.isObject()) {
            return;
        }
        Fields.constant(cfg, "apiVersion", API_VERSION, s, out);
        Fields.constant(cfg, "kind", "EdgeCore", s, out);
        edgeHub(cfg.path("modules").path("edgeHub"), s, out);
        JsonNode stream = cfg.path("modules").path("edgeStream").path("server");
        if (stream.isTextual()) {
            Addresses.hostPort(stream.textValue(), () -> s.at(FieldPath.of("modules.edgeStream.server")), out);
        }
        edged(cfg.path("modules").path("edged"), s, out);
    }

    private static void edgeHub(JsonNode hub, Scope s, Findings out) {
        // Omitted keys keep the Go defaults (websocket on, quic off): EdgeCore merges the file over them.
        boolean ws = Fields.bool(hub.path("websocket").path("enable"), true);
        boolean quic = Fields.bool(hub.path("quic").path("enable"), false);
        if (ws == quic) {
            out.add(s.at(EDGE_HUB), (ws ? "both websocket.enable and quic.enable are true"
                    : "neither websocket.enable nor quic.enable is true") + "; KubeEdge requires exactly one");
        }
        for (String server : List.of("websocket", "quic")) {
            JsonNode v = hub.path(server).path("server");
            if (v.isTextual()) {
                Addresses.hostPort(v.textValue(), () -> s.at(EDGE_HUB.child(server).child("server")), out);
            }
        }
        JsonNode http = hub.path("httpServer");
        if (http.isTextual()) {
            String url = http.textValue();
            if (!url.startsWith("https://")) {
                out.add(s.at(EDGE_HUB.child("httpServer")), Values.quote(url) + " must be https://host:port");
            } else {
                Addresses.hostPort(url.substring("https://".length()), () -> s.at(EDGE_HUB.child("httpServer")), out);
            }
        }
    }

    private static void edged(JsonNode edged, Scope s, Findings out) {
        JsonNode nodeIp = edged.path("nodeIP");
        if (nodeIp.isTextual()) {
            Addresses.nodeIp(nodeIp.textValue(), () -> s.at(FieldPath.of("modules.edged.nodeIP")), out);
        }
        JsonNode host = edged.path("hostnameOverride");
        if (host.isTextual() && !Dns1123.isSubdomain(host.textValue())) {
            out.add(s.at(FieldPath.of("modules.edged.hostnameOverride")), Values.quote(host.textValue())
                    + " is not a DNS-1123 subdomain (KubeEdge ValidateNodeName)");
        }
        JsonNode driver = edged.path("tailoredKubeletConfig").path("cgroupDriver");
        if (driver.isTextual() && !CGROUP_DRIVERS.contains(driver.textValue())) {
            out.add(s.at(FieldPath.of("modules.edged.tailoredKubeletConfig.cgroupDriver")),
                    Values.quote(driver.textValue()) + " is not cgroupfs or systemd");
        }
    }
}
