package io.github.dualstack.core.plan;

/** host:port and URL forms with RFC 3986 brackets around IPv6 literals (what Go's net.JoinHostPort does). */
final class Endpoints {

    private Endpoints() {
    }

    static String hostPort(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    static String https(String host, int port) {
        return "https://" + hostPort(host, port);
    }
}
