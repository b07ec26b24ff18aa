package io.github.dualstack.core.descriptor;

import inet.ipaddr.IPAddress;
import io.github.dualstack.core.FieldPath;
import io.github.dualstack.core.model.Endpoint;
import io.github.dualstack.core.model.Host;
import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.model.IpLiteral;
import io.github.dualstack.core.net.IpLiterals;
import io.github.dualstack.core.rules.Dns1123;
import io.github.dualstack.core.rules.HostPort;
import io.github.dualstack.core.rules.KubernetesLimits;
import io.github.dualstack.core.validate.RejectedLiteral;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The binder's literal parsing: strict addresses and CIDRs ({@link IpLiterals}) and host:port ({@link HostPort}).
 * A literal that does not parse comes back null and is recorded with why; the path is built only then, so the
 * many edge addresses that do parse cost one parse each and nothing more.
 */
final class Literals {

    private final List<RejectedLiteral> rejected = new ArrayList<>();

    List<RejectedLiteral> rejected() {
        return List.copyOf(rejected);
    }

    /** A strictly masked CIDR of the family its key names. */
    IpLiteral cidr(String text, IpFamily family, Supplier<FieldPath> path) {
        try {
            return new IpLiteral(text, IpLiterals.cidr(text, family));
        } catch (IpLiterals.InvalidLiteral e) {
            return reject(path.get(), family, e.getMessage());
        }
    }

    /** An address of the family its key names. */
    IPAddress address(String text, IpFamily family, Supplier<FieldPath> path) {
        try {
            return IpLiterals.address(text, family);
        } catch (IpLiterals.InvalidLiteral e) {
            return reject(path.get(), family, e.getMessage());
        }
    }

    /** The host of a host:port, whose family its spelling tells, not a key: reported in every site. */
    private IPAddress hostAddress(String host, IpFamily family, FieldPath path) {
        try {
            return IpLiterals.address(host, family);
        } catch (IpLiterals.InvalidLiteral e) {
            return reject(path, null, e.getMessage());
        }
    }

    /** An address of either family. */
    IpLiteral anyAddress(String text, Supplier<FieldPath> path) {
        try {
            return new IpLiteral(text, IpLiterals.address(text));
        } catch (IpLiterals.InvalidLiteral e) {
            return reject(path.get(), null, e.getMessage());
        }
    }

    /** An edge's cloudCoreAddress: whatever is not an IP address is a DNS name, which must then be among dnsNames. */
    static Host host(String text) {
        try {
            return new Host(text, IpLiterals.address(text));
        } catch (IpLiterals.InvalidLiteral notAnIp) {
            return new Host(text, null);
        }
    }

    /**
     * {@code hostPort}, as written in {@code text} (itself or the URL holding it): a port in range and a host that is
     * a bracketed IPv6 address, an IPv4 address or a DNS name. Every problem of it is recorded, port first.
     */
    Endpoint endpoint(String text, String hostPort, FieldPath path) {
        HostPort.Parts hp;
        try {
            hp = HostPort.split(hostPort);
        } catch (HostPort.Invalid e) {
            return reject(path, null, e.getMessage());
        }
        int before = rejected.size();
        // The schema's pattern has already shaped the port as digits.
        int port = Integer.parseInt(hp.port());
        if (!KubernetesLimits.isPort(port)) {
            reject(path, null, "port " + port + " is out of range " + KubernetesLimits.PORT_MIN + ".." + KubernetesLimits.PORT_MAX);
        }
        String host = hp.host();
        IPAddress address = null;
        if (hp.bracketed()) {
            address = hostAddress(host, IpFamily.IPv6, path);
        } else if (host.matches("[0-9.]+")) {
            address = hostAddress(host, IpFamily.IPv4, path);
        } else if (!Dns1123.isSubdomain(host)) {
            reject(path, null, "host '" + host + "' must be an IP address or a lowercase DNS name");
        }
        return rejected.size() == before ? new Endpoint(text, new Host(host, address), port) : null;
    }

    private <T> T reject(FieldPath path, IpFamily family, String message) {
        rejected.add(new RejectedLiteral(path, family, message));
        return null;
    }
}
