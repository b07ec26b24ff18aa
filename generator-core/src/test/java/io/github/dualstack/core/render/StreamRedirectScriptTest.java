package io.github.dualstack.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.model.Site;
import io.github.dualstack.core.plan.SiteVariants;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CloudStream redirect script on a control-plane node, against fake iptables, ip6tables and their -restore
 * commands that keep the nat table in files (one per chain, "-A" lines as {@code iptables -S} prints them), and a
 * fake kubectl that answers with the tunnel-port record and CloudCore's pod addresses.
 */
class StreamRedirectScriptTest extends ScriptHarness {

    private static final String SCRIPT = "/usr/local/sbin/dualstack-stream-redirect.sh";
    // what CloudCore writes (cloud/cmd/cloudcore/app/server.go NegotiateTunnelPort): one port per instance, keyed by
    // the address the instance found for itself; Go's json.Marshal sorts the keys
    private static final String TWO_INSTANCES = "{\"ipTunnelPort\":{\"198.51.100.10\":10351,\"198.51.100.12\":10352},"
            + "\"port\":{\"10351\":true,\"10352\":true}}";
    private static final String JUMP = " -m comment --comment dualstack cloudstream redirect -j DUALSTACK-STREAM";

    Path nat;

    @BeforeEach
    void fakeNetfilter() throws IOException {
        nat = Files.createDirectories(tmp.resolve("nat"));
        for (String t : List.of("iptables", "ip6tables")) {
            for (String builtin : List.of("OUTPUT", "PREROUTING")) {
                Files.writeString(nat.resolve(t + "." + builtin), "");
            }
            tool(t, """
                    echo "$(basename "$0") $*" >> "$FAKE_LOG"
                    t=$(basename "$0")
                    [ "$1" = -w ] && shift
                    [ "$1 $2" = "-t nat" ] || { echo "only the nat table here" >&2; exit 2; }
                    op=$3 chain=$4
                    shift 4
                    f="$FAKE_NAT/$t.$chain"
                    rule="-A $chain $*"
                    case "$op" in
                        -S) [ -f "$f" ] || { echo "$t: No chain/target/match by that name." >&2; exit 1; }
                            case "$chain" in OUTPUT | PREROUTING) echo "-P $chain ACCEPT" ;; *) echo "-N $chain" ;; esac
                            cat "$f" ;;
                        -N) [ ! -f "$f" ] || { echo "$t: Chain already exists." >&2; exit 1; }; : > "$f" ;;
                        -C) [ -f "$f" ] && grep -qxF -- "$rule" "$f" ;;
                        -A) [ -f "$f" ] || exit 1; echo "$rule" >> "$f" ;;
                        -D) grep -qxF -- "$rule" "$f" || exit 1
                            awk -v r="$rule" '$0 == r && !done { done = 1; next } { print }' "$f" > "$f.new" && mv "$f.new" "$f" ;;
                        -F) [ -f "$f" ] || exit 1; : > "$f" ;;
                        -X) [ -f "$f" ] && [ ! -s "$f" ] || exit 1
                            if cat "$FAKE_NAT/$t.OUTPUT" "$FAKE_NAT/$t.PREROUTING" | grep -q -- "-j $chain\\$"; then
                                echo "$t: Too many links." >&2; exit 1
                            fi
                            rm "$f" ;;
                        *) exit 2 ;;
                    esac
                    """);
            tool(t + "-restore", """
                    echo "$(basename "$0") $*" >> "$FAKE_LOG"
                    t=$(basename "$0" -restore)
                    case " $* " in *" --noflush "*) ;; *) echo "without --noflush every chain of the table goes" >&2; exit 2 ;; esac
                    read -r first
                    [ "$first" = '*nat' ] || exit 1
                    committed=false
                    while IFS= read -r line; do
                        case "$line" in
                            :*) c=${line#:}; : > "$FAKE_NAT/$t.${c%% *}" ;;
                            "-A "*) c=${line#-A }; c=${c%% *}; [ -f "$FAKE_NAT/$t.$c" ] || exit 1; echo "$line" >> "$FAKE_NAT/$t.$c" ;;
                            COMMIT) committed=true ;;
                            *) echo "$t-restore: line not understood: $line" >&2; exit 1 ;;
                        esac
                    done
                    [ "$committed" = true ]
                    """);
        }
        tool("kubectl", """
                echo "kubectl $*" >> "$FAKE_LOG"
                case "$*" in
                    *" get configmap tunnelport "*)
                        if [ -z "${FAKE_RECORD+set}" ]; then
                            echo 'Error from server (NotFound): configmaps "tunnelport" not found' >&2; exit 1
                        fi
                        printf '%s' "$FAKE_RECORD" ;;
                    *" get pods -l "*) printf '%s' "${FAKE_CLOUDCORE_PODS:-}" ;;
                    *) exit 3 ;;
                esac
                """);
    }

