package io.github.dualstack.core.model;

/** An IP family as the descriptor and Kubernetes spell it. */
public enum IpFamily {
    IPv4("ipv4", 32),
    IPv6("ipv6", 128);

    private final String key;
    private final int bits;

    IpFamily(String key, int bits) {
        this.key = key;
        this.bits = bits;
    }

    /** The key of this family in a descriptor pair ({@code ipv4} or {@code ipv6}). */
    public String key() {
        return key;
    }

    public int bits() {
        return bits;
    }
}
