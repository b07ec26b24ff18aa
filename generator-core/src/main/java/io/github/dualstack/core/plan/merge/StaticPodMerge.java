package io.github.dualstack.core.plan.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.dualstack.core.model.HostPathMount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A kubeadm static pod (cmd/kubeadm/app/phases/controlplane/manifests.go) with only the given flags set or removed
 * in its container's {@code command} and the given hostPath volumes added: every other flag, volume, mount, env,
 * resource, probe, annotation and the image stay as captured. A flag keeps its place when it is changed; a new one
 * goes where kubeadm's sorted order puts it. The file is the node's, not the API server's: nothing is stripped.
 */
public final class StaticPodMerge {

    private StaticPodMerge() {
    }

    public static Merged merge(JsonNode pod, Map<String, String> set, Set<String> remove, List<HostPathMount> mounts) {
        ObjectNode copy = pod.deepCopy();
        ObjectNode container = (ObjectNode) copy.path("spec").path("containers").path(0);
        ArrayNode command = (ArrayNode) container.get("command");
        List<String> changed = new ArrayList<>();
        for (String name : remove) {
            int at = indexOf(command, name);
            if (at >= 0) {
                command.remove(at);
                changed.add("--" + name + " (removed)");
            }
        }
        new TreeMap<>(set).forEach((name, value) -> {
            String arg = "--" + name + "=" + value;
            int at = indexOf(command, name);
            if (at >= 0) {
                if (!command.get(at).asText().equals(arg)) {
                    command.set(at, TextNode.valueOf(arg));
                    changed.add("--" + name);
                }
            } else {
                command.insert(sortedPosition(command, name), arg);
                changed.add("--" + name + " (added)");
            }
        });
        for (HostPathMount m : mounts) {
            if (addMount(copy, container, m)) {
                changed.add("volume " + m.name() + " (added)");
            }
        }
        return new Merged(copy, changed);
    }

    private static int indexOf(JsonNode command, String name) {
        for (int i = 1; i < command.size(); i++) {
            String arg = command.get(i).asText();
            if (arg.equals("--" + name) || arg.startsWith("--" + name + "=")) {
                return i;
            }
        }
        return -1;
    }

    /** Before the first flag whose name sorts after {@code name}, past the executable; at the end otherwise. */
    private static int sortedPosition(ArrayNode command, String name) {
        for (int i = 1; i < command.size(); i++) {
            String arg = command.get(i).asText();
            if (arg.startsWith("--") && flagName(arg).compareTo(name) > 0) {
                return i;
            }
        }
        return command.size();
    }

    private static String flagName(String arg) {
        int eq = arg.indexOf('=');
        return eq < 0 ? arg.substring(2) : arg.substring(2, eq);
    }

    /** Adds the volume and mount unless one of that name is there already (then the site's own is kept). */
    private static boolean addMount(ObjectNode pod, ObjectNode container, HostPathMount m) {
        ObjectNode spec = (ObjectNode) pod.get("spec");
        ArrayNode volumes = spec.has("volumes") ? (ArrayNode) spec.get("volumes") : spec.putArray("volumes");
        for (JsonNode v : volumes) {
            if (v.path("name").asText().equals(m.name())) {
                return false;
            }
        }
        ObjectNode volume = volumes.addObject();
        ObjectNode hostPath = volume.putObject("hostPath");
        hostPath.put("path", m.hostPath());
        hostPath.put("type", m.pathType().toString());   // kubeadm writes an unset type as ""
        volume.put("name", m.name());
        ArrayNode mountList = container.has("volumeMounts") ? (ArrayNode) container.get("volumeMounts")
                : container.putArray("volumeMounts");
        ObjectNode mount = mountList.addObject();
        mount.put("mountPath", m.mountPath());
        mount.put("name", m.name());
        if (m.readOnly()) {
            mount.put("readOnly", true);
        }
        return true;
    }
}
