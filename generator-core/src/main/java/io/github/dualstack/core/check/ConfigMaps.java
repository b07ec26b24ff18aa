package io.github.dualstack.core.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dualstack.core.FieldPath;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** A ConfigMap's data and binaryData: valid keys, string values. */
final class ConfigMaps {

    private static final Pattern KEY = Pattern.compile("[-._a-zA-Z0-9]+");

    private ConfigMaps() {
    }

    static void check(JsonNode doc, Scope s, Findings out) {
        for (String section : List.of("data", "binaryData")) {
            JsonNode data = doc.path(section);
            if (data.isMissingNode()) {
                continue;
            }
            if (!data.isObject()) {
                out.add(s.at(FieldPath.of(section)), "must be a mapping of strings, got " + Values.type(data));
                continue;
            }
            for (Map.Entry<String, JsonNode> e : data.properties()) {
                FieldPath p = FieldPath.of(section).child(e.getKey());
                if (!KEY.matcher(e.getKey()).matches() || e.getKey().length() > 253) {
                    out.add(s.at(p), "is not a valid ConfigMap key ([-._a-zA-Z0-9]+)");
                }
                if (!e.getValue().isTextual()) {
                    out.add(s.at(p), "ConfigMap values must be strings, got " + Values.type(e.getValue()));
                }
            }
        }
    }
}
