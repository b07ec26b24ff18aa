package io.github.dualstack.core.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The cloud's control plane settings. */
public record Kubernetes(String version, String imageRepository, String dnsDomain,
                         FamilyPair<IpLiteral> podSubnets, FamilyPair<IpLiteral> serviceSubnets,
                         FamilyPair<Integer> nodeMaskSizes, boolean allocateNodeCIDRs,
                         Optional<Endpoint> controlPlaneEndpoint, int apiServerBindPort, List<Endpoint> etcdServers,
                         Map<String, String> apiServerExtraArgs, Map<String, String> controllerManagerExtraArgs,
                         KubeProxyMode kubeProxyMode) {

    /** kube-proxy's mode; constants are spelled as the descriptor and kube-proxy spell them. */
    public enum KubeProxyMode { iptables, ipvs, nftables }
}
