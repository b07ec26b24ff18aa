package io.github.dualstack.core.net;

import inet.ipaddr.IPAddress;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import io.github.dualstack.core.model.IpFamily;

/**
 * One IP address as the model holds it: only its bits (an int for IPv4, two longs for IPv6), so the addresses of
 * 100,000 edge nodes cost less than their text. Parsed only by {@link IpLiterals}; the RFC 5952 text and the
 * IPAddress that address math needs are made from the bits when asked for. Equal when the bits are.
 */
public abstract sealed class IpAddress permits IpAddress.V4, IpAddress.V6 {

    /** A strict address of any family ({@link IpLiterals#address(String)}). */
    public static IpAddress parse(String text) throws IpLiterals.InvalidLiteral {
        return of(IpLiterals.address(text));
    }

    /** A strict address of the given family ({@link IpLiterals#address(String, IpFamily)}). */
    public static IpAddress parse(String text, IpFamily family) throws IpLiterals.InvalidLiteral {
        return of(IpLiterals.address(text, family));
    }

    /** The bits of a single address; of a block, its lowest address. */
    public static IpAddress of(IPAddress a) {
        if (a.isIPv4()) {
            return new V4(a.toIPv4().getLower().intValue());
        }
        long[] halves = a.toIPv6().getLower().longValues();
        return new V6(halves[0], halves[1]);
    }

    public abstract IpFamily family();

    /** The library's value of these bits, for address math; made anew on each call. */
    public abstract IPAddress toIPAddress();

    /** The RFC 5952 canonical text: lowercase, zeros compressed, as every generated file writes it. */
    @Override
    public String toString() {
        return toIPAddress().toCanonicalString();
    }

    static final class V4 extends IpAddress {
        private final int bits;

        V4(int bits) {
            this.bits = bits;
        }

        @Override
        public IpFamily family() {
            return IpFamily.IPv4;
        }

        @Override
        public IPAddress toIPAddress() {
            return new IPv4Address(bits);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof V4 v && v.bits == bits;
        }

        @Override
        public int hashCode() {
            return bits;
        }
    }

    static final class V6 extends IpAddress {
        private final long high;
        private final long low;

        V6(long high, long low) {
            this.high = high;
            this.low = low;
        }

        @Override
        public IpFamily family() {
            return IpFamily.IPv6;
        }

        @Override
        public IPAddress toIPAddress() {
            return new IPv6Address(high, low);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof V6 v && v.high == high && v.low == low;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(high) * 31 + Long.hashCode(low);
        }
    }
}
