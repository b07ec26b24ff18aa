package io.github.dualstack.core.check;

import io.github.dualstack.core.rules.Dns1123;
import inet.ipaddr.IPAddress;
import io.github.dualstack.core.net.IpLiterals;
import io.github.dualstack.core.rules.HostPort;
import io.github.dualstack.core.rules.KubernetesLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Addresses in KubeEdge configs, as the Go code that reads them parses them. */
final class Addresses {

    /** Digits only, no sign or leading zero, as Go's strconv.Atoi in edgecore's address parsing accepts them. */
    private static final Pattern PORT = Pattern.compile("[1-9][0-9]{0,4}");

    private Addresses() {
    }

    static void hostPort(String value, Supplier<String> where, Findings out) {
        for (String problem : hostPortProblems(value)) {
            out.add(where, problem);
        }
    }

    /**
     * Go's net.SplitHostPort as edgecore dials it ({@link HostPort}): an IPv6 host must be bracketed, and only an
     * IPv6 host. Empty when it is valid.
     */
    static List<String> hostPortProblems(String value) {
        HostPort.Parts parts;
        try {
            parts = HostPort.split(value);
        } catch (HostPort.Invalid e) {
            if (value.startsWith("[")) {
                return List.of(Values.quote(value) + " must be [IPv6]:port");
            }
            int colon = value.lastIndexOf(':');
            return List.of(colon < 0 ? Values.quote(value) + " must be host:port"
                    : Values.quote(value) + " has an IPv6 host without brackets; write [" + value.substring(0, colon)
                    + "]:" + value.substring(colon + 1));
        }
        List<String> problems = new ArrayList<>(1);
        String host = parts.host();
        if (parts.bracketed()) {
            try {
                if (IpLiterals.address(host).isIPv4()) {
                    problems.add(Values.quote(value) + " brackets an IPv4 address; only IPv6 hosts are bracketed");
                }
            } catch (IpLiterals.InvalidLiteral e) {
                problems.add(Values.quote(host) + " " + e.getMessage());
            }
        } else {
            String why = host.matches("[0-9.]+") ? ipProblem(host)
                    : Dns1123.isSubdomain(host) ? null : "is neither an IP address nor a DNS name";
            if (why != null) {
                problems.add(Values.quote(host) + " " + why);
            }
        }
        String port = parts.port();
        if (!PORT.matcher(port).matches() || !KubernetesLimits.isPort(Long.parseLong(port))) {
            problems.add(Values.quote(value) + " has no valid port (1-65535)");
        }
        return problems;
    }

    /** The kubelet's --node-ip rule (ParseNodeIPArgument): one IP, or a pair of different families. */
    static void nodeIp(String value, Supplier<String> where, Findings out) {
        String[] parts = value.split(",", -1);
        if (parts.length > 2) {
            out.add(where, Values.quote(value) + " must be one IP or a dual-stack pair of IPs");
            return;
        }
        List<IPAddress> ips = new ArrayList<>();
        for (String part : parts) {
            try {
                ips.add(IpLiterals.address(part.strip()));
            } catch (IpLiterals.InvalidLiteral e) {
                out.add(where, Values.quote(part) + " " + e.getMessage());
            }
        }
        if (ips.size() == 2) {
            if (ips.get(0).isIPv4() == ips.get(1).isIPv4()) {
                out.add(where, Values.quote(value) + " must be a dual-stack pair: one IPv4 and one IPv6 address");
            }
            if (ips.stream().anyMatch(IPAddress::isZero)) {
                out.add(where, Values.quote(value) + " must not contain an unspecified address in a pair");
            }
        }
    }

    static void ipAddress(String value, Supplier<String> where, Findings out) {
        String why = ipProblem(value);
        if (why != null) {
            out.add(where, Values.quote(value) + " " + why);
        }
    }

    /** Why {@code value} is not a bare IP address, or null when it is one. */
    static String ipProblem(String value) {
        try {
            IpLiterals.address(value);
            return null;
        } catch (IpLiterals.InvalidLiteral e) {
            return e.getMessage();
        }
    }
}
