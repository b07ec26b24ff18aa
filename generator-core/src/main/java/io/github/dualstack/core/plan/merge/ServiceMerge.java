package io.github.dualstack.core.plan.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dualstack.core.model.IpFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Service with only {@code ipFamilies}, {@code ipFamilyPolicy} and its ports changed. {@code clusterIP(s)} stay:
 * the primary cluster IP cannot change, and the API server allocates the secondary one when the policy asks for
 * two families (kubernetes/website {@code concepts/services-networking/dual-stack.md}). Ports are matched by name;
 * a port the site added itself is kept.
 */
public final class ServiceMerge {

    /** A port as the plan wants it; {@code nodePort} only for a NodePort exposure. */
    public record Port(String name, String protocol, int port, Optional<Integer> nodePort) {
    }

    private ServiceMerge() {
    }

    public static Merged merge(JsonNode service, List<IpFamily> families, String policy, List<Port> ports) {
        ObjectNode object = ServerFields.forApply(service);
        ObjectNode spec = Trees.object(object, List.of("spec"));
        List<String> changed = new ArrayList<>();
        ArrayNode familyList = spec.arrayNode();
        families.forEach(f -> familyList.add(f.name()));
        if (!familyList.equals(spec.get("ipFamilies"))) {
            spec.set("ipFamilies", familyList);
            changed.add("spec.ipFamilies");
        }
        if (!spec.path("ipFamilyPolicy").asText().equals(policy)) {
            spec.put("ipFamilyPolicy", policy);
            changed.add("spec.ipFamilyPolicy");
        }
        ArrayNode list = spec.has("ports") ? (ArrayNode) spec.get("ports") : spec.putArray("ports");
        for (Port p : ports) {
            ObjectNode existing = null;
            for (JsonNode e : list) {
                if (e.path("name").asText().equals(p.name())) {
                    existing = (ObjectNode) e;
                }
            }
            ObjectNode port = existing == null ? list.addObject() : existing.deepCopy();
            port.put("name", p.name());
            port.put("port", p.port());
            port.put("protocol", p.protocol());
            if (!port.has("targetPort")) {
                port.put("targetPort", p.port());
            }
            p.nodePort().ifPresent(n -> port.put("nodePort", n));
            if (existing == null) {
                changed.add("spec.ports[" + p.name() + "] (added)");
            } else if (!existing.equals(port)) {
                existing.setAll(port);
                changed.add("spec.ports[" + p.name() + "]");
            }
        }
        return new Merged(object, changed);
    }
}
