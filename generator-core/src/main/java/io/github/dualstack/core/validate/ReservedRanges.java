package io.github.dualstack.core.validate;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.net.Cidr;
import io.github.dualstack.core.net.IpAddress;
import io.github.dualstack.core.net.IpLiterals;
import java.util.List;

/** Ranges no pod, service or node address may use, with the reason in words. */
final class ReservedRanges {

    record Range(IPAddress block, String what) {
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

    static final IPAddress SITE_LOCAL = new IPAddressString("fec0::/10").getAddress();

    private ReservedRanges() {
    }

    private static Range range(String cidr, String what) {
        return new Range(new IPAddressString(cidr).getAddress(), what);
    }

    /** Why a subnet may not be used, or null. */
    static String subnetClash(Cidr cidr) {
        IPAddress subnet = cidr.toIPAddress();
        for (Range r : FOR_SUBNETS) {
            if (r.block().getIPVersion() == subnet.getIPVersion() && r.block().overlaps(subnet)) {
                return "overlaps " + r.what();
            }
        }
        return null;
    }

    /** A block no host address may lie in, and why; disjoint, so at most one matches. */
    record HostRange(Cidr block, String why) {
    }

    static final List<HostRange> NOT_FOR_HOSTS = List.of(
            host("0.0.0.0/32", "must not be the unspecified address"),
            host("::/128", "must not be the unspecified address"),
            host("127.0.0.0/8", "must not be a loopback address"),
            host("::1/128", "must not be a loopback address"),
            host("224.0.0.0/4", "must not be a multicast address"),
            host("ff00::/8", "must not be a multicast address"),
            host("169.254.0.0/16", "must not be a link-local address (it is only valid on one link)"),
            host("fe80::/10", "must not be a link-local address (it is only valid on one link)"),
            host("255.255.255.255/32", "must not be the broadcast address"));

    private static HostRange host(String cidr, String why) {
        try {
            return new HostRange(Cidr.parse(cidr, cidr.contains(":") ? IpFamily.IPv6 : IpFamily.IPv4), why);
        } catch (IpLiterals.InvalidLiteral e) {
            throw new IllegalStateException(cidr, e);
        }
    }

    /**
     * Why a host address may not be a node or advertise address, or null: the unspecified, loopback, multicast,
     * link-local and broadcast addresses, as the library's predicates name them (ReservedRangesTest), on the bits.
     */
    static String hostClash(IpAddress a) {
        for (HostRange r : NOT_FOR_HOSTS) {
            if (r.block().contains(a)) {
                return r.why();
            }
        }
        return null;
    }
}
