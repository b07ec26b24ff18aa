#!/usr/bin/env bash
set -euo pipefail
set -o noglob   # no pathname expansion anywhere: rendered values such as [2001:db8::10]:10000 hold glob characters
# Verifies the rolled-out site from any host where kubectl talks to the cluster:
#  1. CloudCore's HTTPS port answers at every advertise address and every DNS name an edge dials (the procedure's
#     curl -gk6 "https://[<v6>]:<port>/ca.crt"), and, when openssl is installed, its server certificate is valid
#     for that address (checked against CloudCore's own CA, as edges check it);
#     with LoadBalancer exposure, the cloudcore Service's status.loadBalancer.ingress holds every advertise address;
#  2. every cloud and edge node of the site is registered, reports exactly its InternalIPs in the site's family
#     order, and is Ready. One kubectl call lists all nodes; the comparison is one awk pass (linear in nodes);
#  3. no pod of the DaemonSets kept off edge nodes (kube-proxy, calico-node, spec.edge.keepOff) runs on an edge node
#     of the site. One kubectl call per namespace lists its pods; one awk pass compares (linear in pods);
#  4. with edge nodes: CloudStream's tunnel port answers at every advertise address, in its family, and every edge
#     node has a CloudStream tunnel (CloudStream sets its kubelet port to a tunnel port, 10351 and up: kubeedge
#     cloud/pkg/cloudstream/tunnelserver.go updateNodeKubeletEndpoint); with --logs NAMESPACE/POD, kubectl logs
#     answers for that pod, which must run on an edge node of the site (API server -> control-plane redirect ->
#     CloudStream -> the edge's tunnel).
# Prints one line per failure and a summary; exit 1 if anything is wrong, 2 if kubectl cannot list nodes or pods.

