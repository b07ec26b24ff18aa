package io.github.dualstack.core.plan.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dualstack.core.baseline.BaselineLayout.Embedded;
import io.github.dualstack.core.model.HostPathMount;
import io.github.dualstack.core.yaml.CanonicalYaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code kubeadm-config} ConfigMap's ClusterConfiguration with the new networking, mask sizes, flags, volumes
 * and certificate SANs, so that a later {@code kubeadm upgrade} renders the static pods as they now are instead of
 * reverting them (kubernetes/website {@code tasks/administer-cluster/kubeadm/kubeadm-reconfigure.md}). v1beta4
 * (kubeadm 1.31+) writes extraArgs as a list of name/value; v1beta3 as a map: each is kept in its own form.
 */
public final class KubeadmConfigMerge {

    /** What changes in the ClusterConfiguration. */
    public record Changes(String podSubnet, String serviceSubnet, Map<String, String> apiServerArgs,
                          Map<String, String> controllerManagerArgs, Set<String> controllerManagerArgsRemoved,
                          List<HostPathMount> apiServerVolumes, List<HostPathMount> controllerManagerVolumes,
                          List<String> certSans) {
    }

    private KubeadmConfigMerge() {
    }

    public static Merged merge(JsonNode configMap, JsonNode clusterConfiguration, Changes c) {
        ObjectNode object = ServerFields.forApply(configMap);
        ObjectNode conf = clusterConfiguration.deepCopy();
        List<String> changed = apply(conf, c);
        ((ObjectNode) object.get("data")).put(Embedded.CLUSTER_CONFIGURATION.dataKey(), CanonicalYaml.print(conf));
        return new Merged(object, changed);
    }

    /**
     * Sets the dual-stack fields in a ClusterConfiguration, in its apiVersion's form, and names each field it
     * changed: the one home of those fields for a running site's kubeadm-config and a new site's kubeadm init.
     */
    public static List<String> apply(ObjectNode conf, Changes c) {
        boolean argList = conf.path("apiVersion").asText().endsWith("/v1beta4");
        List<String> changed = new ArrayList<>();
        ObjectNode networking = Trees.object(conf, List.of("networking"));
        set(networking, "podSubnet", c.podSubnet(), "networking.podSubnet", changed);
        set(networking, "serviceSubnet", c.serviceSubnet(), "networking.serviceSubnet", changed);
        ObjectNode api = Trees.object(conf, List.of("apiServer"));
        args(api, c.apiServerArgs(), Set.of(), argList, "apiServer", changed);
        volumes(api, c.apiServerVolumes(), "apiServer", changed);
        ObjectNode kcm = Trees.object(conf, List.of("controllerManager"));
        args(kcm, c.controllerManagerArgs(), c.controllerManagerArgsRemoved(), argList, "controllerManager", changed);
        volumes(kcm, c.controllerManagerVolumes(), "controllerManager", changed);
        ArrayNode sans = api.has("certSANs") ? (ArrayNode) api.get("certSANs") : null;
        for (String san : c.certSans()) {
            boolean present = false;
            for (JsonNode s : sans == null ? List.<JsonNode>of() : sans) {
                present |= s.asText().equals(san);
            }
            if (!present) {
                if (sans == null) {
                    sans = api.putArray("certSANs");
                }
                sans.add(san);
                changed.add("apiServer.certSANs: " + san + " (added)");
            }
        }
        return changed;
    }

    private static void set(ObjectNode parent, String key, String value, String name, List<String> changed) {
        if (!parent.path(key).asText().equals(value)) {
            parent.put(key, value);
            changed.add(name);
        }
    }

    private static void args(ObjectNode component, Map<String, String> set, Set<String> remove, boolean argList,
                             String name, List<String> changed) {
        if (set.isEmpty() && remove.isEmpty()) {
            return;
        }
        if (argList) {
            ArrayNode list = component.get("extraArgs") instanceof ArrayNode a ? a : component.putArray("extraArgs");
            for (int i = list.size() - 1; i >= 0; i--) {
                if (remove.contains(list.get(i).path("name").asText())) {
                    changed.add(name + ".extraArgs." + list.get(i).path("name").asText() + " (removed)");
                    list.remove(i);
                }
            }
            new TreeMap<>(set).forEach((flag, value) -> {
                ObjectNode entry = null;
                for (JsonNode e : list) {
                    if (e.path("name").asText().equals(flag)) {
                        entry = (ObjectNode) e;
                    }
                }
                if (entry == null) {
                    list.addObject().put("name", flag).put("value", value);
                    changed.add(name + ".extraArgs." + flag + " (added)");
                } else if (!entry.path("value").asText().equals(value)) {
                    entry.put("value", value);
                    changed.add(name + ".extraArgs." + flag);
                }
            });
        } else {
            ObjectNode map = Trees.object(component, List.of("extraArgs"));
            for (String flag : remove) {
                if (map.remove(flag) != null) {
                    changed.add(name + ".extraArgs." + flag + " (removed)");
                }
            }
            new TreeMap<>(set).forEach((flag, value) -> set(map, flag, value, name + ".extraArgs." + flag, changed));
        }
    }

    private static void volumes(ObjectNode component, List<HostPathMount> mounts, String name,
                                List<String> changed) {
        if (mounts.isEmpty()) {
            return;
        }
        ArrayNode list = component.get("extraVolumes") instanceof ArrayNode a ? a : component.putArray("extraVolumes");
        for (HostPathMount m : mounts) {
            boolean present = false;
            for (JsonNode v : list) {
                present |= v.path("name").asText().equals(m.name());
            }
            if (!present) {
                ObjectNode v = list.addObject().put("hostPath", m.hostPath()).put("mountPath", m.mountPath())
                        .put("name", m.name()).put("readOnly", m.readOnly());
                if (m.pathType() != HostPathMount.PathType.UNSET) {
                    v.put("pathType", m.pathType().toString());
                }
                changed.add(name + ".extraVolumes." + m.name() + " (added)");
            }
        }
    }
}
