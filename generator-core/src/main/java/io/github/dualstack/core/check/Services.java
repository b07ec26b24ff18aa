package io.github.dualstack.core.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dualstack.core.FieldPath;
import java.util.HashSet;
import java.util.Set;

/** A Service's ports and its dual-stack fields (ipFamilies, ipFamilyPolicy), as the API server validates them. */
final class Services {

    private static final Set<String> IP_FAMILIES = Set.of("IPv4", "IPv6");
    private static final Set<String> IP_FAMILY_POLICIES = Set.of("SingleStack", "PreferDualStack", "RequireDualStack");
    private static final Set<String> PROTOCOLS = Set.of("TCP", "UDP", "SCTP");

    private Services() {
    }

    static void check(JsonNode doc, Scope s, Findings out) {
        JsonNode spec = doc.path("spec");
        if (!spec.isObject()) {
            out.add(s.at(FieldPath.of("spec")), "must be a mapping, got " + Values.type(spec));
            return;
        }
        ports(spec.path("ports"), s, out);
        int familyCount = families(spec.path("ipFamilies"), s, out);
        JsonNode policy = spec.path("ipFamilyPolicy");
        if (!policy.isMissingNode()) {
            if (!(policy.isTextual() && IP_FAMILY_POLICIES.contains(policy.textValue()))) {
                out.add(s.at(FieldPath.of("spec.ipFamilyPolicy")),
                        Values.describe(policy) + " is not one of PreferDualStack, RequireDualStack, SingleStack");
            } else if ("SingleStack".equals(policy.textValue()) && familyCount > 1) {
                out.add(s.at(FieldPath.of("spec.ipFamilyPolicy")), "SingleStack allows one entry in spec.ipFamilies");
            }
        }
    }

    private static void ports(JsonNode ports, Scope s, Findings out) {
        if (ports.isMissingNode()) {
            return;
        }
        if (!ports.isArray()) {
            out.add(s.at(FieldPath.of("spec.ports")), "must be a list, got " + Values.type(ports));
            return;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            JsonNode port = ports.get(i);
            FieldPath pp = FieldPath.of("spec.ports").index(i);
            if (!port.isObject()) {
                out.add(s.at(pp), "must be a mapping, got " + Values.type(port));
                continue;
            }
            Fields.portNumber(port.path("port"), pp.child("port"), true, s, out);
            Fields.portNumber(port.path("nodePort"), pp.child("nodePort"), false, s, out);
            JsonNode target = port.path("targetPort");
            if (!target.isMissingNode() && !target.isTextual()) {
                Fields.portNumber(target, pp.child("targetPort"), false, s, out);
            }
            JsonNode protocol = port.path("protocol");
            if (!protocol.isMissingNode() && !(protocol.isTextual() && PROTOCOLS.contains(protocol.textValue()))) {
                out.add(s.at(pp.child("protocol")), Values.describe(protocol) + " is not one of SCTP, TCP, UDP");
            }
            JsonNode name = port.path("name");
            if (ports.size() > 1 && !(name.isTextual() && !name.textValue().isEmpty())) {
                out.add(s.at(pp.child("name")), "is required when a Service has more than one port");
            } else if (name.isTextual() && !names.add(name.textValue())) {
                out.add(s.at(pp.child("name")), "duplicate port name " + Values.quote(name.textValue()));
            }
        }
    }

    /** Checks spec.ipFamilies; how many entries it has (0 when it is missing or not a list). */
    private static int families(JsonNode families, Scope s, Findings out) {
        if (families.isMissingNode()) {
            return 0;
        }
        if (!families.isArray()) {
            out.add(s.at(FieldPath.of("spec.ipFamilies")), "must be a list, got " + Values.type(families));
            return 0;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < families.size(); i++) {
            JsonNode fam = families.get(i);
            FieldPath fp = FieldPath.of("spec.ipFamilies").index(i);
            if (!(fam.isTextual() && IP_FAMILIES.contains(fam.textValue()))) {
                out.add(s.at(fp), Values.describe(fam) + " is not IPv4 or IPv6");
            } else if (!seen.add(fam.textValue())) {
                out.add(s.at(fp), "duplicate family " + fam.textValue());
            }
        }
        if (families.size() > 2) {
            out.add(s.at(FieldPath.of("spec.ipFamilies")), "has " + families.size() + " entries; at most 2");
        }
        return families.size();
    }
}
