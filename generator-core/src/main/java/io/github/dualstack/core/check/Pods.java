package io.github.dualstack.core.check;

import io.github.dualstack.core.rules.Dns1123;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.dualstack.core.FieldPath;

/** A static Pod: at least one container, each with a DNS-1123 name and an image. */
final class Pods {

    private Pods() {
    }

    static void check(JsonNode doc, Scope s, Findings out) {
        JsonNode containers = doc.path("spec").path("containers");
        FieldPath cp = FieldPath.of("spec.containers");
        if (!containers.isArray() || containers.isEmpty()) {
            out.add(s.at(cp), "must be a non-empty list, got " + Values.type(containers));
            return;
        }
        for (int i = 0; i < containers.size(); i++) {
            JsonNode c = containers.get(i);
            if (!c.isObject()) {
                out.add(s.at(cp.index(i)), "must be a mapping, got " + Values.type(c));
                continue;
            }
            String name = Fields.nonEmptyString(c, cp.index(i).child("name"), s, out);
            if (name != null && !Dns1123.isLabel(name)) {
                out.add(s.at(cp.index(i).child("name")), Values.quote(name) + " is not a DNS-1123 label");
            }
            Fields.nonEmptyString(c, cp.index(i).child("image"), s, out);
        }
    }
}
