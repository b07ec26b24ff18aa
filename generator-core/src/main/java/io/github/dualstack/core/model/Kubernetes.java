package io.github.dualstack.core.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The cloud's control plane settings; the extra volumes of each component in descriptor order. */
public record Kubernetes(String version, String imageRepository, String dnsDomain,
                         FamilyPair<String> podSubnets, FamilyPair<String> serviceSubnets,
                         FamilyPair<Integer> nodeMaskSizes, boolean allocateNodeCIDRs,
                         Optional<String> controlPlaneEndpoint, int apiServerBindPort, List<String> etcdServers,
                         Map<String, String> apiServerExtraArgs, Map<String, String> controllerManagerExtraArgs,
                         List<HostPathMount> apiServerExtraVolumes, List<HostPathMount> controllerManagerExtraVolumes,
                         KubeProxyMode kubeProxyMode) {

    /** kube-proxy's mode; constants are spelled as the descriptor and kube-proxy spell them. */
    public enum KubeProxyMode { iptables, ipvs, nftables }
}
