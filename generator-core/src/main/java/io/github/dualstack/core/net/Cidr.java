package io.github.dualstack.core.net;

import inet.ipaddr.IPAddress;
import io.github.dualstack.core.model.IpFamily;

/**
 * A strictly masked CIDR: its network address and prefix length. Parsed only by {@link IpLiterals}; containment and
 * overlap are the library's, on the block it stands for, which is made once, when first asked for.
 */
public final class Cidr {

    private final IpAddress network;
    private final int prefixLength;
    /** Made on first use; volatile, as the builders read the site from several threads. */
    private volatile IPAddress block;

    private Cidr(IpAddress network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /** A strictly masked CIDR of the given family ({@link IpLiterals#cidr(String, IpFamily)}). */
    public static Cidr parse(String text, IpFamily family) throws IpLiterals.InvalidLiteral {
        IPAddress a = IpLiterals.cidr(text, family);
        return new Cidr(IpAddress.of(a), a.getNetworkPrefixLength());
    }

    public IpAddress network() {
        return network;
    }

    public int prefixLength() {
        return prefixLength;
    }

    public IpFamily family() {
        return network.family();
    }

    /** The block in the library's terms, for the address math that the methods here do not cover. */
    public IPAddress toIPAddress() {
        IPAddress b = block;
        if (b == null) {
            b = network.toIPAddress().toPrefixBlock(prefixLength);
            block = b;
        }
        return b;
    }

    public boolean contains(IPAddress address) {
        return toIPAddress().contains(address);
    }

    public boolean contains(IpAddress address) {
        return address.inBlock(network, prefixLength);
    }

    public boolean contains(Cidr other) {
        return contains(other.toIPAddress());
    }

    public boolean overlaps(Cidr other) {
        return toIPAddress().overlaps(other.toIPAddress());
    }

    /** The RFC 5952 canonical text with its prefix length, e.g. {@code fd00:10:244::/56}. */
    @Override
    public String toString() {
        return toIPAddress().toCanonicalString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.prefixLength == prefixLength && c.network.equals(network);
    }

    @Override
    public int hashCode() {
        return network.hashCode() * 31 + prefixLength;
    }
}
