package io.github.dualstack.core.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dualstack.core.FieldPath;
import io.github.dualstack.core.rules.CloudCoreTuning;
import java.util.List;

/**
 * The CloudCore ConfigMap: a Kubernetes ConfigMap whose {@code data["cloudcore.yaml"]} is read as strict YAML and
 * checked against {@code schemas/cloudcore.schema.json}, KubeEdge's own CloudCore checks, and the values that
 * cloudcore would rewrite at start-up.
 */
final class CloudCoreConfigs {

    static final String API_VERSION = "cloudcore.config.kubeedge.io/v1alpha1";
    /**
     * What the KubeEdge Helm chart writes (configmap_cloudcore.yaml). No such Go type exists, but CloudCore never
     * checks the version, so a running site's chart-rendered file keeps it.
     */
    static final String CHART_API_VERSION = "cloudcore.config.kubeedge.io/v1alpha2";
    static final String DATA_KEY = "cloudcore.yaml";
    private static final FieldPath CLOUD_HUB = FieldPath.of("modules.cloudHub");

    private final KubeEdgeSchema schema;
    private final YamlFiles yaml;

    CloudCoreConfigs(KubeEdgeSchema schema, YamlFiles yaml) {
        this.schema = schema;
        this.yaml = yaml;
    }

    void check(JsonNode doc, Findings out) {
        KubernetesObjects.check(doc, Scope.ROOT, out);
        if (!doc.isObject()) {
            return;
        }
        if (!"ConfigMap".equals(doc.path("kind").asText(null))) {
            out.add(Scope.ROOT.at(FieldPath.of("kind")), "must be ConfigMap, got " + Values.describe(doc.path("kind")));
        }
        JsonNode data = doc.path("data").path(DATA_KEY);
        if (!data.isTextual()) {
            if (data.isMissingNode()) {
                out.add(Scope.ROOT.at(FieldPath.of("data").child(DATA_KEY)), "is required");
            } // a non-string value is reported by the ConfigMap check
            return;
        }
        String base = "data[\"" + DATA_KEY + "\"]";
        JsonNode cfg = yaml.readEmbedded(data.textValue(), base, out);
        if (cfg == null) {
            return;
        }
        Scope s = Scope.embedded(base);
        schema.report(cfg, s, out);
        if (cfg.isObject()) {
            Fields.oneOf(cfg, "apiVersion", List.of(API_VERSION, CHART_API_VERSION), s, out);
            Fields.constant(cfg, "kind", "CloudCore", s, out);
            cloudHub(cfg.path("modules").path("cloudHub"), s, out);
            for (String port : List.of("streamPort", "tunnelPort")) {
                Fields.portRange(cfg.path("modules").path("cloudStream").path(port),
                        FieldPath.of("modules.cloudStream").child(port), s, out);
            }
            adjusted(cfg, s, out);
        }
    }

    /** KubeEdge's own CloudHub checks (validation.go, cloudhub/config.go), when the module is enabled. */
    private static void cloudHub(JsonNode hub, Scope s, Findings out) {
        if (!hub.isObject() || !Fields.bool(hub.path("enable"), true)) {
            return;
        }
        for (String server : List.of("websocket", "quic", "https")) {
            Fields.portRange(hub.path(server).path("port"), CLOUD_HUB.child(server).child("port"), s, out);
        }
        for (String server : List.of("websocket", "quic")) {
            JsonNode addr = hub.path(server).path("address");
            if (addr.isTextual()) {
                Addresses.ipAddress(addr.textValue(), () -> s.at(CLOUD_HUB.child(server).child("address")), out);
            }
        }
        JsonNode adv = hub.path("advertiseAddress");
        if (!adv.isArray()) {
            return;
        }
        if (adv.isEmpty()) {
            out.add(s.at(CLOUD_HUB.child("advertiseAddress")),
                    "must not be empty (cloudcore exits: AdvertiseAddress must be specified)");
        }
        for (int i = 0; i < adv.size(); i++) {
            if (adv.get(i).isTextual()) {
                String why = Addresses.ipProblem(adv.get(i).textValue());
                if (why != null) {
                    out.add(s.at(CLOUD_HUB.child("advertiseAddress").index(i)), Values.quote(adv.get(i).textValue())
                            + " " + why + "; cloudcore puts only IPs in its certificate, host names belong in dnsNames");
                }
            }
        }
    }

    /**
     * AdjustCloudCoreConfig (cloudcore v1alpha1 default.go) runs at every start: a value below its minimum, or
     * qps/burst other than 5x/10x nodeLimit, makes cloudcore rewrite its own ConfigMap, which GitOps then reverts.
     * Omitted keys keep the Go defaults, which are made for DefaultNodeLimit (500).
     */
    private static void adjusted(JsonNode cfg, Scope s, Findings out) {
        long n = effectiveNodeLimit(cfg.path("modules").path("cloudHub").path("nodeLimit"));
        String why = "; cloudcore would change it at start-up (AdjustCloudCoreConfig, nodeLimit " + n
                + ") and rewrite its ConfigMap";
        for (CloudCoreTuning want : CloudCoreTuning.values()) {
            JsonNode v = cfg.at("/" + want.path().replace('.', '/'));
            if (!v.isMissingNode() && !v.isIntegralNumber()) {
                continue; // a type error, reported by the schema
            }
            long have = v.isIntegralNumber() ? v.asLong() : want.goDefault();
            if (want.wouldAdjust(have, n)) {
                out.add(s.at(FieldPath.of(want.path())), (v.isMissingNode()
                        ? "is omitted, so the Go default " + have + " applies" : "is " + have)
                        + ", but must be " + (want.exact() ? "" : "at least ") + want.at(n) + why);
            }
        }
    }

    /** The nodeLimit cloudcore runs with: the configured one, or the Go default when it is omitted. */
    static long effectiveNodeLimit(JsonNode nodeLimit) {
        return nodeLimit.isIntegralNumber() ? nodeLimit.asLong() : CloudCoreTuning.DEFAULT_NODE_LIMIT;
    }
}
