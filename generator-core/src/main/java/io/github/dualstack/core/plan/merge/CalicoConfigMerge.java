package io.github.dualstack.core.plan.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dualstack.core.baseline.BaselineLayout.Embedded;
import io.github.dualstack.core.baseline.CniConfig;
import io.github.dualstack.core.model.IpFamily;
import java.util.ArrayList;
import java.util.List;

/**
 * calico-config with only the {@code ipam} of the calico plugin in {@code cni_network_config} changed: one address
 * per site family ({@code assign_ipv4}/{@code assign_ipv6}, strings: the CNI plugin reads them as {@code *string}).
 * {@code typha_service_name} (Felix bypasses Typha silently when it is {@code none}), {@code veth_mtu}, the
 * backend and every other plugin of the conflist are the site's and stay. host-local IPAM gets a range per family.
 */
public final class CalicoConfigMerge {

    private CalicoConfigMerge() {
    }

    public static Merged merge(JsonNode configMap, JsonNode conflist, List<IpFamily> families) {
        ObjectNode object = ServerFields.forApply(configMap);
        JsonNode cni = conflist.deepCopy();
        List<String> changed = new ArrayList<>();
        for (JsonNode plugin : cni.path("plugins")) {
            if (plugin.path("type").asText().equals("calico") && plugin.get("ipam") instanceof ObjectNode ipam
                    && ipam.path("type").asText().equals("host-local")) {
                hostLocal(ipam, families, changed);
            } else if (plugin.path("type").asText().equals("calico") && plugin.get("ipam") instanceof ObjectNode ipam) {
                for (IpFamily f : IpFamily.values()) {
                    String key = "assign_" + f.key();
                    String value = String.valueOf(families.contains(f));
                    if (!ipam.path(key).asText().equals(value) || !ipam.path(key).isTextual()) {
                        ipam.put(key, value);
                        changed.add("data.cni_network_config: plugins[calico].ipam." + key);
                    }
                }
            }
        }
        ((ObjectNode) object.get("data")).put(Embedded.CNI_NETWORK_CONFIG.dataKey(), CniConfig.print(cni));
        return new Merged(object, changed);
    }

    /**
     * host-local IPAM ignores Calico's assign_* keys: it takes one range per family, where {@code usePodCidr} and
     * {@code usePodCidrIPv6} stand for the node's podCIDR of that family (Calico's CNI plugin; tigera/operator
     * {@code buildHostLocalIPAM} writes the same). A node whose podCIDR lacks a family still gets none of it.
     */
    private static void hostLocal(ObjectNode ipam, List<IpFamily> families, List<String> changed) {
        ArrayNode ranges = ipam.arrayNode();
        for (IpFamily f : families) {
            ranges.addArray().addObject().put("subnet", f == IpFamily.IPv4 ? "usePodCidr" : "usePodCidrIPv6");
        }
        if (families.size() == 1) {
            JsonNode subnet = ranges.get(0).get(0).get("subnet");
            if (!subnet.equals(ipam.get("subnet")) || ipam.has("ranges")) {
                ipam.remove("ranges");
                ipam.set("subnet", subnet);
                changed.add("data.cni_network_config: plugins[calico].ipam.subnet");
            }
        } else if (!ranges.equals(ipam.get("ranges")) || ipam.has("subnet")) {
            ipam.remove("subnet");
            ipam.set("ranges", ranges);
            changed.add("data.cni_network_config: plugins[calico].ipam.ranges");
        }
    }
}
