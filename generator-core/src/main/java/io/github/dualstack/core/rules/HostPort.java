package io.github.dualstack.core.rules;

/**
 * host:port with an IPv6 host in brackets (RFC 3986 section 3.2.2), exactly as Go's {@code net.JoinHostPort} and
 * {@code net.SplitHostPort} (golang/go src/net/ipsock.go) build and read it: kubeadm's controlPlaneEndpoint and
 * etcd URLs, keadm's {@code --cloudcore-ipport} and every edgecore server address go through them.
 */
public final class HostPort {

    /** A split host:port; {@code host} is without its brackets. */
    public record Parts(String host, String port, boolean bracketed) {
    }

    /** Why a text is not a host:port, in the words of Go's {@code net.AddrError}. */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String reason) {
            super(reason, null, false, false);
        }
    }

    private HostPort() {
    }

    /** {@code net.JoinHostPort}: a host holding ':' (an IPv6 literal) or '%' (a zone) is bracketed. */
    public static String join(String host, int port) {
        boolean bracket = host.indexOf(':') >= 0 || host.indexOf('%') >= 0;
        return (bracket ? "[" + host + "]" : host) + ":" + port;
    }

    /** The https URL of a host and port, as KubeEdge writes {@code edgeHub.httpServer} (url.URL over JoinHostPort). */
    public static String https(String host, int port) {
        return "https://" + join(host, port);
    }

    /** {@code net.SplitHostPort}: the port follows the last ':', and a bracketed host ends just before it. */
    public static Parts split(String hostPort) throws Invalid {
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0) {
            throw new Invalid("missing port in address");
        }
        String host;
        int openFrom = 0;
        int closeFrom = 0;
        boolean bracketed = hostPort.startsWith("[");
        if (bracketed) {
            int end = hostPort.indexOf(']');
            if (end < 0) {
                throw new Invalid("missing ']' in address");
            }
            if (end + 1 != colon) {
                boolean colonAfter = end + 1 < hostPort.length() && hostPort.charAt(end + 1) == ':';
                throw new Invalid(colonAfter ? "too many colons in address" : "missing port in address");
            }
            host = hostPort.substring(1, end);
            openFrom = 1;
            closeFrom = end + 1;
        } else {
            host = hostPort.substring(0, colon);
            if (host.indexOf(':') >= 0) {
                throw new Invalid("too many colons in address");
            }
            if (host.indexOf('%') >= 0) {
                throw new Invalid("missing brackets in address");
            }
        }
        if (hostPort.indexOf('[', openFrom) >= 0) {
            throw new Invalid("unexpected '[' in address");
        }
        if (hostPort.indexOf(']', closeFrom) >= 0) {
            throw new Invalid("unexpected ']' in address");
        }
        return new Parts(host, hostPort.substring(colon + 1), bracketed);
    }
}
