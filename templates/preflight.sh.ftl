#!/usr/bin/env bash
set -euo pipefail
set -o noglob   # no pathname expansion: nothing here needs it, and rendered values stay literal
# Preflight for a cloud node of this site. Run it on the node itself (no root needed):
#   scripts/preflight.sh --prerequisites [NODE]   before the rollout: IPv6 on, a default or global IPv6 route,
#                                                 the addresses on the node's interface (what the procedure
#                                                 asks first)
<#if kubeletDropIn>
#   scripts/preflight.sh [NODE]                   after runbook step 2: also the sysctl values of
#                                                 nodes/NODE/etc/sysctl.d/99-dualstack.conf as now in effect,
#                                                 and the kubelet drop-in 20-dualstack.conf installed and loaded
<#else>
#   scripts/preflight.sh [NODE]                   before kubeadm init or join: also the sysctl values of
#                                                 nodes/NODE/etc/sysctl.d/99-dualstack.conf as now in effect
</#if>
# NODE defaults to $(hostname). One PASS or FAIL line per check; exit 1 if any check fails, 2 on a usage error.

SITE_IPV6=<#if ipv6>true<#else>false</#if>
KNOWN_NODES=(<#list nodes as n>${n.name}<#sep> </#list>)

# Sets INTERFACE, ADDRESSES (family flag, address; per family in the site's order) and SYSCTLS (key, value) for a node.
select_node() {
    case "$1" in
<#list nodes as n>
        ${n.name})
            INTERFACE=${n.interface}
            ADDRESSES=(<#list n.addresses as a>${a.flag} ${a.address}<#sep> </#list>)
            SYSCTLS=(
<#list n.sysctl as s>
                ${s.key} ${s.value}
</#list>
            )
            ;;
</#list>
        *) return 1 ;;
    esac
}
<#noparse>

usage() {
    cat <<EOF
Usage: preflight.sh [--prerequisites] [NODE]

Checks cloud node NODE (default: \$(hostname)) of this site: IPv6 enabled with a default or global
route, the node's addresses on its interface and, unless --prerequisites is given, the sysctl values
</#noparse>
<#if kubeletDropIn>
of its generated 99-dualstack.conf as currently in effect and the kubelet drop-in 20-dualstack.conf.
<#else>
of its generated 99-dualstack.conf as currently in effect.
</#if>
<#noparse>
Known nodes: ${KNOWN_NODES[*]}
EOF
}

# True when the kernel has an IPv6 default route or one to a non-link-local prefix. Every interface with IPv6 on
# gets fe80::/64, so a non-empty `ip -6 route show` alone proves nothing; multicast and unreachable, prohibit or
# blackhole routes (whose first field is their type) reach nothing either.
ipv6_route_beyond_link_local() {
    ip -6 route show 2>/dev/null | awk '$1 == "default" || ($1 ~ /:/ && $1 !~ /^(fe[89ab]|ff)/) { found = 1 }
        END { exit found ? 0 : 1 }'
}

prerequisites_only=false
node=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --prerequisites) prerequisites_only=true; shift ;;
        -h | --help) usage; exit 0 ;;
        -*) printf 'preflight.sh: unknown option: %s\n' "$1" >&2; usage >&2; exit 2 ;;
        *)
            [[ -z $node ]] || { usage >&2; exit 2; }
            node="$1"
            shift
            ;;
    esac
done
if [[ -z $node ]]; then
    node="$(hostname)"
fi

INTERFACE=""
ADDRESSES=()
SYSCTLS=()
if ! select_node "$node"; then
    printf 'preflight.sh: %s is not a cloud node of this site; known nodes: %s\n' "$node" "${KNOWN_NODES[*]}" >&2
    exit 2
fi

passed=0
failed=0
pass() {
    printf 'PASS  %s\n' "$*"
    passed=$((passed + 1))
}
fail() {
    printf 'FAIL  %s\n' "$*"
    failed=$((failed + 1))
}

if [[ $SITE_IPV6 == true ]]; then
    if ! disabled="$(sysctl -n net.ipv6.conf.all.disable_ipv6 2>/dev/null)"; then
        fail "IPv6 is not available in this kernel (booted with ipv6.disable=1?)"
    elif [[ $disabled == 0 ]]; then
        pass "IPv6 enabled (net.ipv6.conf.all.disable_ipv6 = 0)"
    else
        fail "IPv6 disabled: net.ipv6.conf.all.disable_ipv6 = $disabled"
    fi
    if ipv6_route_beyond_link_local; then
        pass "IPv6 default or global route present (ip -6 route show)"
    else
        fail "no IPv6 default or global route (ip -6 route show has none beyond link-local fe80::/10); configure IPv6 on $INTERFACE first"
    fi
fi

for ((i = 0; i < ${#ADDRESSES[@]}; i += 2)); do
    flag="${ADDRESSES[i]}"
    address="${ADDRESSES[i + 1]}"
    if ! out="$(ip "$flag" -o addr show dev "$INTERFACE" 2>&1)"; then
        fail "interface $INTERFACE: $(printf '%s\n' "$out" | head -n 1)"
        continue
    fi
    # Exact match on the address before the prefix length: 192.0.2.1 must not match 192.0.2.10.
    line="$(printf '%s\n' "$out" | awk -v want="$address" '
        ($3 == "inet" || $3 == "inet6") { split($4, a, "/"); if (a[1] == want) { print; exit } }')"
    if [[ -z $line ]]; then
        fail "address $address is not on $INTERFACE (ip $flag -o addr show dev $INTERFACE)"
    elif [[ $line == *dadfailed* ]]; then
        fail "address $address on $INTERFACE failed duplicate address detection (dadfailed)"
    else
        pass "address $address is on $INTERFACE"
    fi
done

if [[ $prerequisites_only == false ]]; then
    for ((i = 0; i < ${#SYSCTLS[@]}; i += 2)); do
        key="${SYSCTLS[i]}"
        want="${SYSCTLS[i + 1]}"
        if ! have="$(sysctl -n "$key" 2>/dev/null)"; then
            fail "sysctl $key does not exist here; 99-dualstack.conf sets it to $want"
        elif [[ $have == "$want" ]]; then
            pass "sysctl $key = $want"
        else
            fail "sysctl $key = $have, 99-dualstack.conf sets $want (install nodes/$node/etc/sysctl.d/99-dualstack.conf, then sysctl --system)"
        fi
    done
</#noparse>
<#if kubeletDropIn>
<#noparse>
    if systemctl cat kubelet 2>/dev/null | grep -q KUBELET_DUALSTACK_ARGS; then
        pass "kubelet drop-in 20-dualstack.conf installed (systemctl cat kubelet sets KUBELET_DUALSTACK_ARGS)"
        if [[ "$(systemctl show -p NeedDaemonReload --value kubelet 2>/dev/null)" == yes ]]; then
            fail "kubelet unit changed on disk but not loaded: systemctl daemon-reload && systemctl restart kubelet"
        else
            pass "kubelet unit loaded (no daemon-reload pending)"
        fi
    else
        fail "kubelet drop-in missing: install nodes/$node/etc/systemd/system/kubelet.service.d/20-dualstack.conf, then systemctl daemon-reload && systemctl restart kubelet"
    fi
</#noparse>
</#if>
<#noparse>
fi

printf 'preflight %s: %d passed, %d failed\n' "$node" "$passed" "$failed"
if [[ $failed -gt 0 ]]; then
    exit 1
fi
</#noparse>