# Rendered site values. [ ] in them are literal: assignments do not glob and noglob is set.
# shellcheck disable=SC2125,SC2102
{
NAMESPACE=${namespace}
# curl family flag and URL of /ca.crt, per advertise address, then per DNS name and family that edges dial
CA_URLS=(<#list caUrls as u>${u.flag} ${u.url}<#sep> </#list>)
# DaemonSets (namespace/name) that must have no pod on an edge node, and their namespaces
KEPT_OFF_EDGE=(<#list keptOffEdge as d>${d}<#sep> </#list>)
KEPT_OFF_NAMESPACES=(<#list keptOffNamespaces as n>${n}<#sep> </#list>)
# advertise addresses that the LoadBalancer Service must hold in status.loadBalancer.ingress (LoadBalancer exposure)
LB_ADDRESSES=(<#list loadBalancerAddresses as a>${a}<#sep> </#list>)
# curl family flag and URL of CloudStream's tunnel port, per advertise address (none without edge nodes)
TUNNEL_URLS=(<#list tunnelUrls as u>${u.flag} ${u.url}<#sep> </#list>)
}
<#noparse>

usage() {
    printf 'Usage: verify.sh [--logs [NAMESPACE/]POD]\nChecks CloudCore /ca.crt at every advertise address and DNS name edges dial, every node of the site (InternalIPs in order, Ready),\nthat the DaemonSets kept off edge nodes have no pod on one, and CloudStream: its tunnel port in each family,\na tunnel per edge node and, with --logs, kubectl logs of a pod on an edge node.\n'
}

logs_namespace=""
logs_pod=""
case "${1:-}" in
    -h | --help) usage; exit 0 ;;
    --logs)
        if [[ $# -ne 2 ]]; then
            usage >&2
            exit 2
        fi
        logs_pod="${2#*/}"
        logs_namespace=default
        if [[ $2 == */* ]]; then
            logs_namespace="${2%%/*}"
        fi
        # DNS names only: nothing that kubectl could read as a flag
        dns='^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$'
        if [[ ! $logs_namespace =~ $dns || ! $logs_pod =~ $dns ]]; then
            printf 'verify.sh: --logs wants NAMESPACE/POD or POD (DNS names), not %q\n' "$2" >&2
            exit 2
        fi
        ;;
    '') ;;
    *) printf 'verify.sh: unknown argument: %s\n' "$1" >&2; exit 2 ;;
esac
if [[ -z $logs_pod && $# -gt 1 ]]; then
    usage >&2
    exit 2
fi

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

# Edges dial the advertise addresses, and the certificate covers only those: the load balancer must have been given
# exactly them (a Service cannot portably ask for addresses: spec.loadBalancerIP is deprecated and single-family).
if [[ ${#LB_ADDRESSES[@]} -gt 0 ]]; then
    if ! ingress="$(kubectl -n "$NAMESPACE" get service cloudcore -o jsonpath='{range .status.loadBalancer.ingress[*]}{.ip}{"\n"}{end}')"; then
        printf 'verify.sh: kubectl -n %s get service cloudcore failed\n' "$NAMESPACE" >&2
        exit 2
    fi
    for address in "${LB_ADDRESSES[@]}"; do
        if grep -Fxq -e "$address" <<<"$ingress"; then
            printf 'PASS  LoadBalancer Service %s/cloudcore holds advertise address %s\n' "$NAMESPACE" "$address"
        else
            printf 'FAIL  LoadBalancer Service %s/cloudcore does not hold advertise address %s (status.loadBalancer.ingress: %s): have the load balancer assign it, or advertise the addresses it assigned\n' \
                "$NAMESPACE" "$address" "$(tr '\n' ' ' <<<"$ingress" | sed 's/ *$//; s/^$/none/')"
            failures=$((failures + 1))
        fi
    done
fi

# CloudStream's tunnel server asks every client for a certificate, so a TLS answer without one fails the handshake
# (curl 35 or 56): that still shows the server is there; no connection (7) or no answer (28) does not.
for ((i = 0; i < ${#TUNNEL_URLS[@]}; i += 2)); do
    flag="${TUNNEL_URLS[i]}"
    url="${TUNNEL_URLS[i + 1]}"
    rc=0
    curl -gk "$flag" --max-time 10 -sS -o /dev/null "$url" 2>"$work/curl.err" || rc=$?
    case "$rc" in
        0 | 22 | 35 | 56) printf 'PASS  CloudStream tunnel answers at %s\n' "$url" ;;
        *)
            printf 'FAIL  CloudStream tunnel does not answer at %s (curl -gk %s: %s): edges of this family get no kubectl logs or exec\n' \
                "$url" "$flag" "$(head -n 1 "$work/curl.err")"
            failures=$((failures + 1))
            ;;
    esac
done

# name <TAB> InternalIPs, each followed by a comma <TAB> status of the Ready condition <TAB> kubelet port
if ! kubectl get nodes -o jsonpath='{range .items[*]}{.metadata.name}{"\t"}{range .status.addresses[?(@.type=="InternalIP")]}{.address}{","}{end}{"\t"}{range .status.conditions[?(@.type=="Ready")]}{.status}{end}{"\t"}{.status.daemonEndpoints.kubeletEndpoint.Port}{"\n"}{end}' >"$work/actual"; then
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
    FILENAME == ARGV[1] { ips = $2; sub(/,$/, "", ips); got[$1] = ips; ready[$1] = $3; port[$1] = $4; next }
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
        } else if (kind == "edge" && port[name] !~ /^[0-9]+$/ || kind == "edge" && port[name] + 0 <= 10350) {
            printf "WRONG edge node %s: no CloudStream tunnel (kubelet port %s, want 10351 or above): kubectl logs and exec cannot reach it\n", name, (port[name] == "" ? "none" : port[name]); wrong++
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

if [[ -n $logs_pod ]]; then
    if ! node="$(kubectl -n "$logs_namespace" get pod "$logs_pod" -o 'jsonpath={.spec.nodeName}')"; then
        printf 'FAIL  pod %s/%s: kubectl get pod failed\n' "$logs_namespace" "$logs_pod"
        failures=$((failures + 1))
    elif ! awk -v n="$node" '{ split($0, f, " ") } f[1] == n && f[3] == "edge" { found = 1 } END { exit !found }' "$work/expected"; then
        printf 'FAIL  pod %s/%s runs on %s, not on an edge node of this site\n' "$logs_namespace" "$logs_pod" "${node:-no node}"
        failures=$((failures + 1))
    elif kubectl -n "$logs_namespace" logs "$logs_pod" --all-containers --tail=1 >/dev/null 2>"$work/logs.err"; then
        printf 'PASS  kubectl logs %s/%s answers from edge node %s\n' "$logs_namespace" "$logs_pod" "$node"
    else
        printf 'FAIL  kubectl logs %s/%s on edge node %s: %s; see the CloudStream step of README.md\n' \
            "$logs_namespace" "$logs_pod" "$node" "$(head -n 1 "$work/logs.err")"
        failures=$((failures + 1))
    fi
fi

if [[ $failures -gt 0 ]]; then
    printf 'verify.sh: FAILED. Cloud nodes: scripts/preflight.sh NODE on the node. Edge nodes: journalctl -u edgecore on the node, edge/join.sh NODE --config-only to reinstall its edgecore.yaml. DaemonSets on edge nodes: the edge-affinity patches of the kube-proxy step of README.md. CloudStream tunnel and logs: the CloudStream step of README.md. CloudCore: kubectl -n %s logs deployment/cloudcore\n' "$NAMESPACE" >&2
    exit 1
fi
printf 'verify.sh: all checks passed\n'
</#noparse>
