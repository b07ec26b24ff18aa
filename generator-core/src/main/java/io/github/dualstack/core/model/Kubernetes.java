package io.github.dualstack.core.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cloud's control plane settings; the extra volumes of each component in descriptor order. {@code clusterName}
 * is kubeadm's ClusterConfiguration.clusterName when the descriptor sets it.
 */
public record Kubernetes(String version, String imageRepository, String dnsDomain, Optional<String> clusterName,
                         FamilyPair<String> podSubnets, FamilyPair<String> serviceSubnets,
                         FamilyPair<Integer> nodeMaskSizes, boolean allocateNodeCIDRs,
                         Optional<String> controlPlaneEndpoint, int apiServerBindPort, List<String> etcdServers,
                         Map<String, String> apiServerExtraArgs, Map<String, String> controllerManagerExtraArgs,
                         List<HostPathMount> apiServerExtraVolumes, List<HostPathMount> controllerManagerExtraVolumes,
                         KubeProxyMode kubeProxyMode) {

    /** kubeadm's clusterName when none is set ({@code DefaultClusterName}, cmd/kubeadm/app/apis/kubeadm/v1beta4/defaults.go). */
    public static final String DEFAULT_CLUSTER_NAME = "kubernetes";

    /** kube-proxy's mode; constants are spelled as the descriptor and kube-proxy spell them. */
    public enum KubeProxyMode { iptables, ipvs, nftables }
}
