package io.github.dualstack.core.plan.view;

import io.github.dualstack.core.model.IpFamily;
import java.util.List;

/**
 * calico.ippools.yaml.ftl. Components: {@code pools} (one per site family, primary first), {@code apiServer}
 * (projectcalico.org/v3 IPPools, applied through the Calico API server; else crd.projectcalico.org/v1, as a manifest
 * install applies them).
 */
public record CalicoPoolsView(List<Pool> pools, boolean apiServer) implements View {

    public CalicoPoolsView {
        pools = List.copyOf(pools);
    }

    /**
     * One IPPool. Components: {@code family}, {@code key} (ipv4 or ipv6), {@code name}, {@code cidr},
     * {@code blockSize}, {@code natOutgoing}, {@code ipipMode}, {@code vxlanMode}.
     */
    public record Pool(IpFamily family, String key, String name, String cidr, int blockSize, boolean natOutgoing,
                       TunnelMode ipipMode, TunnelMode vxlanMode) {
    }

    /** An IPPool's ipipMode or vxlanMode, spelled as Calico spells it. */
    public enum TunnelMode { Always, CrossSubnet, Never }
}
