package io.github.dualstack.core.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the Tigera operator of Calico v3.28 to v3.30 (tigera/operator v1.34, v1.36, v1.38; config/calico_versions.yml
 * on each release branch) takes from its {@code Installation} and what it does with it after install.
 *
 * <ul>
 * <li>It renders calico-node and the CNI config itself and reverts edits of them (projectcalico/calico#6133,
 *     #9369): a Calico it installed is changed through the Installation only.</li>
 * <li>{@code spec.calicoNetwork.ipPools} is reconciled after install by the IP pool controller that operator v1.34
 *     added (pkg/controller/ippool/pool_controller.go): a pool added there is created, through the Calico API
 *     server (projectcalico.org/v3) once pools exist; a pool it owns that leaves the list is deleted; pools are
 *     matched by CIDR. Earlier operators read the list only at install.</li>
 * <li>{@code spec.calicoNodeDaemonSet.spec.template.spec.affinity} replaces calico-node's affinity whole (operator
 *     v1.28 and later, api/v1/calico_node_types.go).</li>
 * <li>calico-node's {@code IP_AUTODETECTION_METHOD} and {@code IP6_AUTODETECTION_METHOD} are written from
 *     {@code nodeAddressAutodetectionV4/V6}, one method per family (getAutodetectionMethod in pkg/render/node.go,
 *     validateNodeAddressDetection in pkg/controller/installation/validation.go); a family without one is not
 *     autodetected ({@code IP=none}, {@code IP6=none}).</li>
 * </ul>
 */
public final class CalicoOperator {

    /** The one Installation the operator reads. */
    public static final String INSTALLATION = "default";
    /** The first Calico release whose operator (v1.34) reconciles {@code calicoNetwork.ipPools} after install. */
    public static final String POOLS_RECONCILED_SINCE = "v3.28";
    /** The operator's spelling of {@code nodeAddressAutodetectionV4/V6.kubernetes}. */
    private static final String NODE_INTERNAL_IP = "NodeInternalIP";

    private CalicoOperator() {
    }

    /**
     * One field of a NodeAddressAutodetection: {@code value} is a string, a boolean ({@code firstFound}) or a list
     * ({@code cidrs}), as the operator's Go type has it.
     */
    public record Autodetection(String field, Object value) {
    }

    /**
     * The Installation's NodeAddressAutodetection for a calico-node method that {@code CalicoRules} accepted: the
     * inverse of the operator's getAutodetectionMethod, so calico-node runs with exactly this method.
     */
    public static Autodetection autodetection(String method) {
        if (method.equals("first-found")) {
            return new Autodetection("firstFound", Boolean.TRUE);
        }
        if (method.equals("kubernetes-internal-ip")) {
            return new Autodetection("kubernetes", NODE_INTERNAL_IP);
        }
        int eq = method.indexOf('=');
        String arg = method.substring(eq + 1);
        return switch (method.substring(0, eq)) {
            case "interface" -> new Autodetection("interface", arg);
            case "skip-interface" -> new Autodetection("skipInterface", arg);
            case "can-reach" -> new Autodetection("canReach", arg);
            case "cidr" -> new Autodetection("cidrs", Arrays.stream(arg.split("\\s*,\\s*")).toList());
            default -> throw new IllegalArgumentException("not a calico-node autodetection method: " + method);
        };
    }

    /** The Installation pool's {@code natOutgoing}: an enum there, a boolean in an IPPool. */
    public static String natOutgoing(boolean on) {
        return on ? "Enabled" : "Disabled";
    }

    /**
     * Whether an operator that installed Calico {@code calicoVersion} (the Installation's {@code status.calicoVersion},
     * e.g. {@code v3.29.3}) creates a pool added to {@code calicoNetwork.ipPools} after install; empty when the
     * version does not parse.
     */
    public static Optional<Boolean> reconcilesPools(String calicoVersion) {
        List<Integer> have = version(calicoVersion);
        List<Integer> since = version(POOLS_RECONCILED_SINCE);
        if (have.size() < 2) {
            return Optional.empty();
        }
        int major = Integer.compare(have.get(0), since.get(0));
        return Optional.of(major != 0 ? major > 0 : have.get(1) >= since.get(1));
    }

    private static List<Integer> version(String v) {
        if (!v.matches("v?[0-9]{1,4}\\.[0-9]{1,4}(\\.[0-9]{1,4})?([-+].*)?")) {
            return List.of();
        }
        String[] parts = v.replaceFirst("^v", "").replaceFirst("[-+].*", "").split("\\.");
        return Arrays.stream(parts).limit(2).map(Integer::valueOf).toList();
    }
}
