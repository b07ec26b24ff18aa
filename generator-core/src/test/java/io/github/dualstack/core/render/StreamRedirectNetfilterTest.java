package io.github.dualstack.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.dualstack.core.model.Site;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CloudStream redirect script against the kernel's own netfilter, in a network namespace of its own
 * ({@code unshare --net}, so the host's rules are never touched): real iptables and ip6tables, and real TCP
 * connections that a kube-apiserver would make to an edge's InternalIP on its tunnel port, in each family. Needs
 * root, unshare, iptables and python3 (for the listener that stands for CloudStream); {@code .ci/run} installs
 * iptables. Only kubectl is a fake.
 */
class StreamRedirectNetfilterTest extends ScriptHarness {

    private static final String SCRIPT = "nodes/cp-1/usr/local/sbin/dualstack-stream-redirect.sh";
    // two CloudCore instances (cloud/cmd/cloudcore/app/server.go NegotiateTunnelPort); only the first one's pod runs,
    // on host network, so it has one address per family
    private static final String RECORD = "{\"ipTunnelPort\":{\"198.51.100.10\":10351,\"198.51.100.12\":10352},"
            + "\"port\":{\"10351\":true,\"10352\":true}}";
    private static final String PODS = "2001:db8:20::10 198.51.100.10 \n";

    // Inside the namespace: CloudCore's pod addresses and an edge's two InternalIPs are local addresses; a listener
    // on CloudStream's port answers with the address it was reached at. Each dial goes to the edge's address on the
    // tunnel port, as kube-apiserver's does; it reaches CloudStream only through the redirect's DNAT.
    private static final String SCENARIO = """
            set -euo pipefail
            "$REAL_IP" link set lo up
            "$REAL_IP" addr add 198.51.100.10/32 dev lo
            "$REAL_IP" addr add 192.0.2.50/32 dev lo
            "$REAL_IP" -6 addr add 2001:db8:20::10/128 dev lo nodad
            "$REAL_IP" -6 addr add 2001:db8:e::50/128 dev lo nodad
            # rules of kube-proxy's kind in the same table: the redirect must leave them alone
            for t in iptables ip6tables; do
                "$t" -w -t nat -N KUBE-SERVICES
                "$t" -w -t nat -A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
            done
            /usr/bin/python3 -c '
            import socket, sys
            s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
            s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(("::", int(sys.argv[1])))
            s.listen(8)
            open(sys.argv[2], "w").close()
            while True:
                c, _ = s.accept()
                c.sendall(("cloudstream at " + c.getsockname()[0].removeprefix("::ffff:") + "\\n").encode())
                c.close()
            ' 10003 "$PWD/listening" &
            listener=$!
            trap 'kill "$listener"' EXIT
            for _ in $(seq 100); do [[ -e listening ]] && break; sleep 0.05; done
            dial() {
                local line
                if line="$(bash -c 'exec 3<>"/dev/tcp/$0/10351" && IFS= read -r l <&3 && printf %s "$l"' "$1" 2>/dev/null)"; then
                    echo "dial $1: $line"
                else
                    echo "dial $1: refused"
                fi
            }
            echo "== before"
            dial 192.0.2.50
            dial 2001:db8:e::50
            echo "== apply"
            bash "$REDIRECT" apply
            iptables -w -t nat -S DUALSTACK-STREAM
            ip6tables -w -t nat -S DUALSTACK-STREAM
            dial 192.0.2.50
            dial 2001:db8:e::50
            echo "== again"
            bash "$REDIRECT" apply
            echo "== remove"
            bash "$REDIRECT" remove
            dial 192.0.2.50
            dial 2001:db8:e::50
            echo "== left"
            iptables-save -t nat | grep -c DUALSTACK || true
            ip6tables-save -t nat | grep -c DUALSTACK || true
            iptables -w -t nat -S OUTPUT
            ip6tables -w -t nat -S OUTPUT
            """;

    private Path realIp;

    @BeforeEach
    void realNetfilterOrSkip() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root for a network namespace");
        realIp = onSystemPath("ip").orElse(null);
        assumeTrue(realIp != null && onSystemPath("iptables").isPresent() && onSystemPath("ip6tables").isPresent()
                && Files.isExecutable(Path.of("/usr/bin/python3")), "needs ip, iptables, ip6tables and python3");
        Run probe = run(List.of("unshare", "--net", "--", "iptables", "-w", "-t", "nat", "-S"), Map.of());
        assumeTrue(probe.exit == 0, "no network namespace with netfilter here: " + probe.err);
        // kubectl stays a fake: the tunnel-port record and CloudCore's pods
        tool("kubectl", """
                case "$*" in
                    *" get configmap tunnelport "*) printf '%s' "$FAKE_RECORD" ;;
                    *" get pods -l "*) printf '%s' "$FAKE_CLOUDCORE_PODS" ;;
                    *) exit 3 ;;
                esac
                """);
    }

    /** The tool of that name on the PATH of this JVM, never a fake of the harness. */
    private static Optional<Path> onSystemPath(String name) {
        return Stream.of(System.getenv("PATH").split(":"), new String[] {"/usr/sbin", "/sbin"}).flatMap(Stream::of)
                .map(d -> Path.of(d, name)).filter(Files::isExecutable).findFirst();
    }

    @Test
    void kubeApiserversDialToAnEdgeReachesCloudStreamInEachFamilyOnlyWhileTheRulesAreThere() throws IOException {
        Site site = load("ipv6-primary-hostnetwork");
        Path redirect = script(site, SCRIPT);
        Path scenario = Files.writeString(tmp.resolve("scenario.sh"), SCENARIO);
        Run r = run(List.of("unshare", "--net", "--", "bash", scenario.toString()), Map.of("REAL_IP", realIp.toString(),
                "REDIRECT", redirect.toString(), "FAKE_RECORD", RECORD, "FAKE_CLOUDCORE_PODS", PODS));
        assertThat(r.exit).as(r.out + r.err).isZero();
        assertThat(section(r.out, "before")).containsExactly("dial 192.0.2.50: refused", "dial 2001:db8:e::50: refused");
        assertThat(section(r.out, "apply")).containsExactly(
                "IPv6: DUALSTACK-STREAM set (1 rules)",
                "IPv4: DUALSTACK-STREAM set (2 rules)",
                "-N DUALSTACK-STREAM",
                "-A DUALSTACK-STREAM -p tcp -m tcp --dport 10351 -j DNAT --to-destination 198.51.100.10:10003",
                "-A DUALSTACK-STREAM -p tcp -m tcp --dport 10352 -j DNAT --to-destination 198.51.100.12:10003",
                "-N DUALSTACK-STREAM",
                "-A DUALSTACK-STREAM -p tcp -m tcp --dport 10351 -j DNAT --to-destination [2001:db8:20::10]:10003",
                "dial 192.0.2.50: cloudstream at 198.51.100.10",
                "dial 2001:db8:e::50: cloudstream at 2001:db8:20::10");
        // what iptables -S prints is what the script compares with: a second run sees its own rules as current
        assertThat(section(r.out, "again")).containsExactly(
                "IPv6: DUALSTACK-STREAM unchanged (1 rules)", "IPv4: DUALSTACK-STREAM unchanged (2 rules)");
        assertThat(section(r.out, "remove")).containsExactly(
                "removed IPv4 chain DUALSTACK-STREAM", "removed IPv6 chain DUALSTACK-STREAM",
                "dial 192.0.2.50: refused", "dial 2001:db8:e::50: refused");
        assertThat(section(r.out, "left")).containsExactly("0", "0",
                "-P OUTPUT ACCEPT", "-A OUTPUT -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES",
                "-P OUTPUT ACCEPT", "-A OUTPUT -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES");
    }

    /** The lines after {@code == NAME} up to the next section. */
    private static List<String> section(String out, String name) {
        List<String> lines = out.lines().toList();
        int from = lines.indexOf("== " + name) + 1;
        assertThat(from).as("section " + name + " in\n" + out).isPositive();
        int to = from;
        while (to < lines.size() && !lines.get(to).startsWith("== ")) {
            to++;
        }
        return lines.subList(from, to);
    }
}
