#!/usr/bin/env bash
set -euo pipefail
set -o noglob   # no pathname expansion: IPv6 DNAT targets such as [2001:db8::10]:10003 hold glob characters
# CloudStream redirect for this control-plane node (install as /usr/local/sbin/dualstack-stream-redirect.sh).
#
# Why: kube-apiserver serves kubectl logs, exec and attach for an edge pod by dialing the edge node's first
# InternalIP on the node's kubelet port. For an edge node, CloudStream sets that port to the tunnel port it
# negotiated (10351, 10352, ... one per CloudCore instance, recorded in the ConfigMap kubeedge/tunnelport,
# annotation tunnelportrecord.kubeedge.io: {"ipTunnelPort":{"<CloudCore IP>":<port>},...}); on the cloud nodes a
# nat rule "-p tcp --dport <port> -j DNAT --to <CloudCore IP>:<streamPort>" sends the dial to CloudStream, which
# relays it through the edge's tunnel (kubeedge/kubeedge cloud/pkg/cloudstream/iptables/iptables.go, v1.20.0 to
# v1.23.1). KubeEdge programs that rule with IPv4 iptables only, so a dial to an IPv6 InternalIP (IPv6-primary and
# IPv6-only sites) is never redirected. This script programs the same redirect in every family the edge nodes
# report, to each CloudCore pod's address of that family (CloudStream listens on ":<streamPort>", both families),
# in a chain of its own that KubeEdge never flushes.
#
#   dualstack-stream-redirect.sh [apply]   read the tunnel-port record and CloudCore's pod addresses, then make
#                                         the chain hold exactly their rules (nothing is written when it does)
#   dualstack-stream-redirect.sh remove    delete the chain and its jumps in every family
#   dualstack-stream-redirect.sh show      print the chain of each family
# Runs as root. If the API server cannot be read, apply changes nothing and exits 1 (the timer retries).
# Exit 0 ok, 1 failure, 2 usage error.

# Rendered site values.
# CloudCore's pods, and the namespace of the tunnel-port record (KubeEdge's SystemNamespace, whatever CloudCore's)
NAMESPACE=${namespace}
RECORD_NAMESPACE=${recordNamespace}
CLOUDCORE_SELECTOR=${selector}
STREAM_PORT=${streamPort}
# the families the edge nodes report as InternalIPs: one nat chain each
FAMILIES=(<#list families as f>${f}<#sep> </#list>)
<#noparse>

CHAIN=DUALSTACK-STREAM
JUMP=(-m comment --comment "dualstack cloudstream redirect" -j "$CHAIN")
KUBECTL=(kubectl --kubeconfig "${DUALSTACK_KUBECONFIG:-/etc/kubernetes/admin.conf}" --request-timeout=10s)

usage() {
    printf 'Usage: dualstack-stream-redirect.sh [apply|remove|show]\n'
}

case "${1:-apply}" in
    apply | remove | show) action="${1:-apply}" ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
esac
if [[ $# -gt 1 ]]; then
    usage >&2
    exit 2
fi

# family, then the iptables arguments; -w waits for the xtables lock that kube-proxy and CloudCore also take
ipt() {
    local tool
    tool="$(ipt_name "$1")"
    shift
    "$tool" -w "$@"
}

ipt_restore() {
    "$(ipt_name "$1")-restore" -w --noflush
}

# the iptables command of a family
ipt_name() {
    case "$1" in
        IPv4) printf iptables ;;
        IPv6) printf ip6tables ;;
    esac
}

has_chain() {
    ipt "$1" -t nat -S "$CHAIN" >/dev/null 2>&1
}

# An IP literal as the API server prints it (IPv4 dotted quad, IPv6 hex groups with at most one "::"): nothing
# else may reach iptables-restore's input.
ip_literal() {
    if [[ $1 =~ ^[0-9]{1,3}(\.[0-9]{1,3}){3}$ ]]; then
        return 0
    fi
    [[ $1 =~ ^[0-9A-Fa-f:]{2,39}$ && $1 == *:* && $1 != *:::* && ${1/::/} != *::* && ! $1 =~ [0-9A-Fa-f]{5} ]]
}

remove() {
    local f hook
    for f in IPv4 IPv6; do
        for hook in OUTPUT PREROUTING; do
            while ipt "$f" -t nat -C "$hook" "${JUMP[@]}" 2>/dev/null; do
                ipt "$f" -t nat -D "$hook" "${JUMP[@]}"
            done
        done
        if has_chain "$f"; then
            ipt "$f" -t nat -F "$CHAIN"
            ipt "$f" -t nat -X "$CHAIN"
            printf 'removed %s chain %s\n' "$f" "$CHAIN"
        fi
    done
}

show() {
    local f
    for f in "${FAMILIES[@]}"; do
        printf '# %s\n' "$f"
        if has_chain "$f"; then
            ipt "$f" -t nat -S "$CHAIN"
        fi
    done
}

