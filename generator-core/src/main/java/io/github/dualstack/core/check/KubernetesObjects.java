package io.github.dualstack.core.check;

import io.github.dualstack.core.rules.Dns1123;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.dualstack.core.FieldPath;
import java.util.List;

/**
 * Kubernetes objects, one per document: apiVersion, kind and metadata as the API server validates them, then
 * the kinds dualstack writes ({@link ConfigMaps}, {@link Services}, {@link Pods}).
 */
final class KubernetesObjects {

    private KubernetesObjects() {
    }

    /** Every document of a manifest, each named by its number when there are several. */
    static void check(List<JsonNode> docs, Findings out) {
        for (int i = 0; i < docs.size(); i++) {
            check(docs.get(i), Scope.document(i + 1, docs.size()), out);
        }
    }

    static void check(JsonNode doc, Scope s, Findings out) {
        if (doc.isNull() || (doc.isTextual() && doc.textValue().isEmpty())) {
            out.add(s.at(FieldPath.ROOT), "is an empty YAML document; remove the stray '---'");
            return;
        }
        if (!doc.isObject()) {
            out.add(s.at(FieldPath.ROOT), "must be a Kubernetes object (a mapping), got " + Values.type(doc));
            return;
        }
        Fields.nonEmptyString(doc, "apiVersion", s, out);
        String kind = Fields.nonEmptyString(doc, "kind", s, out);
        metadata(doc.path("metadata"), s, out);
        if ("ConfigMap".equals(kind)) {
            ConfigMaps.check(doc, s, out);
        } else if ("Service".equals(kind)) {
            Services.check(doc, s, out);
        } else if ("Pod".equals(kind)) {
            Pods.check(doc, s, out);
        }
    }

    private static void metadata(JsonNode meta, Scope s, Findings out) {
        FieldPath metaPath = FieldPath.of("metadata");
        if (!meta.isObject()) {
            out.add(s.at(metaPath), meta.isMissingNode() ? "is required" : "must be a mapping, got " + Values.type(meta));
            return;
        }
        String name = Fields.nonEmptyString(meta, metaPath.child("name"), s, out);
        if (name != null && !Dns1123.isSubdomain(name)) {
            out.add(s.at(metaPath.child("name")), Values.quote(name) + " is not a DNS-1123 subdomain");
        }
        JsonNode ns = meta.path("namespace");
        if (!ns.isMissingNode() && !(ns.isTextual() && Dns1123.isLabel(ns.textValue()))) {
            out.add(s.at(metaPath.child("namespace")), Values.describe(ns) + " is not a DNS-1123 label");
        }
        Fields.stringMap(meta, metaPath, "labels", s, out);
        Fields.stringMap(meta, metaPath, "annotations", s, out);
    }
}
