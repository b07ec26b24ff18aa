package io.github.dualstack.core.validate;

import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.net.Cidr;
import io.github.dualstack.core.net.IpAddress;
import io.github.dualstack.core.net.IpLiterals;
import java.util.List;

/** Ranges no pod, service or node address may use, with the reason in words. */
final class ReservedRanges {

    /** A block and what to say of a value in it. */
    record Range(Cidr block, String what) {
    }

    static final List<Range> FOR_SUBNETS = List.of(
            range("169.254.0.0/16", "the IPv4 link-local range 169.254.0.0/16"),
            range("fe80::/10", "the IPv6 link-local range fe80::/10"),
            range("127.0.0.0/8", "the IPv4 loopback range 127.0.0.0/8"),
            range("::1/128", "the IPv6 loopback address ::1"),
            range("224.0.0.0/4", "the IPv4 multicast range 224.0.0.0/4"),
            range("ff00::/8", "the IPv6 multicast range ff00::/8"),
            range("0.0.0.0/8", "the IPv4 'this network' range 0.0.0.0/8"),
            range("::/128", "the IPv6 unspecified address ::"));

    /** The blocks no host address may lie in; disjoint, so at most one matches. */
    static final List<Range> NOT_FOR_HOSTS = List.of(
            range("0.0.0.0/32", "must not be the unspecified address"),
            range("::/128", "must not be the unspecified address"),
            range("127.0.0.0/8", "must not be a loopback address"),
            range("::1/128", "must not be a loopback address"),
            range("224.0.0.0/4", "must not be a multicast address"),
            range("ff00::/8", "must not be a multicast address"),
            range("169.254.0.0/16", "must not be a link-local address (it is only valid on one link)"),
            range("fe80::/10", "must not be a link-local address (it is only valid on one link)"),
            range("255.255.255.255/32", "must not be the broadcast address"));

    static final Cidr SITE_LOCAL = cidr("fec0::/10");

    private ReservedRanges() {
    }

    private static Range range(String cidr, String what) {
        return new Range(cidr(cidr), what);
    }

    private static Cidr cidr(String text) {
        try {
            return Cidr.parse(text, text.contains(":") ? IpFamily.IPv6 : IpFamily.IPv4);
        } catch (IpLiterals.InvalidLiteral e) {
            throw new IllegalStateException(text, e);
        }
    }

    /** Why a subnet may not be used, or null. */
    static String subnetClash(Cidr cidr) {
        for (Range r : FOR_SUBNETS) {
            if (r.block().family() == cidr.family() && r.block().overlaps(cidr)) {
                return "overlaps " + r.what();
            }
        }
        return null;
    }

    /**
     * Why a host address may not be a node or advertise address, or null: the unspecified, loopback, multicast,
     * link-local and broadcast addresses, as the library's predicates name them (ReservedRangesTest), on the bits.
     */
    static String hostClash(IpAddress a) {
        for (Range r : NOT_FOR_HOSTS) {
            if (r.block().contains(a)) {
                return r.what();
            }
        }
        return null;
    }
}
