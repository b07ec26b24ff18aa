package io.github.dualstack.core.net;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.AddressStringParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import io.github.dualstack.core.model.IpFamily;

/**
 * Strict parsing of the descriptor's IP and CIDR literals with IPAddress: no leading zeros, no zones, no mixed or
 * IPv4-mapped IPv6, no host bits past the prefix. Every address leaves as its RFC 5952 canonical text.
 */
public final class IpLiterals {

    /** Why a literal was refused, in words fit for a problem line. */
    public static final class InvalidLiteral extends Exception {
        private static final long serialVersionUID = 1L;

        public InvalidLiteral(String message) {
            super(message, null, false, false);
        }
    }

    private static final IPAddressStringParameters ADDRESS = params(false);
    private static final IPAddressStringParameters CIDR = params(true);

    private IpLiterals() {
    }

    private static IPAddressStringParameters params(boolean prefix) {
        return new IPAddressStringParameters.Builder()
                .allowEmpty(false).allowAll(false).allowSingleSegment(false)
                .allowPrefix(prefix).allowMask(false).allowPrefixOnly(false)
                .allowWildcardedSeparator(false).setRangeOptions(AddressStringParameters.RangeParameters.NO_RANGE)
                .allow_inet_aton(false)
                .getIPv4AddressParametersBuilder().allowLeadingZeros(false).allowPrefixesBeyondAddressSize(false)
                .allowBinary(false).getParentBuilder()
                .getIPv6AddressParametersBuilder().allowZone(false).allowMixed(false).allowBase85(false)
                .allowBinary(false).allowPrefixesBeyondAddressSize(false).allowLeadingZeros(true).getParentBuilder()
                .toParams();
    }

    /** A bare address of any family. */
    public static IPAddress address(String text) throws InvalidLiteral {
        if (text.startsWith("[") || text.endsWith("]")) {
            throw new InvalidLiteral("must be a bare IP address without brackets");
        }
        if (text.contains("/")) {
            throw new InvalidLiteral("must be an IP address, not a CIDR");
        }
        if (text.indexOf('.') > 0 && text.indexOf(':') > 0 && text.indexOf(':') > text.lastIndexOf('.')) {
            throw new InvalidLiteral("must be a bare IP address without a port");
        }
        IPAddress a = parse(text, ADDRESS, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)");
        return rejectMapped(a, "must not be an IPv4-mapped IPv6 address");
    }

    /** An address of the given family. */
    public static IPAddress address(String text, IpFamily family) throws InvalidLiteral {
        IPAddress a = address(text);
        if (family(a) != family) {
            throw new InvalidLiteral("must be an " + family + " address, got " + family(a) + " " + a.toCanonicalString());
        }
        return a;
    }

    /** A strictly masked CIDR of the given family. */
    public static IPAddress cidr(String text, IpFamily family) throws InvalidLiteral {
        if (!text.contains("/")) {
            throw new InvalidLiteral("must be a CIDR with a prefix length, (e.g. 10.9.8.0/24 or 2001:db8::/64)");
        }
        IPAddress a = parse(text, CIDR, "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)");
        rejectMapped(a, "must not have an IPv4-mapped IPv6 address");
        if (family(a) != family) {
            throw new InvalidLiteral("must be an " + family + " CIDR, got " + family(a) + " " + a.toCanonicalString());
        }
        if (!a.isPrefixBlock()) {
            throw new InvalidLiteral("must not have bits set beyond the prefix length; did you mean "
                    + a.toPrefixBlock().toCanonicalString() + "?");
        }
        return a;
    }

    public static IpFamily family(IPAddress a) {
        return a.isIPv4() ? IpFamily.IPv4 : IpFamily.IPv6;
    }

    private static IPAddress parse(String text, IPAddressStringParameters params, String generic) throws InvalidLiteral {
        if (text.contains("%")) {
            throw new InvalidLiteral("must not include an IPv6 zone");
        }
        try {
            return new IPAddressString(text, params).toAddress();
        } catch (AddressStringException e) {
            String why = e.getMessage() == null ? "" : e.getMessage().toLowerCase(java.util.Locale.ROOT);
            if (why.contains("leading zero") || why.contains("starts with zero") || why.contains("octal")) {
                throw new InvalidLiteral("must not have leading 0s");
            }
            if (why.contains("mixed")) {
                // ::ffff:10.0.0.1 is an IPv4 address in disguise; "write it in hex" would only lead to the next error.
                IPAddress lenient = new IPAddressString(text).getAddress();
                if (lenient != null && lenient.isIPv6() && lenient.toIPv6().isIPv4Mapped()) {
                    throw new InvalidLiteral("must not be an IPv4-mapped IPv6 address; " + text
                            + " stands for an IPv4 address");
                }
                throw new InvalidLiteral("must not use mixed IPv6/IPv4 notation; write the IPv6 address in hex");
            }
            if (why.contains("prefix") && why.contains("exceed")) {
                throw new InvalidLiteral("prefix length exceeds the address size");
            }
            throw new InvalidLiteral(generic);
        } catch (RuntimeException e) {
            throw new InvalidLiteral(generic);
        }
    }

    private static IPAddress rejectMapped(IPAddress a, String message) throws InvalidLiteral {
        if (a.isIPv6() && a.toIPv6().isIPv4Mapped()) {
            throw new InvalidLiteral(message);
        }
        return a;
    }
}
