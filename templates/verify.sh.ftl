#!/usr/bin/env bash
set -euo pipefail
set -o noglob   # no pathname expansion anywhere: rendered values such as [2001:db8::10]:10000 hold glob characters
# Verifies the rolled-out site from any host where kubectl talks to the cluster:
#  1. CloudCore's HTTPS port answers at every advertise address (the procedure's
#     curl -gk6 "https://[<v6>]:<port>/ca.crt"), and, when openssl is installed, its server certificate is valid
#     for that address (checked against CloudCore's own CA, as edges check it);
#  2. every cloud and edge node of the site is registered, reports exactly its InternalIPs in the site's family
#     order, and is Ready. One kubectl call lists all nodes; the comparison is one awk pass (linear in nodes);
#  3. no pod of the DaemonSets kept off edge nodes (kube-proxy, calico-node, spec.edge.keepOff) runs on an edge node
#     of the site. One kubectl call per namespace lists its pods; one awk pass compares (linear in pods).
# Prints one line per failure and a summary; exit 1 if anything is wrong, 2 if kubectl cannot list nodes or pods.

# Rendered site values. [ ] in them are literal: assignments do not glob and noglob is set.
# shellcheck disable=SC2125,SC2102
{
NAMESPACE=${namespace}
# curl family flag and URL of /ca.crt, per advertise address
CA_URLS=(<#list caUrls as u>${u.flag} ${u.url}<#sep> </#list>)
# DaemonSets (namespace/name) that must have no pod on an edge node, and their namespaces
KEPT_OFF_EDGE=(<#list keptOffEdge as d>${d}<#sep> </#list>)
KEPT_OFF_NAMESPACES=(<#list keptOffNamespaces as n>${n}<#sep> </#list>)
}
<#noparse>

case "${1:-}" in
    -h | --help)
        printf 'Usage: verify.sh\nChecks CloudCore /ca.crt at every advertise address, every node of the site (InternalIPs in order, Ready),\nand that the DaemonSets kept off edge nodes have no pod on one.\n'
        exit 0
        ;;
    '') ;;
    *) printf 'verify.sh: unknown argument: %s\n' "$1" >&2; exit 2 ;;
esac

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

failures=0

# Expected nodes, one per line: name, InternalIPs in family order (comma-separated), cloud or edge. The quoted
# delimiter turns off every expansion; names are DNS labels and addresses IP literals, so no line can break.
cat >"$work/expected" <<'DUALSTACK_EXPECTED_NODES'
</#noparse>
<#list nodes as n>
${n.name} ${n.ips} <#if n.edge>edge<#else>cloud</#if>
</#list>
<#noparse>
DUALSTACK_EXPECTED_NODES

have_openssl=false
if command -v openssl >/dev/null; then
    have_openssl=true