    private Run redirect(Site site, String node, Map<String, String> env, String... args) throws IOException {
        Path script = tmp.resolve("tree").resolve("nodes/" + node + SCRIPT);
        if (!Files.exists(script)) {
            script = script(site, "nodes/" + node + SCRIPT);
        }
        Map<String, String> all = new HashMap<>(Map.of("FAKE_NAT", nat.toString()));
        all.putAll(env);
        return run(Stream.concat(Stream.of("bash", script.toString()), Stream.of(args)).toList(), all);
    }

    private List<String> chain(String tool, String chain) throws IOException {
        Path f = nat.resolve(tool + "." + chain);
        return Files.exists(f) ? Files.readAllLines(f) : List.of("(no chain)");
    }

    @Test
    void anIpv6PrimarySiteGetsTheRedirectInBothFamiliesToEachCloudCoreAddressAndASecondRunChangesNothing()
            throws IOException {
        Site site = load("ipv6-primary-hostnetwork");
        // the first instance runs on host network (its pod has the node's two addresses); the second one's pod is gone
        Map<String, String> env = Map.of("FAKE_RECORD", TWO_INSTANCES,
                "FAKE_CLOUDCORE_PODS", "2001:db8:20::10 198.51.100.10 \n");
        Run first = redirect(site, "cp-1", env);
        assertThat(first.exit).as(first.out + first.err).isZero();
        assertThat(chain("ip6tables", "DUALSTACK-STREAM")).containsExactly(
                "-A DUALSTACK-STREAM -p tcp -m tcp --dport 10351 -j DNAT --to-destination [2001:db8:20::10]:10003");
        assertThat(chain("iptables", "DUALSTACK-STREAM")).containsExactly(
                "-A DUALSTACK-STREAM -p tcp -m tcp --dport 10351 -j DNAT --to-destination 198.51.100.10:10003",
                "-A DUALSTACK-STREAM -p tcp -m tcp --dport 10352 -j DNAT --to-destination 198.51.100.12:10003");
        for (String t : List.of("iptables", "ip6tables")) {
            assertThat(chain(t, "OUTPUT")).containsExactly("-A OUTPUT" + JUMP);
            assertThat(chain(t, "PREROUTING")).containsExactly("-A PREROUTING" + JUMP);
        }
        assertThat(first.out).contains("IPv6: DUALSTACK-STREAM set (1 rules)").contains("IPv4: DUALSTACK-STREAM set (2 rules)");
        // both API reads use the node's admin kubeconfig and the record's fixed namespace
        assertThat(fakeLog()).contains("kubectl --kubeconfig /etc/kubernetes/admin.conf --request-timeout=10s -n kubeedge"
                + " get configmap tunnelport -o jsonpath={.metadata.annotations.tunnelportrecord\\.kubeedge\\.io}")
                .contains(" -n kubeedge get pods -l k8s-app=kubeedge,kubeedge=cloudcore -o jsonpath=");

        Files.writeString(log, "");
        Run second = redirect(site, "cp-1", env);
        assertThat(second.exit).as(second.out + second.err).isZero();
        assertThat(second.out).contains("IPv6: DUALSTACK-STREAM unchanged (1 rules)")
                .contains("IPv4: DUALSTACK-STREAM unchanged (2 rules)");
        assertThat(fakeLog()).doesNotContain("-restore").doesNotContain(" -A ").doesNotContain(" -N ");
        assertThat(chain("ip6tables", "DUALSTACK-STREAM")).hasSize(1);
        assertThat(chain("iptables", "OUTPUT")).containsExactly("-A OUTPUT" + JUMP);
    }

