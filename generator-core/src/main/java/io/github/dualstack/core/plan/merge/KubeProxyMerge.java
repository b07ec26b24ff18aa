package io.github.dualstack.core.plan.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dualstack.core.baseline.BaselineLayout.Embedded;
import io.github.dualstack.core.yaml.CanonicalYaml;
import java.util.ArrayList;
import java.util.List;

/**
 * kube-proxy's ConfigMap with only {@code clusterCIDR} of its {@code config.conf} changed: kube-proxy falls back
 * to the default of every key it is not given (kubernetes/kubernetes {@code pkg/proxy/apis/config}), so the mode,
 * {@code ipvs.strictARP}, {@code metricsBindAddress}, {@code nodePortAddresses} and conntrack settings the site has
 * must all be written back as they are.
 */
public final class KubeProxyMerge {


    private KubeProxyMerge() {
    }

    public static Merged merge(JsonNode configMap, JsonNode configConf, List<String> podCidrs) {
        ObjectNode object = ServerFields.forApply(configMap);
        ObjectNode conf = configConf.deepCopy();
        List<String> changed = new ArrayList<>();
        String cidrs = String.join(",", podCidrs);
        if (!conf.path("clusterCIDR").asText().equals(cidrs)) {
            conf.put("clusterCIDR", cidrs);
            changed.add("data.config.conf: clusterCIDR");
        }
        ((ObjectNode) object.get("data")).put(Embedded.KUBE_PROXY_CONFIGURATION.dataKey(), CanonicalYaml.print(conf));
        return new Merged(object, changed);
    }
}
