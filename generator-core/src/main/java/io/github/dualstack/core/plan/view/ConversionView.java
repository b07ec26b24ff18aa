package io.github.dualstack.core.plan.view;

import java.util.List;

/**
 * What the runbook says for a running site. Components: {@code baseline} (the captured directory),
 * {@code kubeadmConfig} (the generated kubeadm-config file), {@code renewCertificates} (control-plane nodes whose API
 * server certificate lacks an address that is dialed after the change), {@code newSans} (the addresses the renewed
 * certificates add), {@code cloudCoreNodes} (with hostNetwork, the
 * nodes whose addresses edges dial; empty otherwise), {@code cloudCorePinned} (whether the captured Deployment is
 * pinned to them), {@code singleStackServices}, {@code singleStackNodes} (nodes that keep a single-stack podCIDR),
 * {@code ipam} (calico-config's IPAM type, or "unknown"), {@code calicoOperator} (whether the Calico operator
 * manages Calico: an {@code Installation} was captured).
 */
public record ConversionView(String baseline, String kubeadmConfig, List<String> renewCertificates,
                             List<String> newSans, List<String> cloudCoreNodes,
                             boolean cloudCorePinned, List<ServiceRef> singleStackServices, int singleStackNodes,
                             String ipam, boolean calicoOperator) {

    public ConversionView {
        renewCertificates = List.copyOf(renewCertificates);
        newSans = List.copyOf(newSans);
        cloudCoreNodes = List.copyOf(cloudCoreNodes);
        singleStackServices = List.copyOf(singleStackServices);
    }

    /** A Service that stays single-stack until edited. Components: {@code namespace}, {@code name}. */
    public record ServiceRef(String namespace, String name) {
    }
}