    @Test
    void aChangedRecordReplacesTheRulesInOneRestoreAndRemoveLeavesNothing() throws IOException {
        Site site = load("ipv6-primary-hostnetwork");
        assertThat(redirect(site, "cp-1", Map.of("FAKE_RECORD", TWO_INSTANCES)).exit).isZero();
        // the second instance is gone (CloudCore's iptables manager deletes its entry), the first moved to port 10353
        Run moved = redirect(site, "cp-1", Map.of("FAKE_RECORD",
                "{\"ipTunnelPort\":{\"198.51.100.10\":10353},\"port\":{\"10353\":true}}",
                "FAKE_CLOUDCORE_PODS", "2001:db8:20::10 198.51.100.10 \n"));
        assertThat(moved.exit).as(moved.err).isZero();
        assertThat(chain("iptables", "DUALSTACK-STREAM")).containsExactly(
                "-A DUALSTACK-STREAM -p tcp -m tcp --dport 10353 -j DNAT --to-destination 198.51.100.10:10003");
        assertThat(chain("ip6tables", "DUALSTACK-STREAM")).containsExactly(
                "-A DUALSTACK-STREAM -p tcp -m tcp --dport 10353 -j DNAT --to-destination [2001:db8:20::10]:10003");
        assertThat(fakeLog()).contains("iptables-restore -w --noflush").contains("ip6tables-restore -w --noflush");

        Run removed = redirect(site, "cp-1", Map.of(), "remove");
        assertThat(removed.exit).as(removed.err).isZero();
        assertThat(removed.out).contains("removed IPv4 chain DUALSTACK-STREAM").contains("removed IPv6 chain DUALSTACK-STREAM");
        for (String t : List.of("iptables", "ip6tables")) {
            assertThat(chain(t, "DUALSTACK-STREAM")).containsExactly("(no chain)");
            assertThat(chain(t, "OUTPUT")).isEmpty();
            assertThat(chain(t, "PREROUTING")).isEmpty();
        }
        Run again = redirect(site, "cp-1", Map.of(), "remove");
        assertThat(again.exit).as(again.err).isZero();
        assertThat(again.out).isEmpty();
    }

    @Test
    void anIpv6OnlySiteProgramsIp6tablesAloneFromTheIpv6AddressCloudCoreRecords() throws IOException {
        Run r = redirect(load("ipv6-only"), "cp-1", Map.of("FAKE_RECORD",
                "{\"ipTunnelPort\":{\"fd00:30:244::1a\":10351},\"port\":{\"10351\":true}}",
                "FAKE_CLOUDCORE_PODS", "fd00:30:244::1a \n"));
        assertThat(r.exit).as(r.out + r.err).isZero();
        assertThat(chain("ip6tables", "DUALSTACK-STREAM")).containsExactly(
                "-A DUALSTACK-STREAM -p tcp -m tcp --dport 10351 -j DNAT --to-destination [fd00:30:244::1a]:10003");
        assertThat(fakeLog().lines().filter(l -> l.startsWith("iptables"))).isEmpty();
        assertThat(chain("iptables", "DUALSTACK-STREAM")).containsExactly("(no chain)");
    }

