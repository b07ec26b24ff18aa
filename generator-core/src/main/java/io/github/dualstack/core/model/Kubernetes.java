package io.github.dualstack.core.model;

import io.github.dualstack.core.net.Cidr;
import io.github.dualstack.core.net.Endpoint;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cloud's control plane settings; the extra volumes of each component in descriptor order. {@code clusterName}
 * is kubeadm's ClusterConfiguration.clusterName when the descriptor sets it; {@code bootstrap} says whether the
 * cluster runs already or is built new with kubeadm.
 */
public record Kubernetes(String version, String imageRepository, String dnsDomain, Optional<String> clusterName,
                         FamilyPair<Cidr> podSubnets, FamilyPair<Cidr> serviceSubnets,
                         FamilyPair<Integer> nodeMaskSizes, boolean allocateNodeCIDRs,
                         Optional<Endpoint> controlPlaneEndpoint, int apiServerBindPort, List<Endpoint> etcdServers,
                         Map<String, String> apiServerExtraArgs, Map<String, String> controllerManagerExtraArgs,
                         List<HostPathMount> apiServerExtraVolumes, List<HostPathMount> controllerManagerExtraVolumes,
                         KubeProxyMode kubeProxyMode, Bootstrap bootstrap) {

    /** kubeadm's clusterName when none is set ({@code DefaultClusterName}, cmd/kubeadm/app/apis/kubeadm/v1beta4/defaults.go). */
    public static final String DEFAULT_CLUSTER_NAME = "kubernetes";

    /** kube-proxy's mode; constants are spelled as the descriptor and kube-proxy spell them. */
    public enum KubeProxyMode { iptables, ipvs, nftables }

    /** How the cluster comes to be; constants are spelled as the descriptor spells them. */
    public enum Bootstrap {
        /** It runs already: dualstack renders the files that convert it. */
        existing,
        /** A new cluster: dualstack renders kubeadm's init and join configurations. */
        kubeadm
    }

    /** Whether kubeadm builds this cluster from the rendered configurations. */
    public boolean newKubeadmCluster() {
        return bootstrap == Bootstrap.kubeadm;
    }
}
