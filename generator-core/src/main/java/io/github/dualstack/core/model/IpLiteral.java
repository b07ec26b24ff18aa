package io.github.dualstack.core.model;

import inet.ipaddr.IPAddress;

/**
 * An address or CIDR literal, parsed: {@code value} is the address (a prefix block for a CIDR), {@code text} the
 * descriptor's own spelling, which only the site summary prints; everything generated uses {@link #canonical()}.
 */
public record IpLiteral(String text, IPAddress value) {

    /** RFC 5952 canonical text, e.g. {@code 2001:db8::/64} for {@code 2001:0DB8:0:0::/64}. */
    public String canonical() {
        return value.toCanonicalString();
    }

    public IpFamily family() {
        return value.isIPv4() ? IpFamily.IPv4 : IpFamily.IPv6;
    }
}
