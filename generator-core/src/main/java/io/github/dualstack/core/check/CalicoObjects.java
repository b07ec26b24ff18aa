package io.github.dualstack.core.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dualstack.core.FieldPath;
import java.util.List;

/**
 * The Calico objects dualstack writes for the Tigera operator, each a Kubernetes object checked against the schema
 * derived from its CRD: the operator's Installation {@code default} ({@code schemas/calico-installation.schema.json}
 * from tigera/operator {@code pkg/crds/operator/operator.tigera.io_installations.yaml}) and projectcalico.org/v3
 * IPPools, and the crd.projectcalico.org/v1 ones a manifest install applies ({@code schemas/calico-ippool.schema.json}
 * from {@code crd.projectcalico.org_ippools.yaml}). The API server
 * prunes unknown CRD fields without a word, so a misspelt key would be lost silently on apply; here it fails.
 */
final class CalicoObjects {

    static final String INSTALLATION_API = "operator.tigera.io/v1";
    static final String IPPOOL_API = "projectcalico.org/v3";
    /** The CRD that stores v3 IPPools, which a manifest install applies directly: the same spec. */
    static final String IPPOOL_CRD_API = "crd.projectcalico.org/v1";

    private final KubeEdgeSchema installation;
    private final KubeEdgeSchema ipPool;

    CalicoObjects(KubeEdgeSchema installation, KubeEdgeSchema ipPool) {
        this.installation = installation;
        this.ipPool = ipPool;
    }

    void check(List<JsonNode> docs, Findings out) {
        for (int i = 0; i < docs.size(); i++) {
            JsonNode doc = docs.get(i);
            Scope s = Scope.document(i + 1, docs.size());
            KubernetesObjects.check(doc, s, out);
            if (!doc.isObject()) {
                continue;
            }
            String api = doc.path("apiVersion").asText("");
            String kind = doc.path("kind").asText("");
            if (api.equals(INSTALLATION_API) && kind.equals("Installation")) {
                installation.report(doc, s, out);
                JsonNode name = doc.path("metadata").path("name");
                if (!"default".equals(name.asText(null))) {
                    out.add(s.at(FieldPath.of("metadata.name")), "must be default: the operator reads the"
                            + " Installation named default and no other, got " + Values.describe(name));
                }
            } else if ((api.equals(IPPOOL_API) || api.equals(IPPOOL_CRD_API)) && kind.equals("IPPool")) {
                ipPool.report(doc, s, out);
            } else {
                out.add(s.at(FieldPath.of("kind")), "must be an " + INSTALLATION_API + " Installation or an "
                        + IPPOOL_API + " (or " + IPPOOL_CRD_API + ") IPPool in a Calico file, got " + api + " " + kind);
            }
        }
    }
}
