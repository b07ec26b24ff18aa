package io.github.dualstack.core.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dualstack.core.FieldPath;
import io.github.dualstack.core.Problems;
import io.github.dualstack.core.baseline.BaselineLayout.ClusterFile;
import io.github.dualstack.core.baseline.BaselineLayout.Embedded;
import io.github.dualstack.core.check.Values;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The shape of each captured file: its {@code apiVersion} and {@code kind}, its name and namespace, and the fields
 * that merging and the guards read, each problem at the offending field. A file of the wrong kind is checked no
 * further: every other problem would follow from that one.
 */
final class Shapes {

    /** The families a Service may list. */
    private static final Set<String> FAMILIES = Set.of("IPv4", "IPv6");
    private static final FieldPath ROOT = FieldPath.ROOT;

    private final Problems p;

    private Shapes(Problems p) {
        this.p = p;
    }

    /**
     * A cluster object of {@code file}; {@code cloudCoreNamespace} is the descriptor's, where CloudCore's objects
     * live.
     */
    static void cluster(ClusterFile file, JsonNode root, String cloudCoreNamespace, Problems problems) {
        Shapes s = new Shapes(problems);
        Optional<String> namespace = file.namespace().map(ns -> ns.equals("cloudcore") ? cloudCoreNamespace : ns);
        String namespaceSource = file.namespace().filter("cloudcore"::equals).isPresent()
                ? " (spec.cloudCore.namespace)" : "";
        switch (file) {
            case KUBEADM_CONFIG, KUBE_PROXY_CONFIG, CALICO_CONFIG, CLOUDCORE_CONFIG ->
                    s.configMap(root, file, namespace, namespaceSource);
            case KUBE_PROXY_DAEMONSET, CALICO_NODE, CLOUDCORE_DEPLOYMENT ->
                    s.workload(root, file, namespace, namespaceSource);
            case KUBERNETES_SERVICE, KUBE_DNS_SERVICE, CLOUDCORE_SERVICE ->
                    s.service(root, file, namespace, namespaceSource);
            case CALICO_INSTALLATION -> {
                if (s.object(root, ROOT, "operator.tigera.io/v1", file.kind())) {
                    s.metadata(root, ROOT, file.objectName(), Optional.empty(), "");
                    s.mapping(root, ROOT, "spec", false);
                }
            }
            case CALICO_POOLS -> s.pools(root);
            case NODES -> s.nodes(root);
        }
    }

    /** A control-plane static pod whose first container runs {@code component}. */
    static void staticPod(JsonNode root, String component, Problems problems) {
        Shapes s = new Shapes(problems);
        if (!s.object(root, ROOT, "v1", "Pod")) {
            return;
        }
        JsonNode meta = s.mapping(root, ROOT, "metadata", false);
        if (meta != null) {
            s.labelsAndAnnotations(meta, ROOT.child("metadata"));
        }
        JsonNode spec = s.mapping(root, ROOT, "spec", true);
        if (spec == null) {
            return;
        }
        FieldPath specAt = ROOT.child("spec");
        JsonNode containers = s.list(root.path("spec"), specAt, "containers", true, true);
        if (containers != null) {
            FieldPath at = specAt.child("containers").index(0);
            JsonNode c = containers.get(0);
            if (!c.isObject()) {
                s.p.error(at, "must be a mapping (the " + component + " container), got " + Values.type(c));
            } else {
                JsonNode command = s.list(c, at, "command", true, true);
                if (command != null && s.strings(command, at.child("command"))) {
                    JsonNode first = command.get(0);
                    if (!first.textValue().equals(component)) {
                        s.p.error(at.child("command").index(0), "must be " + component + " (the component this file"
                                + " runs), got " + Values.describe(first));
                    }
                }
                s.entries(c, at, "volumeMounts", false, "name", "mountPath", null);
            }
        }
        s.entries(spec, specAt, "volumes", false, "name", null, "hostPath");
    }

