package io.github.dualstack.core.net;

import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.rules.Dns1123;
import io.github.dualstack.core.rules.HostPort;
import io.github.dualstack.core.rules.KubernetesLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A host and port as the descriptor gives them, {@code host:port} ({@code controlPlaneEndpoint}) or {@code
 * scheme://host:port} (an etcd URL), parsed once by the binder: the host is a bracketed IPv6 address, an IPv4
 * address or a lowercase DNS name, the port in Kubernetes' range. It prints the way Go's {@code net.JoinHostPort}
 * builds it, the address in RFC 5952 form.
 */
public record Endpoint(Optional<String> scheme, Host host, int port) {

    /** Why a text is not an endpoint: every problem of it, one line each, in a problem line's words. */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;
        private final List<String> reasons;

        Invalid(List<String> reasons) {
            super(String.join("; ", reasons), null, false, false);
            this.reasons = List.copyOf(reasons);
        }

        public List<String> reasons() {
            return reasons;
        }
    }

    /** {@code host:port}. */
    public static Endpoint parse(String text) throws Invalid {
        return parse(Optional.empty(), text);
    }

    /** {@code scheme://host:port}; the schema has checked the scheme. */
    public static Endpoint parseUrl(String text) throws Invalid {
        int at = text.indexOf("://");
        if (at < 0) {
            throw new Invalid(List.of("must be a URL like https://host:port"));
        }
        return parse(Optional.of(text.substring(0, at)), text.substring(at + 3));
    }

    private static Endpoint parse(Optional<String> scheme, String hostPort) throws Invalid {
        HostPort.Parts parts;
        try {
            parts = HostPort.split(hostPort);
        } catch (HostPort.Invalid e) {
            throw new Invalid(List.of(e.getMessage()));
        }
        List<String> reasons = new ArrayList<>(2);
        int port = -1;
        try {
            port = Integer.parseInt(parts.port());
        } catch (NumberFormatException e) {
            reasons.add("port '" + parts.port() + "' is not a number");
        }
        if (port != -1 && !KubernetesLimits.isPort(port)) {
            reasons.add("port " + port + " is out of range " + KubernetesLimits.PORT_MIN + ".." + KubernetesLimits.PORT_MAX);
        }
        Host host = null;
        String text = parts.host();
        try {
            // the spelling says the family: brackets hold IPv6, digits and dots are IPv4, the rest is a name
            if (parts.bracketed()) {
                host = Host.of(IpAddress.parse(text, IpFamily.IPv6));
            } else if (text.matches("[0-9.]+")) {
                host = Host.of(IpAddress.parse(text, IpFamily.IPv4));
            } else if (Dns1123.isSubdomain(text)) {
                host = Host.of(text);
            } else {
                reasons.add("host '" + text + "' must be an IP address or a lowercase DNS name");
            }
        } catch (IpLiterals.InvalidLiteral e) {
            reasons.add(e.getMessage());
        }
        if (!reasons.isEmpty()) {
            throw new Invalid(reasons);
        }
        return new Endpoint(scheme, host, port);
    }

    /** The host as a certificate SAN or kubeconfig server names it: the canonical address, or the name. */
    public String hostText() {
        return host.toString();
    }

    @Override
    public String toString() {
        return scheme.map(s -> s + "://").orElse("") + HostPort.join(host.toString(), port);
    }
}
