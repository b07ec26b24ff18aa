package io.github.dualstack.core.rules;

import io.github.dualstack.core.model.IpFamily;

/**
 * Calico's IPPool limits, from {@code validateAndSetDefaults} in projectcalico/calico
 * libcalico-go/lib/clientv3/ippool.go: the block size (the per-node allocation unit of Calico IPAM) is 20..32
 * for IPv4 and 116..128 for IPv6, and a pool must hold at least one block.
 */
public final class CalicoIpPool {

    /** "IPv4 block size must be between 20 and 32". */
    public static final int IPV4_MIN_BLOCK_SIZE = 20;
    /** "IPv6 block size must be between 116 and 128". */
    public static final int IPV6_MIN_BLOCK_SIZE = 116;

    private CalicoIpPool() {
    }

    public static int minBlockSize(IpFamily f) {
        return f == IpFamily.IPv4 ? IPV4_MIN_BLOCK_SIZE : IPV6_MIN_BLOCK_SIZE;
    }

    public static int maxBlockSize(IpFamily f) {
        return f.bits();
    }

    public static boolean isBlockSize(IpFamily f, int blockSize) {
        return blockSize >= minBlockSize(f) && blockSize <= maxBlockSize(f);
    }

    /** "IP pool size is too small for use with Calico IPAM": the pool prefix must not exceed the block size. */
    public static boolean holdsABlock(int poolPrefix, int blockSize) {
        return poolPrefix <= blockSize;
    }
}