fi
for ((i = 0; i < ${#CA_URLS[@]}; i += 2)); do
    flag="${CA_URLS[i]}"
    url="${CA_URLS[i + 1]}"
    if ! curl -gk "$flag" --max-time 10 -fsS "$url" -o "$work/ca.der"; then
        printf 'FAIL  CloudCore does not answer at %s (curl -gk %s)\n' "$url" "$flag"
        failures=$((failures + 1))
        continue
    fi
    printf 'PASS  CloudCore answers at %s\n' "$url"
    if [[ $have_openssl == false ]]; then
        printf 'SKIP  certificate check for %s: openssl is not installed\n' "$url"
        continue
    fi
    # /ca.crt serves the CA in DER; verifying the server against it shows whether the address is among its SANs.
    if ! openssl x509 -inform DER -in "$work/ca.der" -out "$work/ca.pem" 2>/dev/null &&
        ! openssl x509 -in "$work/ca.der" -out "$work/ca.pem" 2>/dev/null; then
        printf 'FAIL  %s did not return a certificate\n' "$url"
        failures=$((failures + 1))
    elif curl -g "$flag" --max-time 10 -fsS --cacert "$work/ca.pem" "$url" -o /dev/null 2>"$work/curl.err"; then
        printf 'PASS  CloudCore server certificate is valid for %s\n' "$url"
    else
        printf 'FAIL  CloudCore server certificate is not valid for %s (%s): the address is missing from its SANs; see the certificates step of README.md\n' \
            "$url" "$(head -n 1 "$work/curl.err")"
        failures=$((failures + 1))
    fi
done

# name <TAB> InternalIPs, each followed by a comma <TAB> status of the Ready condition
if ! kubectl get nodes -o jsonpath='{range .items[*]}{.metadata.name}{"\t"}{range .status.addresses[?(@.type=="InternalIP")]}{.address}{","}{end}{"\t"}{range .status.conditions[?(@.type=="Ready")]}{.status}{end}{"\n"}{end}' >"$work/actual"; then
    printf 'verify.sh: kubectl get nodes failed\n' >&2
    exit 2
fi

# Both files are read once; memory is one entry per node of the cluster.
awk -F'\t' '
</#noparse>
<#if discovered>
    # an address found on the node at join time is expected as any-ipv4 or any-ipv6: any one address of that family
    function matches(got, want,    g, w, n, i) {
        n = split(want, w, ",")
        if (split(got, g, ",") != n) return 0
        for (i = 1; i <= n; i++) {
            if (w[i] == "any-ipv6") { if (index(g[i], ":") == 0) return 0 }
            else if (w[i] == "any-ipv4") { if (g[i] == "" || index(g[i], ":") > 0) return 0 }
            else if (w[i] != g[i]) return 0
        }
        return 1
    }
</#if>
<#noparse>
    FILENAME == ARGV[1] { ips = $2; sub(/,$/, "", ips); got[$1] = ips; ready[$1] = $3; next }
    {
        split($0, f, " ")
        name = f[1]; want = f[2]; kind = f[3]
        if ((name in got) == 0) {
            printf "WRONG %s node %s: not registered\n", kind, name; wrong++
</#noparse>
<#if discovered>
        } else if (!matches(got[name], want)) {
<#else>
        } else if (got[name] != want) {
</#if>
<#noparse>
            printf "WRONG %s node %s: InternalIPs %s, want %s\n", kind, name, (got[name] == "" ? "none" : got[name]), want; wrong++
        } else if (ready[name] != "True") {
            printf "WRONG %s node %s: not Ready (Ready=%s)\n", kind, name, (ready[name] == "" ? "unknown" : ready[name]); wrong++
        } else {
            ok++
        }
    }
    END {
        printf "nodes: %d ok, %d wrong\n", ok, wrong
        exit (wrong > 0)
    }' "$work/actual" "$work/expected" || failures=$((failures + 1))

# namespace <TAB> pod <TAB> node <TAB> the DaemonSet that owns it (empty for other pods)
printf '%s\n' "${KEPT_OFF_EDGE[@]}" >"$work/kept-off"
: >"$work/pods"
for ns in "${KEPT_OFF_NAMESPACES[@]}"; do
    if ! kubectl -n "$ns" get pods -o jsonpath='{range .items[*]}{.metadata.namespace}{"\t"}{.metadata.name}{"\t"}{.spec.nodeName}{"\t"}{range .metadata.ownerReferences[?(@.kind=="DaemonSet")]}{.name}{end}{"\n"}{end}' >>"$work/pods"; then
        printf 'verify.sh: kubectl -n %s get pods failed\n' "$ns" >&2
        exit 2
    fi
done

# Edge nodes are the site's, by name: a node missing KubeEdge's edge label is caught too.
awk -F'\t' '
    FILENAME == ARGV[1] { split($0, f, " "); if (f[3] == "edge") edge[f[1]] = 1; next }
    FILENAME == ARGV[2] { kept[$0] = 1; daemonsets++; next }
    $4 != "" && (($1 "/" $4) in kept) && ($3 in edge) {
        printf "WRONG edge node %s: runs pod %s/%s of DaemonSet %s/%s, which must stay off edge nodes\n", $3, $1, $2, $1, $4
        wrong++
    }
    END {
        printf "DaemonSets kept off edge nodes: %d, pods on edge nodes: %d\n", daemonsets, wrong
        exit (wrong > 0)
    }' "$work/expected" "$work/kept-off" "$work/pods" || failures=$((failures + 1))

if [[ $failures -gt 0 ]]; then
    printf 'verify.sh: FAILED. Cloud nodes: scripts/preflight.sh NODE on the node. Edge nodes: journalctl -u edgecore on the node, edge/NODE/join.sh --config-only to reinstall its edgecore.yaml. DaemonSets on edge nodes: the edge-affinity patches of the kube-proxy step of README.md. CloudCore: kubectl -n %s logs deployment/cloudcore\n' "$NAMESPACE" >&2
    exit 1
fi
printf 'verify.sh: all checks passed\n'
</#noparse>
