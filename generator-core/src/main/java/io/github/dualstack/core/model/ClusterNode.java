package io.github.dualstack.core.model;

import io.github.dualstack.core.net.IpAddress;

/** A cloud-side Kubernetes node. */
public record ClusterNode(String name, Role role, String interfaceName, FamilyPair<IpAddress> addresses) {

    /** The node's role; {@link #toString()} is the descriptor's spelling. */
    public enum Role {
        CONTROL_PLANE("control-plane"), WORKER("worker");

        private final String spelling;

        Role(String spelling) {
            this.spelling = spelling;
        }

        /** The role the descriptor spells {@code text}. */
        public static Role of(String text) {
            for (Role r : values()) {
                if (r.spelling.equals(text)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("no node role " + text);
        }

        @Override
        public String toString() {
            return spelling;
        }
    }

    public boolean isControlPlane() {
        return role == Role.CONTROL_PLANE;
    }
}
