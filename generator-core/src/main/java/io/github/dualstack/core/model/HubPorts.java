package io.github.dualstack.core.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** The five CloudCore ports, by the names KubeEdge's chart gives them. */
public record HubPorts(int websocket, int quic, int https, int stream, int tunnel) {

    /** Name to port, in a fixed order. */
    public Map<String, Integer> byName() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("websocket", websocket);
        m.put("quic", quic);
        m.put("https", https);
        m.put("stream", stream);
        m.put("tunnel", tunnel);
        return m;
    }
}
