package io.github.dualstack.core.rules;

import io.github.dualstack.core.model.IpFamily;

/**
 * The size and range limits that kube-apiserver, kube-controller-manager and kubeadm enforce on a control plane's
 * networks and ports, each with the upstream constant it mirrors (kubernetes/kubernetes).
 */
public final class KubernetesLimits {

    /**
     * At most 20 host bits in a service subnet: {@code maxCIDRBits} in kube-apiserver's
     * {@code validateClusterIPFlags} (cmd/kube-apiserver/app/options/validation.go) and kubeadm's
     * {@code MaximumBitsForServiceSubnet} (cmd/kubeadm/app/constants/constants.go), which kubeadm applies whatever
     * the feature gates. IPv4 /12, IPv6 /108.
     */
    public static final int SERVICE_SUBNET_MAX_HOST_BITS = 20;
    /** kubeadm {@code MinimumAddressesInServiceSubnet}: the DNS service is the tenth address. */
    public static final int SERVICE_SUBNET_MIN_ADDRESSES = 10;
    /** kubeadm {@code MinimumAddressesInPodSubnet}. */
    public static final int POD_SUBNET_MIN_ADDRESSES = 14;
    /**
     * A node mask at most 16 bits longer than its pod subnet: kubeadm {@code PodSubnetNodeMaskMaxDiff}
     * ({@code ValidatePodSubnetNodeMask}, both families) and {@code clusterSubnetMaxDiff} of kube-controller-manager's
     * node IPAM (pkg/controller/nodeipam/ipam/cidrset/cidr_set.go {@code NewCIDRSet}, IPv6), whose allocation bitmap
     * is uncompressed.
     */
    public static final int NODE_MASK_MAX_DIFF = 16;
    /** apimachinery validation {@code IsValidPortNum}. */
    public static final int PORT_MIN = 1;
    public static final int PORT_MAX = 65535;
    /** kube-apiserver {@code DefaultServiceNodePortRange} {Base: 30000, Size: 2768} (pkg/kubeapiserver/options). */
    public static final int NODE_PORT_MIN = 30000;
    public static final int NODE_PORT_MAX = 32767;

    private KubernetesLimits() {
    }

    /** The largest service subnet: /12 for IPv4, /108 for IPv6. */
    public static int shortestServicePrefix(IpFamily f) {
        return f.bits() - SERVICE_SUBNET_MAX_HOST_BITS;
    }

    /** The smallest service subnet kubeadm accepts: /28 for IPv4, /124 for IPv6. */
    public static int longestServicePrefix(IpFamily f) {
        return longestPrefixHolding(f, SERVICE_SUBNET_MIN_ADDRESSES);
    }

    /** The smallest pod subnet kubeadm accepts: /28 for IPv4, /124 for IPv6. */
    public static int longestPodPrefix(IpFamily f) {
        return longestPrefixHolding(f, POD_SUBNET_MIN_ADDRESSES);
    }

    /** The longest node mask that node IPAM can carve out of a pod subnet with this prefix. */
    public static int longestNodeMask(int podPrefix) {
        return podPrefix + NODE_MASK_MAX_DIFF;
    }

    public static boolean isPort(long port) {
        return port >= PORT_MIN && port <= PORT_MAX;
    }

    public static boolean isNodePort(long port) {
        return port >= NODE_PORT_MIN && port <= NODE_PORT_MAX;
    }

    /** kubeadm compares the subnet's range size with the minimum; a prefix p holds 2^(bits - p) addresses. */
    static int longestPrefixHolding(IpFamily f, int addresses) {
        int hostBits = 32 - Integer.numberOfLeadingZeros(addresses - 1);
        return f.bits() - hostBits;
    }
}
