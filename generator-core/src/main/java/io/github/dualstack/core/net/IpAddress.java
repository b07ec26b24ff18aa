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
        IpAddress plain = PlainAddress.of(text, text.indexOf(':') >= 0 ? IpFamily.IPv6 : IpFamily.IPv4);
        return plain != null ? plain : of(IpLiterals.address(text));
    }

    /** A strict address of the given family ({@link IpLiterals#address(String, IpFamily)}). */
    public static IpAddress parse(String text, IpFamily family) throws IpLiterals.InvalidLiteral {
        IpAddress plain = PlainAddress.of(text, family);
        return plain != null ? plain : of(IpLiterals.address(text, family));
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

    /**
     * Whether this address lies in the block of {@code prefixLength} bits that starts at {@code network}: of the
     * same family, with the same first bits. Computed on the bits; the library's {@code contains} agrees
     * (IpAddressTest).
     */
    public abstract boolean inBlock(IpAddress network, int prefixLength);

    /** Whether the first {@code length} (0 to 64) bits of {@code a} and {@code b} are the same. */
    static boolean samePrefix(long a, long b, int length) {
        return length <= 0 || ((a ^ b) >>> (64 - Math.min(64, length))) == 0;
    }

    /** The library's value of these bits, for address math; made anew on each call. */
    public abstract IPAddress toIPAddress();

    /**
     * The RFC 5952 canonical text: lowercase, zeros compressed, as every generated file writes it. Printed from the
     * bits, as the library prints them (IpAddressTest compares the two), without making the library's value: at
     * 100,000 edges the plan prints each address several times.
     */
    @Override
    public abstract String toString();

    static final class V4 extends IpAddress {
        private final int bits;

        V4(int bits) {
            this.bits = bits;
        }

        int bits() {
            return bits;
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
        public boolean inBlock(IpAddress network, int prefixLength) {
            return network instanceof V4 n && samePrefix((long) bits << 32, (long) n.bits << 32, prefixLength);
        }

        @Override
        public String toString() {
            return (bits >>> 24) + "." + (bits >>> 16 & 0xff) + "." + (bits >>> 8 & 0xff) + "." + (bits & 0xff);
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

        long high() {
            return high;
        }

        long low() {
            return low;
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
        public boolean inBlock(IpAddress network, int prefixLength) {
            return network instanceof V6 n && samePrefix(high, n.high, prefixLength)
                    && samePrefix(low, n.low, prefixLength - 64);
        }

        /** RFC 5952 section 4: the longest run of two or more zero groups (the first of equals) becomes "::". */
        @Override
        public String toString() {
            int[] groups = new int[8];
            for (int i = 0; i < 4; i++) {
                groups[i] = (int) (high >>> (48 - 16 * i)) & 0xffff;
                groups[i + 4] = (int) (low >>> (48 - 16 * i)) & 0xffff;
            }
            int runStart = -1;
            int runLength = 1;
            for (int i = 0; i < 8; ) {
                int j = i;
                while (j < 8 && groups[j] == 0) {
                    j++;
                }
                if (j - i > runLength) {
                    runStart = i;
                    runLength = j - i;
                }
                i = j == i ? i + 1 : j;
            }
            StringBuilder s = new StringBuilder(39);
            for (int i = 0; i < 8; i++) {
                if (i == runStart) {
                    s.append("::");
                    i += runLength - 1;
                    continue;
                }
                if (s.length() > 0 && s.charAt(s.length() - 1) != ':') {
                    s.append(':');
                }
                s.append(Integer.toHexString(groups[i]));
            }
            return s.toString();
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
