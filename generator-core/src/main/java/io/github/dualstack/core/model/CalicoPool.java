package io.github.dualstack.core.model;

import io.github.dualstack.core.net.Cidr;

/** One Calico IPPool. */
public record CalicoPool(Cidr cidr, int blockSize, boolean natOutgoing, Encapsulation encapsulation) {

    /** The overlay between nodes, spelled as the descriptor and the Calico operator spell it. */
    public enum Encapsulation {
        IPIP, IPIPCrossSubnet, VXLAN, VXLANCrossSubnet, None;

        public boolean ipip() {
            return this == IPIP || this == IPIPCrossSubnet;
        }

        public boolean vxlan() {
            return this == VXLAN || this == VXLANCrossSubnet;
        }

        public boolean crossSubnet() {
            return this == IPIPCrossSubnet || this == VXLANCrossSubnet;
        }
    }
}