    @Test
    void anIpv4OnlySiteProgramsIptablesAlone() throws IOException {
        Run r = redirect(SiteVariants.IPV4_ONLY.site(), "master-1", Map.of("FAKE_RECORD",
                "{\"ipTunnelPort\":{\"10.244.0.7\":10351},\"port\":{\"10351\":true}}",
                "FAKE_CLOUDCORE_PODS", "10.244.0.7 \n"));
        assertThat(r.exit).as(r.out + r.err).isZero();
        assertThat(chain("iptables", "DUALSTACK-STREAM")).containsExactly(
                "-A DUALSTACK-STREAM -p tcp -m tcp --dport 10351 -j DNAT --to-destination 10.244.0.7:10003");
        assertThat(fakeLog().lines().filter(l -> l.startsWith("ip6tables"))).isEmpty();
    }

    @Test
    void anUnreadableOrHostileRecordChangesNoRule() throws IOException {
        Site site = load("dual-stack-site");
        Map<String, String> good = Map.of("FAKE_RECORD", "{\"ipTunnelPort\":{\"192.0.2.10\":10351},\"port\":{}}",
                "FAKE_CLOUDCORE_PODS", "192.0.2.10 2001:db8::10 \n");
        assertThat(redirect(site, "master-1", good).exit).isZero();
        List<String> v4 = chain("iptables", "DUALSTACK-STREAM");
        List<String> v6 = chain("ip6tables", "DUALSTACK-STREAM");
        assertThat(v4).hasSize(1);
        assertThat(v6).containsExactly(
                "-A DUALSTACK-STREAM -p tcp -m tcp --dport 10351 -j DNAT --to-destination [2001:db8::10]:10003");

        Run missing = redirect(site, "master-1", Map.of());
        assertThat(missing.exit).isEqualTo(1);
        assertThat(missing.err).contains("cannot read ConfigMap kubeedge/tunnelport").contains("rules unchanged");
        for (String hostile : List.of(
                "{\"ipTunnelPort\":{\"1.2.3.4 -j ACCEPT\":10351}}",
                "{\"ipTunnelPort\":{\"1.2.3.4\":10351\n-A OUTPUT -j DROP}}",
                "{\"ipTunnelPort\":{\"1.2.3.4\":99999}}",
                "{\"ipTunnelPort\":{\"::::\":10351}}",
                "{\"ipTunnelPort\":{\"$(reboot)\":10351}}",
                "not json",
                "")) {
            Files.writeString(log, "");
            Run r = redirect(site, "master-1", Map.of("FAKE_RECORD", hostile));
            assertThat(r.exit).as(hostile + ": " + r.out + r.err).isEqualTo(1);
            assertThat(r.err).as(hostile).contains("rules unchanged");
            assertThat(fakeLog()).as(hostile).doesNotContain("-restore").doesNotContain(" -A ");
        }
        assertThat(chain("iptables", "DUALSTACK-STREAM")).isEqualTo(v4);
        assertThat(chain("ip6tables", "DUALSTACK-STREAM")).isEqualTo(v6);
        assertThat(chain("iptables", "OUTPUT")).containsExactly("-A OUTPUT" + JUMP);
    }

    @Test
    void aNodeWithoutIp6tablesIsToldWhatToInstallAndNoRuleIsChanged() throws IOException {
        Files.delete(bin.resolve("ip6tables-restore"));
        // the fakes and the shell's own tools, but not the host's iptables in /usr/sbin
        Run r = redirect(load("dual-stack-site"), "master-1", Map.of("FAKE_RECORD", TWO_INSTANCES,
                "PATH", bin + ":/usr/bin:/bin"));
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.err).isEqualTo("dualstack-stream-redirect: ip6tables-restore not found; install the iptables"
                + " package (iptables-nft works on an nftables node)\n");
        assertThat(fakeLog()).isEmpty();
    }

    @Test
    void anUnknownArgumentIsAUsageError() throws IOException {
        Run r = redirect(load("dual-stack-site"), "master-1", Map.of(), "flush");
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.err).contains("Usage: dualstack-stream-redirect.sh [apply|remove|show]");
        assertThat(fakeLog()).isEmpty();
    }
}
