package io.github.dualstack.core.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dualstack.core.FieldPath;
import io.github.dualstack.core.rules.KubernetesLimits;
import java.util.List;
import java.util.Map;

/** Required and typed fields of a parsed object, each problem reported at the field's path. */
final class Fields {

    private Fields() {
    }

    /** A boolean, or {@code dflt} when the value is missing or not a boolean (the schema reports the latter). */
    static boolean bool(JsonNode n, boolean dflt) {
        return n.isBoolean() ? n.booleanValue() : dflt;
    }

    static void constant(JsonNode obj, String key, String want, Scope s, Findings out) {
        oneOf(obj, key, List.of(want), s, out);
    }

    static void oneOf(JsonNode obj, String key, List<String> allowed, Scope s, Findings out) {
        JsonNode v = obj.path(key);
        if (!(v.isTextual() && allowed.contains(v.textValue()))) {
            out.add(s.at(FieldPath.of(key)), "must be " + String.join(" or ", allowed) + ", got " + Values.describe(v));
        }
    }

    static String nonEmptyString(JsonNode obj, String key, Scope s, Findings out) {
        return nonEmptyString(obj, FieldPath.of(key), s, out);
    }

    /** The string at the last segment of {@code p} inside {@code obj}, or null after reporting why not. */
    static String nonEmptyString(JsonNode obj, FieldPath p, Scope s, Findings out) {
        List<Object> seg = p.segments();
        JsonNode v = obj.path((String) seg.get(seg.size() - 1));
        if (v.isMissingNode()) {
            out.add(s.at(p), "is required");
        } else if (!v.isTextual() || v.textValue().isEmpty()) {
            out.add(s.at(p), "must be a non-empty string, got " + Values.describe(v));
        } else {
            return v.textValue();
        }
        return null;
    }

    /** An optional mapping of strings (labels, annotations). */
    static void stringMap(JsonNode meta, FieldPath metaPath, String key, Scope s, Findings out) {
        JsonNode m = meta.path(key);
        if (m.isMissingNode()) {
            return;
        }
        if (!m.isObject()) {
            out.add(s.at(metaPath.child(key)), "must be a mapping of strings, got " + Values.type(m));
            return;
        }
        for (Map.Entry<String, JsonNode> e : m.properties()) {
            if (!e.getValue().isTextual()) {
                out.add(s.at(metaPath.child(key).child(e.getKey())), "must be a string, got " + Values.type(e.getValue()));
            }
        }
    }

    static void portNumber(JsonNode v, FieldPath p, boolean required, Scope s, Findings out) {
        if (v.isMissingNode()) {
            if (required) {
                out.add(s.at(p), "is required");
            }
        } else if (!v.isIntegralNumber()) {
            out.add(s.at(p), "must be an integer, got " + Values.describe(v));
        } else {
            portRange(v, p, s, out);
        }
    }

    /** An integer given as a port must be one (1-65535); other types are the schema's to report. */
    static void portRange(JsonNode v, FieldPath p, Scope s, Findings out) {
        if (v.isIntegralNumber() && !KubernetesLimits.isPort(v.asLong())) {
            out.add(s.at(p), v.asLong() + " is not a port number (1-65535)");
        }
    }
}
