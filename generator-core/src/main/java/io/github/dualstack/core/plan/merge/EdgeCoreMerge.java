package io.github.dualstack.core.plan.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An edge node's edgecore.yaml (its own, or the fleet's default) with only {@code modules.edged.nodeIP} and the
 * CloudCore addresses it dials changed. edgecore reads its file over its defaults, so everything else (the
 * MetaServer and cluster DNS that EdgeMesh needs, an air-gapped {@code podSandboxImage}, {@code maxPods}) is the
 * node's and must be written back as it is.
 */
public final class EdgeCoreMerge {

    /** The dial addresses, by their path under {@code modules}. */
    public static final List<List<String>> SERVERS = List.of(List.of("edgeHub", "httpServer"),
            List.of("edgeHub", "websocket", "server"), List.of("edgeHub", "quic", "server"),
            List.of("edgeStream", "server"));

    private EdgeCoreMerge() {
    }

    /** {@code servers}: the value for each of {@link #SERVERS}, by its dotted path. */
    public static Merged merge(JsonNode edgecore, String nodeName, String nodeIp, Map<String, String> servers) {
        ObjectNode conf = edgecore.deepCopy();
        List<String> changed = new ArrayList<>();
        ObjectNode modules = Trees.object(conf, List.of("modules"));
        set(modules, List.of("edged", "nodeIP"), nodeIp, changed);
        set(modules, List.of("edged", "hostnameOverride"), nodeName, changed);
        for (List<String> path : SERVERS) {
            String value = servers.get(String.join(".", path));
            if (value != null) {
                set(modules, path, value, changed);
            }
        }
        return new Merged(conf, changed);
    }

    private static void set(ObjectNode modules, List<String> path, String value, List<String> changed) {
        ObjectNode parent = Trees.object(modules, path.subList(0, path.size() - 1));
        String key = path.get(path.size() - 1);
        if (!parent.path(key).asText().equals(value) || !parent.path(key).isTextual()) {
            parent.put(key, value);
            changed.add("modules." + String.join(".", path));
        }
    }
}