    /** A document a ConfigMap holds: its {@code apiVersion} and {@code kind}, or a JSON object. */
    static void embedded(Embedded document, JsonNode root, Problems problems) {
        Shapes s = new Shapes(problems);
        if (document.kind().isEmpty()) {
            if (!root.isObject()) {
                s.p.error(ROOT, "must be a JSON object, got " + Values.type(root));
            }
            return;
        }
        s.object(root, ROOT, document.apiGroup().orElseThrow(), document.kind().orElseThrow());
    }

    /** An edgecore.yaml, which must hold no join token: the baseline is committed to git. */
    static void edgeCore(JsonNode root, Problems problems) {
        Shapes s = new Shapes(problems);
        if (!s.object(root, ROOT, "edgecore.config.kubeedge.io/", "EdgeCore")) {
            return;
        }
        JsonNode modules = s.mapping(root, ROOT, "modules", true);
        if (modules == null) {
            return;
        }
        JsonNode hub = s.mapping(modules, ROOT.child("modules"), "edgeHub", false);
        JsonNode token = hub == null ? null : hub.get("token");
        if (token != null && !token.isNull() && !(token.isTextual() && token.textValue().isEmpty())) {
            s.p.error(ROOT.child("modules").child("edgeHub").child("token"), "holds a join token, a secret, and the"
                    + " baseline is committed to git: blank it (token: \"\"), as the command of dualstack capture does");
        }
    }

    private void configMap(JsonNode root, ClusterFile file, Optional<String> namespace, String namespaceSource) {
        if (!object(root, ROOT, "v1", "ConfigMap")) {
            return;
        }
        metadata(root, ROOT, file.objectName(), namespace, namespaceSource);
        JsonNode data = mapping(root, ROOT, "data", true);
        if (data == null) {
            return;
        }
        FieldPath dataAt = ROOT.child("data");
        for (Map.Entry<String, JsonNode> e : data.properties()) {
            if (!e.getValue().isTextual()) {
                p.error(dataAt.child(e.getKey()), "must be a string, got " + Values.type(e.getValue()));
            }
        }
        for (String key : file.requiredData()) {
            if (!data.has(key)) {
                p.error(dataAt.child(key), "is required");
            }
        }
    }

    /** A DaemonSet or Deployment: its pod template's containers, each named. */
    private void workload(JsonNode root, ClusterFile file, Optional<String> namespace, String namespaceSource) {
        if (!object(root, ROOT, "apps/v1", file.kind())) {
            return;
        }
        metadata(root, ROOT, file.objectName(), namespace, namespaceSource);
        FieldPath at = ROOT;
        JsonNode n = root;
        for (String key : new String[] {"spec", "template", "spec"}) {
            n = mapping(n, at, key, true);
            if (n == null) {
                return;
            }
            at = at.child(key);
        }
        entries(n, at, "containers", true, "name", null, null);
    }

    private void service(JsonNode root, ClusterFile file, Optional<String> namespace, String namespaceSource) {
        if (!object(root, ROOT, "v1", "Service")) {
            return;
        }
        metadata(root, ROOT, file.objectName(), namespace, namespaceSource);
        JsonNode spec = mapping(root, ROOT, "spec", true);
        if (spec == null) {
            return;
        }
        FieldPath at = ROOT.child("spec");
        JsonNode families = list(spec, at, "ipFamilies", false, true);
        if (families != null && strings(families, at.child("ipFamilies"))) {
            for (int i = 0; i < families.size(); i++) {
                if (!FAMILIES.contains(families.get(i).textValue())) {
                    p.error(at.child("ipFamilies").index(i), "must be IPv4 or IPv6, got " + Values.describe(families.get(i)));
                }
            }
        }
        JsonNode ips = list(spec, at, "clusterIPs", false, true);
        if (ips != null) {
            strings(ips, at.child("clusterIPs"));
        }
        string(spec, at, "ipFamilyPolicy", false);
    }

