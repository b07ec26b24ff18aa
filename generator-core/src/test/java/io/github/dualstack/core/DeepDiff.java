package io.github.dualstack.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.dualstack.core.baseline.CniConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The deep comparison of a captured object and the generated one: every field at which they differ, one entry
 * each, marked {@code + } (only in the generated one), {@code - } (only in the captured one) or {@code ~ }
 * (changed). Entries read like the fields of the object:
 * <ul>
 * <li>object keys joined by dots, a key with a dot or a slash in brackets: {@code metadata.annotations["a/b"]};</li>
 * <li>a list of named objects (containers, env, ports, volumes, kubeadm v1beta4 extraArgs) by name, CNI plugins by
 *     type: {@code spec.containers[kube-apiserver]}, {@code plugins[calico]}; a command line by flag:
 *     {@code command[--cluster-cidr]}; a list of scalars as a whole; other lists by position;</li>
 * <li>the documents ConfigMaps hold (kube-proxy's config.conf, cloudcore.yaml, kubeadm's ClusterConfiguration,
 *     calico's CNI conflist) compared as trees, not as text: {@code data["config.conf"]: clusterCIDR}.</li>
 * </ul>
 * A missing {@code metadata.annotations} or {@code metadata.labels} is an empty one, as the API server has it.
 */
public final class DeepDiff {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> YAML_DOCUMENTS = Set.of("config.conf", "cloudcore.yaml", "ClusterConfiguration");
    private static final String CNI_DOCUMENT = "cni_network_config";

    private DeepDiff() {
    }

    public static Set<String> of(JsonNode captured, JsonNode generated) {
        Set<String> out = new TreeSet<>();
        diff("", captured, generated, out);
        return out;
    }

    private static void diff(String at, JsonNode a, JsonNode b, Set<String> out) {
        boolean aMissing = a == null || a.isMissingNode();
        boolean bMissing = b == null || b.isMissingNode();
        if (aMissing && bMissing) {
            return;
        }
        if ((aMissing || bMissing) && (at.endsWith("metadata.annotations") || at.endsWith("metadata.labels"))) {
            diff(at, aMissing ? JsonNodeFactory.instance.objectNode() : a,
                    bMissing ? JsonNodeFactory.instance.objectNode() : b, out);
            return;
        }
        if (aMissing) {
            out.add("+ " + at);
            return;
        }
        if (bMissing) {
            out.add("- " + at);
            return;
        }
        if (a.isObject() && b.isObject()) {
            Set<String> keys = new TreeSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                String child = key(at, k);
                if (at.equals("data") && a.path(k).isTextual() && b.path(k).isTextual()
                        && (YAML_DOCUMENTS.contains(k) || k.equals(CNI_DOCUMENT))) {
                    JsonNode da = document(k, a.get(k).asText());
                    JsonNode db = document(k, b.get(k).asText());
                    Set<String> inner = new TreeSet<>();
                    diff("", da, db, inner);
                    inner.forEach(e -> out.add(e.substring(0, 2) + child + ": " + e.substring(2)));
                } else {
                    diff(child, a.get(k), b.get(k), out);
                }
            }
            return;
        }
        if (a.isArray() && b.isArray()) {
            Map<String, JsonNode> ka = keyed(a);
            Map<String, JsonNode> kb = keyed(b);
            if (ka != null && kb != null) {
                Set<String> keys = new TreeSet<>(ka.keySet());
                keys.addAll(kb.keySet());
                for (String k : keys) {
                    diff(at + "[" + k + "]", ka.get(k), kb.get(k), out);
                }
                return;
            }
            if (!scalars(a) && !scalars(b) && a.size() == b.size()) {
                for (int i = 0; i < a.size(); i++) {
                    diff(at + "[" + i + "]", a.get(i), b.get(i), out);
                }
                return;
            }
        }
        if (!a.equals(b)) {
            out.add("~ " + at);
        }
    }

    private static String key(String at, String k) {
        if (k.contains(".") || k.contains("/")) {
            return at + "[\"" + k + "\"]";
        }
        return at.isEmpty() ? k : at + "." + k;
    }

    private static JsonNode document(String key, String text) {
        try {
            return key.equals(CNI_DOCUMENT) ? CniConfig.read(text) : YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError(key + " does not parse: " + e.getOriginalMessage(), e);
        }
    }

    private static boolean scalars(JsonNode list) {
        for (JsonNode e : list) {
            if (e.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    /**
     * A list by its elements' keys: a command line by flag (its executable and other words by position), named
     * objects by name, typed objects (CNI plugins) by type; null when the list is none of these.
     */
    private static Map<String, JsonNode> keyed(JsonNode list) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        boolean flags = false;
        for (JsonNode e : list) {
            flags |= e.isTextual() && e.asText().startsWith("--");
        }
        if (flags) {
            int i = 0;
            for (JsonNode e : list) {
                String s = e.asText();
                int eq = s.indexOf('=');
                String k = !s.startsWith("--") ? "#" + i : eq < 0 ? s : s.substring(0, eq);
                if (!e.isTextual() || out.put(k, e) != null) {
                    return null;
                }
                i++;
            }
            return out;
        }
        for (String field : new String[] {"name", "type"}) {
            out.clear();
            boolean all = !list.isEmpty();
            for (JsonNode e : list) {
                if (!e.isObject() || !e.path(field).isTextual() || out.put(e.path(field).asText(), e) != null) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return out;
            }
        }
        return null;
    }
}
