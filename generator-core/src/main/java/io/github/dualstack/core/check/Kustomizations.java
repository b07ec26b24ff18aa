package io.github.dualstack.core.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dualstack.core.FieldPath;
import java.util.List;

/** kustomize's files: the Kustomization, and the strategic merge patches it applies. */
final class Kustomizations {

    static final String API_VERSION = "kustomize.config.k8s.io/v1beta1";

    private Kustomizations() {
    }

    static void check(JsonNode doc, Findings out) {
        Scope s = Scope.ROOT;
        if (!doc.isObject()) {
            out.add(s.at(FieldPath.ROOT), "must be a mapping, got " + Values.type(doc));
            return;
        }
        JsonNode kind = doc.path("kind");
        if (kind.isTextual() && "Kustomization".equals(kind.textValue())) {
            kustomization(doc, s, out);
        } else if (!kind.isMissingNode()) {
            // A strategic merge patch: kustomize finds its target by apiVersion, kind and metadata.name.
            Fields.nonEmptyString(doc, "kind", s, out);
            Fields.nonEmptyString(doc, "apiVersion", s, out);
            Fields.nonEmptyString(doc.path("metadata"), FieldPath.of("metadata.name"), s, out);
        }
    }

    private static void kustomization(JsonNode doc, Scope s, Findings out) {
        Fields.constant(doc, "apiVersion", API_VERSION, s, out);
        for (String list : List.of("resources", "patches")) {
            JsonNode entries = doc.path(list);
            if (entries.isMissingNode()) {
                continue;
            }
            if (!entries.isArray()) {
                out.add(s.at(FieldPath.of(list)), "must be a list, got " + Values.type(entries));
                continue;
            }
            for (int i = 0; i < entries.size(); i++) {
                JsonNode e = entries.get(i);
                if (!e.isTextual() && !e.isObject()) {
                    out.add(s.at(FieldPath.of(list).index(i)), "must be a string or a mapping, got " + Values.type(e));
                }
            }
        }
    }
}
