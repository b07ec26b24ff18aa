package io.github.dualstack.core.plan.merge;

import com.fasterxml.jackson.databind.JsonNode;
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
 * backend and every other plugin of the conflist are the site's and stay.
 */
public final class CalicoConfigMerge {


    private CalicoConfigMerge() {
    }

    public static Merged merge(JsonNode configMap, JsonNode conflist, List<IpFamily> families) {
        ObjectNode object = ServerFields.forApply(configMap);
        JsonNode cni = conflist.deepCopy();
        List<String> changed = new ArrayList<>();
        for (JsonNode plugin : cni.path("plugins")) {
            if (plugin.path("type").asText().equals("calico") && plugin.get("ipam") instanceof ObjectNode ipam) {
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
}
