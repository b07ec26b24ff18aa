package io.github.dualstack.core.plan.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The fields the API server writes into an object that {@code kubectl get -o yaml} prints, which are no part of
 * what the site configured and must not be applied back: {@code status}, and the metadata the server owns
 * (kubernetes/kubernetes {@code staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/types.go}: uid,
 * resourceVersion, generation, creationTimestamp, managedFields, selfLink), and kubectl's last-applied
 * annotation, which {@code kubectl apply} rewrites itself. Everything else is the site's and is kept.
 */
public final class ServerFields {

    private static final List<String> METADATA = List.of("uid", "resourceVersion", "generation", "creationTimestamp",
            "managedFields", "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds");
    private static final List<String> ANNOTATIONS = List.of("kubectl.kubernetes.io/last-applied-configuration",
            "deprecated.daemonset.template.generation", "deployment.kubernetes.io/revision");

    private ServerFields() {
    }

    /** A deep copy of a captured cluster object without the server's fields. */
    public static ObjectNode forApply(JsonNode captured) {
        ObjectNode copy = captured.deepCopy();
        copy.remove("status");
        if (copy.get("metadata") instanceof ObjectNode meta) {
            meta.remove(METADATA);
            if (meta.get("annotations") instanceof ObjectNode annotations) {
                annotations.remove(ANNOTATIONS);
                if (annotations.isEmpty()) {
                    meta.remove("annotations");
                }
            }
        }
        return copy;
    }
}