    private void pools(JsonNode root) {
        JsonNode items = list(root, "List");
        if (items == null) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            FieldPath at = ROOT.child("items").index(i);
            JsonNode pool = items.get(i);
            if (object(pool, at, "crd.projectcalico.org/v1", "IPPool")) {
                metadata(pool, at, Optional.empty(), Optional.empty(), "");
                JsonNode spec = mapping(pool, at, "spec", true);
                if (spec != null) {
                    string(spec, at.child("spec"), "cidr", true);
                }
            }
        }
    }

    private void nodes(JsonNode root) {
        JsonNode items = list(root, "NodeList");
        if (items == null) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            FieldPath at = ROOT.child("items").index(i);
            JsonNode node = items.get(i);
            if (!object(node, at, "v1", "Node")) {
                continue;
            }
            JsonNode meta = mapping(node, at, "metadata", true);
            if (meta != null) {
                string(meta, at.child("metadata"), "name", true);
                stringMap(meta, at.child("metadata"), "labels");
            }
            JsonNode spec = mapping(node, at, "spec", false);
            if (spec != null) {
                string(spec, at.child("spec"), "podCIDR", false);
                JsonNode cidrs = list(spec, at.child("spec"), "podCIDRs", false, false);
                if (cidrs != null) {
                    strings(cidrs, at.child("spec").child("podCIDRs"));
                }
            }
            JsonNode status = mapping(node, at, "status", false);
            if (status != null) {
                entries(status, at.child("status"), "addresses", false, "type", "address", null);
            }
        }
    }

    /**
     * The items of a {@code kubectl get} list ({@code kind: List}, or {@code typedList} as some clients write it),
     * or null after reporting why there are none.
     */
    private JsonNode list(JsonNode root, String typedList) {
        if (!root.isObject()) {
            p.error(ROOT, "must be a mapping: a List as kubectl get -o yaml prints it, got " + Values.type(root));
            return null;
        }
        JsonNode kind = root.path("kind");
        boolean ok = true;
        if (!(kind.isTextual() && (kind.textValue().equals("List") || kind.textValue().equals(typedList)))) {
            p.error(ROOT.child("kind"), "must be List or " + typedList + ", got " + Values.describe(kind));
            ok = false;
        }
        ok &= expect(root, ROOT, "apiVersion", "v1");
        JsonNode items = ok ? list(root, ROOT, "items", true, false) : null;
        return items;
    }

    /**
     * Whether {@code node} at {@code at} is a mapping of {@code kind} whose {@code apiVersion} is {@code apiVersion}
     * (or, when that ends in {@code /}, any version of that group); reports what is not.
     */
    private boolean object(JsonNode node, FieldPath at, String apiVersion, String kind) {
        if (!node.isObject()) {
            p.error(at, "must be a mapping: one " + kind + (at.segments().isEmpty() ? " as kubectl get -o yaml prints"
                    + " it" : "") + ", got " + Values.type(node));
            return false;
        }
        boolean ok = expect(node, at, "kind", kind);
        if (apiVersion.endsWith("/")) {
            JsonNode v = node.path("apiVersion");
            if (!(v.isTextual() && v.textValue().startsWith(apiVersion) && v.textValue().length() > apiVersion.length())) {
                p.error(at.child("apiVersion"), "must be " + apiVersion + "<version>, got " + Values.describe(v));
                ok = false;
            }
        } else {
            ok &= expect(node, at, "apiVersion", apiVersion);
        }
        return ok;
    }

    private void metadata(JsonNode root, FieldPath at, Optional<String> name, Optional<String> namespace,
                          String namespaceSource) {
        JsonNode meta = mapping(root, at, "metadata", true);
        if (meta == null) {
            return;
        }
        FieldPath metaAt = at.child("metadata");
        if (name.isPresent()) {
            expect(meta, metaAt, "name", name.get());
        } else {
            string(meta, metaAt, "name", true);
        }
        if (namespace.isPresent()) {
            JsonNode v = meta.path("namespace");
            if (!(v.isTextual() && v.textValue().equals(namespace.get()))) {
                p.error(metaAt.child("namespace"), "must be " + namespace.get() + namespaceSource + ", got "
                        + Values.describe(v));
            }
        }
        labelsAndAnnotations(meta, metaAt);
    }

    /** Labels and annotations are maps of strings: a merged object keeps them, and no object carries other ones. */
    private void labelsAndAnnotations(JsonNode meta, FieldPath metaAt) {
        stringMap(meta, metaAt, "labels");
        stringMap(meta, metaAt, "annotations");
    }

    private boolean expect(JsonNode obj, FieldPath at, String key, String want) {
        JsonNode v = obj.path(key);
        if (v.isTextual() && v.textValue().equals(want)) {
            return true;
        }
        p.error(at.child(key), "must be " + want + ", got " + Values.describe(v));
        return false;
    }

    /** The mapping at {@code key}, or null (after reporting it when it is required or not a mapping). */
    private JsonNode mapping(JsonNode parent, FieldPath at, String key, boolean required) {
        JsonNode v = parent.path(key);
        if (v.isObject()) {
            return v;
        }
        if (!v.isMissingNode() || required) {
            p.error(at.child(key), v.isMissingNode() ? "is required" : "must be a mapping, got " + Values.type(v));
        }
        return null;
    }

    /** The list at {@code key}, or null (after reporting it when it is required, empty when it must not be, or no list). */
    private JsonNode list(JsonNode parent, FieldPath at, String key, boolean required, boolean nonEmpty) {
        JsonNode v = parent.path(key);
        if (v.isArray() && (!nonEmpty || !v.isEmpty())) {
            return v;
        }
        if (v.isArray()) {
            p.error(at.child(key), "must not be empty");
        } else if (!v.isMissingNode() || required) {
            p.error(at.child(key), v.isMissingNode() ? "is required" : "must be a list, got " + Values.type(v));
        }
        return null;
    }

    /** The non-empty string at {@code key}, or null (after reporting it when it is required or no such string). */
    private String string(JsonNode parent, FieldPath at, String key, boolean required) {
        JsonNode v = parent.path(key);
        if (v.isTextual() && !v.textValue().isEmpty()) {
            return v.textValue();
        }
        if (!v.isMissingNode() || required) {
            p.error(at.child(key), v.isMissingNode() ? "is required"
                    : "must be a non-empty string, got " + Values.describe(v));
        }
        return null;
    }

    /** Whether every item of {@code list} is a string; reports each that is not. */
    private boolean strings(JsonNode list, FieldPath at) {
        boolean ok = true;
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).isTextual()) {
                p.error(at.index(i), "must be a string, got " + Values.type(list.get(i)));
                ok = false;
            }
        }
        return ok;
    }

    private void stringMap(JsonNode parent, FieldPath at, String key) {
        JsonNode m = mapping(parent, at, key, false);
        if (m == null) {
            return;
        }
        for (Map.Entry<String, JsonNode> e : m.properties()) {
            if (!e.getValue().isTextual()) {
                p.error(at.child(key).child(e.getKey()), "must be a string, got " + Values.type(e.getValue()));
            }
        }
    }

    /**
     * The list at {@code key} (when {@code required}, not empty) of mappings, each with the non-empty strings
     * {@code first} and {@code second} (when not null), and the mapping {@code source} holding a non-empty
     * {@code path} (when not null).
     */
    private void entries(JsonNode parent, FieldPath at, String key, boolean required, String first, String second,
                         String source) {
        JsonNode list = list(parent, at, key, required, required);
        if (list == null) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            FieldPath item = at.child(key).index(i);
            JsonNode e = list.get(i);
            if (!e.isObject()) {
                p.error(item, "must be a mapping, got " + Values.type(e));
                continue;
            }
            string(e, item, first, true);
            if (second != null) {
                string(e, item, second, true);
            }
            if (source != null && !e.has(source)) {
                p.error(item.child(source), "is required: a control-plane static pod mounts paths of its node");
            } else if (source != null) {
                JsonNode from = mapping(e, item, source, true);
                if (from != null) {
                    string(from, item.child(source), "path", true);
                }
            }
        }
    }
}
