package io.github.dualstack.core.model;

/** One Calico IPPool. {@code encapsulation} is IPIP, IPIPCrossSubnet, VXLAN, VXLANCrossSubnet or None. */
public record CalicoPool(String cidr, int blockSize, boolean natOutgoing, String encapsulation) {
}
