package io.github.dualstack.core.validate;

import io.github.dualstack.core.FieldPath;
import java.util.Map;

/** extraArgs may not set a flag that dualstack derives from the descriptor: the field is the single source. */
final class ExtraArgsRules {

    static final Map<String, String> API_SERVER = Map.of(
            "advertise-address", "spec.nodes[].addresses (the node's primary-family address)",
            "service-cluster-ip-range", "spec.kubernetes.serviceSubnets",
            "secure-port", "spec.kubernetes.apiServer.bindPort",
            "etcd-servers", "spec.kubernetes.apiServer.etcdServers");

    static final Map<String, String> CONTROLLER_MANAGER = Map.of(
            "cluster-cidr", "spec.kubernetes.podSubnets",
            "cluster-name", "spec.kubernetes.clusterName",
            "service-cluster-ip-range", "spec.kubernetes.serviceSubnets",
            "allocate-node-cidrs", "spec.kubernetes.allocateNodeCIDRs",
            "node-cidr-mask-size", "spec.kubernetes.nodeMaskSizes",
            "node-cidr-mask-size-ipv4", "spec.kubernetes.nodeMaskSizes.ipv4",
            "node-cidr-mask-size-ipv6", "spec.kubernetes.nodeMaskSizes.ipv6");

    private final Checks c;

    ExtraArgsRules(Checks c) {
        this.c = c;
    }

    void check() {
        check(Checks.KUBERNETES.child("apiServer").child("extraArgs"), c.site.kubernetes().apiServerExtraArgs(), API_SERVER);
        check(Checks.KUBERNETES.child("controllerManager").child("extraArgs"),
                c.site.kubernetes().controllerManagerExtraArgs(), CONTROLLER_MANAGER);
    }

    private void check(FieldPath path, Map<String, String> args, Map<String, String> managed) {
        for (String flag : args.keySet()) {
            String field = managed.get(flag);
            if (field != null) {
                c.error(path.child(flag), "--" + flag + " is managed by dualstack; set " + field + " instead");
            }
        }
    }
}
