package io.github.dualstack.core.model;

/** A cloud-side Kubernetes node. */
public record ClusterNode(String name, Role role, String interfaceName, FamilyPair<String> addresses) {

    public enum Role { CONTROL_PLANE, WORKER }

    public boolean isControlPlane() {
        return role == Role.CONTROL_PLANE;
    }
}
