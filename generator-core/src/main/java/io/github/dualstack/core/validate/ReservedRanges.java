package io.github.dualstack.core.validate;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import io.github.dualstack.core.net.Cidr;
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
    static final IPAddress BROADCAST = new IPAddressString("255.255.255.255").getAddress();

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

    /** Why a host address may not be a node or advertise address, or null. */
    static String hostClash(IPAddress a) {
        if (a.isUnspecified()) {
            return "must not be the unspecified address";
        }
        if (a.isLoopback()) {
            return "must not be a loopback address";
        }
        if (a.isMulticast()) {
            return "must not be a multicast address";
        }
        if (a.isLinkLocal()) {
            return "must not be a link-local address (it is only valid on one link)";
        }
        if (a.isIPv4() && a.equals(BROADCAST)) {
            return "must not be the broadcast address";
        }
        return null;
    }
}