# "IP PORT" lines from the record's ipTunnelPort object (Go's json.Marshal: no spaces, keys sorted).
tunnel_ports() {
    printf '%s' "$1" | awk '
        {
            start = index($0, "\"ipTunnelPort\":{")
            if (start == 0 || NR > 1) { bad = 1; exit }
            body = substr($0, start + 16)
            body = substr(body, 1, index(body, "}") - 1)
            n = split(body, entries, ",")
            for (i = 1; i <= n; i++) {
                if (entries[i] !~ /^"[0-9A-Fa-f:.]+":[0-9]+$/) { bad = 1; exit }
                split(entries[i], kv, "\":")
                port = kv[2] + 0
                if (port < 1 || port > 65535) { bad = 1; exit }
                print substr(kv[1], 2), port
            }
        }
        END { exit bad || NR != 1 }'
}

apply() {
    local record pods ip port line target f
    if ! record="$("${KUBECTL[@]}" -n "$RECORD_NAMESPACE" get configmap tunnelport \
        -o 'jsonpath={.metadata.annotations.tunnelportrecord\.kubeedge\.io}')"; then
        printf 'dualstack-stream-redirect: cannot read ConfigMap %s/tunnelport (CloudCore not started yet?); rules unchanged\n' \
            "$RECORD_NAMESPACE" >&2
        return 1
    fi
    # one line per CloudCore pod: its addresses, space-separated (with hostNetwork, the node's)
    if ! pods="$("${KUBECTL[@]}" -n "$NAMESPACE" get pods -l "$CLOUDCORE_SELECTOR" \
        -o 'jsonpath={range .items[*]}{range .status.podIPs[*]}{.ip}{" "}{end}{"\n"}{end}')"; then
        printf 'dualstack-stream-redirect: cannot list the CloudCore pods in %s; rules unchanged\n' "$NAMESPACE" >&2
        return 1
    fi
    local entries
    if ! entries="$(tunnel_ports "$record")"; then
        printf 'dualstack-stream-redirect: ConfigMap %s/tunnelport has no readable tunnelportrecord.kubeedge.io annotation; rules unchanged\n' \
            "$RECORD_NAMESPACE" >&2
        return 1
    fi
    declare -A want=()
    for f in "${FAMILIES[@]}"; do
        want[$f]=""
    done
    while read -r ip port; do
        [[ -n $ip ]] || continue
        if ! ip_literal "$ip" || [[ ! $port =~ ^[0-9]+$ ]]; then
            printf 'dualstack-stream-redirect: tunnel-port record names %q, not an IP address; rules unchanged\n' "$ip" >&2
            return 1
        fi
        # CloudCore records the address it found for itself; its pod has one per family
        local targets=("$ip")
        while read -r line; do
            if [[ " $line " == *" $ip "* ]]; then
                read -r -a targets <<<"$line"
                break
            fi
        done <<<"$pods"
        for target in "${targets[@]}"; do
            ip_literal "$target" || continue
            if [[ $target == *:* ]]; then
                f=IPv6
                target="[$target]"
            else
                f=IPv4
            fi
            if [[ -v "want[$f]" ]]; then
                want[$f]+="-A $CHAIN -p tcp -m tcp --dport $port -j DNAT --to-destination $target:$STREAM_PORT"$'\n'
            fi
        done
    done <<<"$entries"

    local hook have rules
    for f in "${FAMILIES[@]}"; do
        if ! has_chain "$f"; then
            ipt "$f" -t nat -N "$CHAIN"
        fi
        for hook in OUTPUT PREROUTING; do
            if ! ipt "$f" -t nat -C "$hook" "${JUMP[@]}" 2>/dev/null; then
                ipt "$f" -t nat -A "$hook" "${JUMP[@]}"
            fi
        done
        rules="$(printf '%s' "${want[$f]}" | LC_ALL=C sort -u)"
        have="$(ipt "$f" -t nat -S "$CHAIN" | grep -v '^-N ' || true)"
        if [[ $have == "$rules" ]]; then
            printf '%s: %s unchanged (%d rules)\n' "$f" "$CHAIN" "$(grep -c . <<<"$rules" || true)"
            continue
        fi
        # one transaction: declaring the chain with --noflush empties it, then its rules are added
        printf '*nat\n:%s - [0:0]\n%s\nCOMMIT\n' "$CHAIN" "$rules" | grep -v '^$' | ipt_restore "$f"
        printf '%s: %s set (%d rules)\n' "$f" "$CHAIN" "$(grep -c . <<<"$rules" || true)"
    done
}

# iptables-nft, the default of current distributions, programs nftables through the same commands, so a node whose
# kube-proxy runs in nftables mode needs only the iptables package.
for f in "${FAMILIES[@]}"; do
    for tool in "$(ipt_name "$f")" "$(ipt_name "$f")-restore"; do
        if ! command -v "$tool" >/dev/null 2>&1; then
            printf 'dualstack-stream-redirect: %s not found; install the iptables package (iptables-nft works on an nftables node)\n' \
                "$tool" >&2
            exit 1
        fi
    done
done

"$action"
</#noparse>
