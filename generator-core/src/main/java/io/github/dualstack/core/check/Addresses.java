package io.github.dualstack.core.check;

import inet.ipaddr.IPAddress;
import io.github.dualstack.core.net.IpLiterals;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Addresses in KubeEdge configs, as the Go code that reads them parses them. */
final class Addresses {

    private static final Pattern PORT = Pattern.compile("[1-9][0-9]{0,4}");

    private Addresses() {
    }

    static void hostPort(String value, Supplier<String> where, Findings out) {
        for (String problem : hostPortProblems(value)) {
            out.add(where, problem);
        }
    }

    // rule: host:port bracketing
    /** Go's net.SplitHostPort as edgecore dials it: an IPv6 host must be bracketed. Empty when it is valid. */
    static List<String> hostPortProblems(String value) {
        List<String> problems = new ArrayList<>(1);
        String host;
        String port;
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0 || close + 1 >= value.length() || value.charAt(close + 1) != ':') {
                return List.of(Values.quote(value) + " must be [IPv6]:port");
            }
            host = value.substring(1, close);
            port = value.substring(close + 2);
            try {
                if (IpLiterals.address(host).isIPv4()) {
                    problems.add(Values.quote(value) + " brackets an IPv4 address; only IPv6 hosts are bracketed");
                }
            } catch (IpLiterals.InvalidLiteral e) {
                problems.add(Values.quote(host) + " " + e.getMessage());
            }
        } else {
            int colon = value.lastIndexOf(':');
            if (colon < 0) {
                return List.of(Values.quote(value) + " must be host:port");
            }
            host = value.substring(0, colon);
            port = value.substring(colon + 1);
            if (host.contains(":")) {
                return List.of(Values.quote(value) + " has an IPv6 host without brackets; write [" + host + "]:" + port);
            }
            String why = host.matches("[0-9.]+") ? ipProblem(host)
                    : DnsNames.isDns1123Subdomain(host) ? null : "is neither an IP address nor a DNS name";
            if (why != null) {
                problems.add(Values.quote(host) + " " + why);
            }
        }
        if (!PORT.matcher(port).matches() || Integer.parseInt(port) > 65535) {
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
