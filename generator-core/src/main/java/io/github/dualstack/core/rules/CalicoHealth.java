package io.github.dualstack.core.rules;

import java.util.List;

/**
 * calico-node's liveness and readiness commands for its backend. With {@code calico_backend: vxlan} (or
 * {@code none}) BIRD is never started (projectcalico/calico {@code node/filesystem/etc/rc.local}), so calico.yaml's
 * {@code -bird-live}/{@code -bird-ready} checks fail forever and calico-node crash-loops; calico-vxlan.yaml checks
 * Felix alone ({@code node/pkg/health/health.go}).
 */
public final class CalicoHealth {

    private static final String BINARY = "/bin/calico-node";

    private CalicoHealth() {
    }

    /** Whether the backend runs BIRD: only {@code bird}. */
    public static boolean runsBird(String backend) {
        return backend.equals("bird");
    }

    public static List<String> liveness(String backend) {
        return runsBird(backend) ? List.of(BINARY, "-felix-live", "-bird-live") : List.of(BINARY, "-felix-live");
    }

    public static List<String> readiness(String backend) {
        return runsBird(backend) ? List.of(BINARY, "-felix-ready", "-bird-ready") : List.of(BINARY, "-felix-ready");
    }
}
