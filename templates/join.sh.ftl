#!/usr/bin/env bash
set -euo pipefail
set -o noglob   # no pathname expansion anywhere: node values such as [2001:db8::10]:10000 hold glob characters
# Joins an edge node of site ${siteName} to CloudCore and leaves it with exactly its generated
# etc/kubeedge/config/edgecore.yaml (keadm join never sets nodeIP). One script for every edge node: what differs
# per node (NODE_NAME, CLOUDCORE_IPPORT and the rest) is in the node's directory, edge/NODE/join.env, which this
# script reads as data (KEY=value lines, never sourced or evaluated).
#
# Run as root on the edge node, with the node's copied edge/NODE/ directory as its argument (default: the
# directory of this script when it holds a join.env, else the current one), and the token that
# `keadm gettoken --kube-config KUBECONFIG` prints where kubectl reaches the cluster (keadm reads
# /root/.kube/config otherwise), in a file copied beside this script (the runbook's edge step) or in the environment:
#   ./join.sh NODE --token-file FILE        or        KUBEEDGE_TOKEN=... ./join.sh NODE
# Typed into a command line, the token stays in that shell's history. ./join.sh --help for options.
#
# Token exposure: keadm join accepts the token only as a command-line flag, so while it runs (pulling the KubeEdge
# image, then until edgecore holds its certificate: keadm waits up to 5 minutes) every local user can read it with
# ps or in /proc/PID/cmdline, unless /proc is mounted with hidepid=2. Until it expires (12 to 24 hours after
# `keadm gettoken` with CloudCore's default cloudHub.tokenRefreshDuration of 12 hours) the token gets anyone an
# edge certificate from CloudCore. So join where no untrusted user is logged in, with a freshly fetched token.
# This script writes the token into no file, keeps it out of xtrace and of its children's environment, and has
# keadm create its files (two of which hold the token) readable by root only.
#
# Steps: preflight (the node's addresses on its interface, an IPv6 default or global route, CloudCore's /ca.crt
# reachable over the hub family), keadm join, then install the generated edgecore.yaml (keadm's file, once
# edgecore has removed the token from it, is kept as edgecore.yaml.keadm.bak, mode 0600) and restart edgecore. A
# failed preflight stops before anything changes: keadm join would fail later on the same problem and leave a
# half-installed edgecore behind.
#
# A node that discovers an address and has a recheck span (RECHECK_EVERY, from discover.recheckEvery) also gets
# dualstack-nodeip.timer and .service: they rerun a copy of this script and of the node's directory, kept in
# RECHECK_DIR, with --config-only --skip-preflight (no token), so edgecore restarts only when the nodeIP pair found
# differs from the installed one. nodeIP stays set rather than unset: edged finds the node IP itself only while
# nodeIP is unset, and then reports a single address, which would lose dual-stack.
<#noparse>

KUBEEDGE_DIR=/etc/kubeedge
CONFIG_DIR=$KUBEEDGE_DIR/config
CERT_FILE=$KUBEEDGE_DIR/certs/server.crt
RECHECK_DIR=/usr/local/lib/dualstack
UNIT_DIR=/etc/systemd/system
RECHECK_UNIT=dualstack-nodeip
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SELF="$HERE/$(basename "${BASH_SOURCE[0]}")"

usage() {
    cat <<EOF
Usage: join.sh [--token-file FILE] [--dry-run] [--skip-preflight] [--config-only] [NODE_DIR]

Joins the edge node whose copied edge/NODE/ directory is NODE_DIR (default: this script's
directory when it holds a join.env, else the current directory) to CloudCore as its join.env
says, and installs its generated etc/kubeedge/config/edgecore.yaml over
$CONFIG_DIR/edgecore.yaml. Run it as root on the edge node.

The join token (from 'keadm gettoken --kube-config KUBECONFIG' on the cloud side; keadm reads
/root/.kube/config otherwise) is read from \$KUBEEDGE_TOKEN or from --token-file FILE (which wins
when both are given); it is never stored by this script. Don't type it into a command line
(shell history): copy it here as a file only root can read (the runbook's edge step), or pipe it
in with --token-file /dev/stdin.

keadm join takes the token only on its command line: while keadm runs (minutes), every local
user can read it with ps or in /proc/PID/cmdline (unless /proc is mounted with hidepid=2), and
until it expires (12 to 24 hours after 'keadm gettoken' by default) it gets anyone an edge
certificate. Join where no untrusted user is logged in, with a freshly fetched token.

  --token-file FILE  read the join token from FILE (/dev/stdin: from a pipe)
  --dry-run          run the read-only preflight checks, then print the commands instead of running
                     them (the token is shown as <redacted>); exits 1 if the preflight failed
  --skip-preflight   do not check addresses, routes and CloudCore reachability first
  --config-only      the node has already joined: install the generated edgecore.yaml and restart
                     edgecore, without keadm join and without a token (with a discovered address:
                     only when the nodeIP found changed)
  -h, --help         show this help

A node that discovers an address and whose join.env sets RECHECK_EVERY gets the systemd timer
$RECHECK_UNIT.timer, which reruns a copy of this script kept in $RECHECK_DIR with
--config-only --skip-preflight every RECHECK_EVERY; a node without both gets none.
EOF
}

die() {
    printf 'join.sh: %s\n' "$*" >&2
    exit 1
}

dry_run=false
skip_preflight=false
config_only=false
token_file=""
node_dir=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --token-file)
            [[ $# -ge 2 ]] || { usage >&2; exit 2; }
            token_file="$2"
            shift 2
            ;;
        --token-file=*)
            token_file="${1#--token-file=}"
            shift
            ;;
        --dry-run) dry_run=true; shift ;;
        --skip-preflight) skip_preflight=true; shift ;;
        --config-only) config_only=true; shift ;;
        -h | --help) usage; exit 0 ;;
        -*) printf 'join.sh: unknown argument: %s\n' "$1" >&2; usage >&2; exit 2 ;;
        *)
            [[ -z $node_dir ]] || { printf 'join.sh: one node directory only: %s\n' "$1" >&2; usage >&2; exit 2; }
            node_dir="$1"
            shift
            ;;
    esac
done
if [[ -z $node_dir ]]; then
    node_dir=.
    [[ -f $HERE/join.env ]] && node_dir="$HERE"
fi
[[ -f $node_dir/join.env ]] || die "no join.env in $node_dir: pass the node's copied edge/NODE/ directory (join.sh NODE_DIR)"
NODE_DIR="$(cd "$node_dir" && pwd)"
GENERATED="$NODE_DIR/etc/kubeedge/config/edgecore.yaml"

# The node's values: KEY=value lines (dualstack's header comment first), read as data. A value is the rest of
# its line, as is: nothing in it is expanded, so no value can run a command.
NODE_KEYS=(NODE_NAME INTERFACE ADDRESSES DISCOVER NODE_IP_ORDER CLOUDCORE_IPPORT CERT_PORT CA_URL HUB_FAMILY_FLAG
    HUB_PROTOCOL KUBEEDGE_VERSION CGROUP_DRIVER RUNTIME_ENDPOINT LABELS RECHECK_EVERY)
read_node_values() {
    local file="$1" line key known seen=" "
    while IFS= read -r line || [[ -n $line ]]; do
        [[ -z $line || $line == '#'* ]] && continue
        [[ $line == *=* ]] || die "$file: not a KEY=value line: $line"
        key="${line%%=*}"
        known=false
        for k in "${NODE_KEYS[@]}"; do
            [[ $k == "$key" ]] && known=true
        done
        [[ $known == true ]] || die "$file: unknown key $key"
        seen+="$key "
        if [[ $key == ADDRESSES || $key == DISCOVER || $key == NODE_IP_ORDER ]]; then
            # lists of words separated by spaces: ADDRESSES family flag and address per known family, in the site's
            # order; DISCOVER family flag and prefix (any: any global address) per family found on the node at join
            # time; NODE_IP_ORDER the family flags of nodeIP in the site's order when one is discovered
            # shellcheck disable=SC2229   # reads into the array that $key names
            read -r -a "$key" <<<"${line#*=}"
        else
            printf -v "$key" '%s' "${line#*=}"
        fi
    done <"$file"
    for k in "${NODE_KEYS[@]}"; do
        [[ $seen == *" $k "* ]] || die "$file: $k is missing"
    done
}
read_node_values "$NODE_DIR/join.env"

# One word of a printed command: as is when the shell would not interpret it, else single-quoted.
quote_word() {
    case "$1" in
        '' | *[^]A-Za-z0-9_.,:/=@%+[-]*) printf "'%s'" "${1//\'/\'\\\'\'}" ;;
        *) printf '%s' "$1" ;;
    esac
}

print_command() {
    local sep=""
    for word in "$@"; do
        printf '%s' "$sep"
        quote_word "$word"
        sep=" "
    done
    printf '\n'
}

# Runs a command, or prints it with --dry-run.
run() {
    if [[ $dry_run == true ]]; then
        print_command "$@"
    else
        "$@"
    fi
}

# True when FILE holds the join token: a plain substring test in bash, so the token reaches no command line and
# nothing depends on how the file lays it out.
holds_token() {
    [[ -n $token && -f $1 && $(<"$1") == *"$token"* ]]
}

[[ -f $GENERATED ]] || die "missing $GENERATED: pass the copied edge/$NODE_NAME/ directory"

# bash -x would print the token (read below, on keadm's command line, in the checks) to stderr, which is often
# logged; --dry-run shows the commands without it.
if [[ $config_only == false && $- == *x* ]]; then
    set +x
    printf 'join.sh: tracing turned off: it would show the join token\n' >&2
fi

token=""
if [[ $config_only == false ]]; then
    if [[ -n $token_file ]]; then
        [[ -r $token_file ]] || die "cannot read token file $token_file"
        token="$(tr -d '[:space:]' <"$token_file")"
        [[ -n $token ]] || die "token file $token_file is empty"
    else
        token="$(printf '%s' "${KUBEEDGE_TOKEN:-}" | tr -d '[:space:]')"
        [[ -n $token ]] || die "no join token: set KUBEEDGE_TOKEN to the output of 'keadm gettoken' (run where kubectl reaches the cluster) or pass --token-file FILE"
    fi
fi
unset KUBEEDGE_TOKEN   # keadm, curl and the rest need not inherit it

# Files made from here on are private unless installed with an explicit mode. keadm join writes the token into
# $CONFIG_DIR/edgecore.yaml and $KUBEEDGE_DIR/bootstrap-edgecore.conf, both 0644 under the usual umask 022, and
# the latter stays if keadm is killed, the former if the join fails.
umask 077

if [[ $dry_run == false && $EUID -ne 0 ]]; then
    die "must run as root (keadm join installs edgecore and writes $KUBEEDGE_DIR); use --dry-run to only see the commands"
fi

preflight_failed=false
check() {
    local status="$1"
    shift
    printf '%s  %s\n' "$status" "$*"
    if [[ $status == FAIL ]]; then
        preflight_failed=true
    fi
}

# True when `ip FLAG -o addr show dev IFACE` lists ADDRESS exactly (not just a prefix of another address).
address_present() {
    local flag="$1" address="$2" out
    out="$(ip "$flag" -o addr show dev "$INTERFACE" 2>&1)" || return 2
    printf '%s\n' "$out" | awk -v want="$address" '
        ($3 == "inet" || $3 == "inet6") { split($4, a, "/"); if (a[1] == want) found = 1 }
        END { exit found ? 0 : 1 }'
}

# True when the kernel has an IPv6 default route or one to a non-link-local prefix: every interface with IPv6 on
# has fe80::/64, which reaches no CloudCore; multicast and unreachable/prohibit/blackhole routes reach nothing.
ipv6_route_beyond_link_local() {
    ip -6 route show 2>/dev/null | awk '$1 == "default" || ($1 ~ /:/ && $1 !~ /^(fe[89ab]|ff)/) { found = 1 }
        END { exit found ? 0 : 1 }'
}

preflight() {
    local i flag address has_ipv6=false rc
    for ((i = 0; i < ${#ADDRESSES[@]}; i += 2)); do
        flag="${ADDRESSES[i]}"
        address="${ADDRESSES[i + 1]}"
        [[ $flag == -6 ]] && has_ipv6=true
        rc=0
        address_present "$flag" "$address" || rc=$?
        case $rc in
            0) check PASS "address $address is on $INTERFACE" ;;
            2) check FAIL "interface $INTERFACE: $(ip "$flag" -o addr show dev "$INTERFACE" 2>&1 | head -n 1)" ;;
            *) check FAIL "address $address is not on $INTERFACE (ip $flag -o addr show dev $INTERFACE); edgecore reports it as the node's InternalIP" ;;
        esac
    done
    if [[ $has_ipv6 == true ]]; then
        if ipv6_route_beyond_link_local; then
            check PASS "IPv6 default or global route present (ip -6 route show)"
        else
            check FAIL "no IPv6 default or global route (ip -6 route show has none beyond link-local fe80::/10): enable IPv6 and configure the interface first"
        fi
    fi
    # Without curl the check below would report an unreachable CloudCore instead of the missing tool.
    if ! command -v curl >/dev/null; then
        check FAIL "curl not found on PATH: install curl to check that CloudCore answers at $CA_URL (or pass --skip-preflight)"
    elif curl -gk "$HUB_FAMILY_FLAG" --max-time 10 -fsS -o /dev/null "$CA_URL"; then
        check PASS "CloudCore answers at $CA_URL (curl -gk $HUB_FAMILY_FLAG)"
    else
        check FAIL "CloudCore does not answer at $CA_URL (curl -gk $HUB_FAMILY_FLAG): keadm join needs this port; check routing, firewall and CloudCore"
    fi
}

# The one address of a family to report as this node's: global scope, preferred (not deprecated: preferred
# lifetime left), not temporary (RFC 8981 privacy addresses change daily), not tentative or failed duplicate
# detection, no IPv6 ULA (fc00::/7) unless the prefix asks for one, inside PREFIX unless it is "any". Reads
# `ip -j FLAG addr show dev INTERFACE` (one object per address in addr_info, flags as JSON booleans). Prints the
# address, or fails listing what the interface holds when there is none or more than one.
discover_address() {
    local flag="$1" prefix="$2" out found
    out="$(ip -j "$flag" addr show dev "$INTERFACE" 2>&1)" || { printf 'ip -j %s addr show dev %s: %s
' "$flag" "$INTERFACE" "$out"; return 1; }
    found="$(printf '%s
' "$out" | grep -o '{[^{}]*}' | awk -v prefix="$prefix" -v six="$([[ $flag == -6 ]] && echo 1 || echo 0)" '
        function str(o, k,    m) { if (match(o, "\"" k "\":\"[^\"]*\"")) { m = substr(o, RSTART, RLENGTH); sub(/^[^:]*:"/, "", m); sub(/"$/, "", m); return m } return "" }
        function num(o, k,    m) { if (match(o, "\"" k "\":[0-9]+")) { m = substr(o, RSTART, RLENGTH); sub(/^[^:]*:/, "", m); return m + 0 } return -1 }
        function flag(o, k) { return index(o, "\"" k "\":true") > 0 }
        function hexbits(h,    i, k, d, b, s) { s = ""; for (i = 1; i <= length(h); i++) { d = index("0123456789abcdef", substr(h, i, 1)) - 1; b = ""; for (k = 0; k < 4; k++) { b = (d % 2) b; d = int(d / 2) } s = s b } return s }
        function pad(g) { while (length(g) < 4) g = "0" g; return g }
        function bits6(a,    n, h, l, r, nl, nr, i, out) {
            a = tolower(a); n = split(a, h, "::")
            nl = (h[1] == "") ? 0 : split(h[1], l, ":")
            nr = (n < 2 || h[2] == "") ? 0 : split(h[2], r, ":")
            out = ""
            for (i = 1; i <= nl; i++) out = out pad(l[i])
            for (i = nl + nr; i < 8; i++) out = out "0000"
            for (i = 1; i <= nr; i++) out = out pad(r[i])
            return hexbits(out)
        }
        function bits4(a,    o, i, d, s, b, k) { split(a, o, "."); s = ""; for (i = 1; i <= 4; i++) { d = o[i] + 0; b = ""; for (k = 0; k < 8; k++) { b = (d % 2) b; d = int(d / 2) } s = s b } return s }
        function bitsOf(a) { return six ? bits6(a) : bits4(a) }
        function inside(a, p,    pp, len) { split(p, pp, "/"); len = pp[2] + 0; return substr(bitsOf(a), 1, len) == substr(bitsOf(pp[1]), 1, len) }
        {
            fam = str($0, "family"); addr = str($0, "local")
            if (addr == "" || fam != (six ? "inet6" : "inet")) next
            why = ""
            if (str($0, "scope") != "global") why = "scope " str($0, "scope")
            else if (flag($0, "temporary")) why = "temporary"
            else if (flag($0, "deprecated") || num($0, "preferred_life_time") == 0) why = "deprecated"
            else if (flag($0, "tentative")) why = "tentative"
            else if (flag($0, "dadfailed")) why = "duplicate address detection failed"
            else if (prefix != "any" && !inside(addr, prefix)) why = "outside " prefix
            else if (prefix == "any" && six && substr(bits6(addr), 1, 7) == "1111110") why = "unique local (fc00::/7)"
            if (why == "") { picked[++n] = addr; print "candidate " addr } else print "skipped " addr " (" why ")"
        }
        END { if (n == 1) print "picked " picked[1] }')"
    if [[ $found == *"picked "* ]]; then
        printf '%s
' "${found##*picked }"
        return 0
    fi
    if [[ $found != *"candidate "* ]]; then
        printf 'no usable address (prefix %s) on %s: %s
' "$prefix" "$INTERFACE" "$(printf '%s' "${found:-none}" | tr '\n' ';')"
    else
        printf 'more than one usable address (prefix %s) on %s, cannot choose: %s; narrow discover.prefix
' "$prefix" "$INTERFACE" "$(printf '%s' "$found" | tr '\n' ';')"
    fi
    return 1
}

# nodeIP in the site's family order: the known addresses as rendered, the others found on the node.
resolve_node_ip() {
    local want i j address result="" sep=""
    for want in "${NODE_IP_ORDER[@]}"; do
        address=""
        for ((i = 0; i < ${#ADDRESSES[@]}; i += 2)); do
            [[ ${ADDRESSES[i]} == "$want" ]] && address="${ADDRESSES[i + 1]}"
        done
        for ((j = 0; j < ${#DISCOVER[@]}; j += 2)); do
            if [[ ${DISCOVER[j]} == "$want" ]]; then
                address="$(discover_address "$want" "${DISCOVER[j + 1]}")" || { printf '%s\n' "$address"; return 1; }
            fi
        done
        result+="$sep$address"
        sep=","
    done
    printf '%s\n' "$result"
}

# The generated edgecore.yaml with nodeIP added under modules.edged, after hostnameOverride.
with_node_ip() {
    awk -v ip="$1" '
        { print }
        /^    hostnameOverride: / { print "    nodeIP: " ip; added++ }
        /^    nodeIP: / { clash = 1 }
        END { exit (added == 1 && !clash) ? 0 : 1 }' "$GENERATED"
}

# The recheck units: the service runs the kept copy of this script on the kept copy of the node's directory.
recheck_service_unit() {
    cat <<EOF
[Unit]
Description=Find the address of edge node $NODE_NAME again and restart edgecore when its nodeIP changed
Wants=network-online.target
After=network-online.target

[Service]
Type=oneshot
ExecStart=$RECHECK_DIR/join.sh --config-only --skip-preflight $RECHECK_DIR/node
EOF
}

recheck_timer_unit() {
    cat <<EOF
[Unit]
Description=Find the address of edge node $NODE_NAME again every $RECHECK_EVERY

[Timer]
OnBootSec=$RECHECK_EVERY
OnUnitActiveSec=$RECHECK_EVERY

[Install]
WantedBy=timers.target
EOF
}

# Installs FROM as TO (mode MODE) unless TO holds the same bytes; with --dry-run a unit's text is shown too.
# Sets recheck_changed when it installs.
install_changed() {
    local mode="$1" from="$2" to="$3"
    [[ $from -ef $to ]] && return 0
    cmp -s "$from" "$to" && return 0
    if [[ $dry_run == true && $to == "$UNIT_DIR/"* ]]; then
        printf '# %s:\n' "$to"
        sed 's/^/#   /' "$from"
    fi
    run install -D -m "$mode" "$from" "$to"
    recheck_changed=true
}

# The recheck timer of a node that discovers an address and has RECHECK_EVERY, installed or replaced only when a
# file of it changed (so the timer's own runs change nothing); removed from a node that no longer needs one.
recheck_timer() {
    local unit="$UNIT_DIR/$RECHECK_UNIT"
    recheck_changed=false
    if [[ ${#DISCOVER[@]} -eq 0 || -z $RECHECK_EVERY ]]; then
        if [[ -f $unit.timer ]]; then
            run systemctl disable --now "$RECHECK_UNIT.timer"
            run rm -f "$unit.timer" "$unit.service" "$RECHECK_DIR/join.sh" "$RECHECK_DIR/node/join.env" \
                "$RECHECK_DIR/node/etc/kubeedge/config/edgecore.yaml"
            run systemctl daemon-reload
        fi
        return 0
    fi
    [[ $RECHECK_EVERY =~ ^[0-9A-Za-z.\ ]+$ ]] || die "$NODE_DIR/join.env: RECHECK_EVERY is no systemd time span: $RECHECK_EVERY"
    recheck_service_unit >"$work/$RECHECK_UNIT.service"
    recheck_timer_unit >"$work/$RECHECK_UNIT.timer"
    install_changed 0755 "$SELF" "$RECHECK_DIR/join.sh"
    install_changed 0644 "$NODE_DIR/join.env" "$RECHECK_DIR/node/join.env"
    install_changed 0644 "$GENERATED" "$RECHECK_DIR/node/etc/kubeedge/config/edgecore.yaml"
    install_changed 0644 "$work/$RECHECK_UNIT.service" "$unit.service"
    install_changed 0644 "$work/$RECHECK_UNIT.timer" "$unit.timer"
    if [[ $recheck_changed == true ]]; then
        run systemctl daemon-reload
        run systemctl enable --now "$RECHECK_UNIT.timer"
        printf 'join.sh: %s.timer finds the address again every %s\n' "$RECHECK_UNIT" "$RECHECK_EVERY"
    fi
}

# A node with a family to discover gets nodeIP added to its edgecore.yaml here; the others install it as generated.
install_from="$GENERATED"
if [[ ${#DISCOVER[@]} -gt 0 ]]; then
    node_ip="$(resolve_node_ip)" || die "cannot find this node's address: $node_ip"
    printf 'join.sh: nodeIP %s (found on %s)\n' "$node_ip" "$INTERFACE"
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
    staged="$work/edgecore.yaml"
    with_node_ip "$node_ip" >"$staged" || die "cannot add nodeIP to $GENERATED: it must have one hostnameOverride line under modules.edged and no nodeIP"
    # Run again when the address may have changed (a timer may do it: join.sh --config-only --skip-preflight):
    # edgecore restarts only when the file it would get differs from the installed one.
    if [[ $config_only == true && -f $CONFIG_DIR/edgecore.yaml ]] && cmp -s "$staged" "$CONFIG_DIR/edgecore.yaml"; then
        printf 'join.sh: %s already has nodeIP %s; edgecore not restarted\n' "$CONFIG_DIR/edgecore.yaml" "$node_ip"
        recheck_timer
        exit 0
    fi
    install_from="$staged"
fi
if [[ $skip_preflight == false ]]; then
    preflight
    if [[ $preflight_failed == true && $dry_run == false ]]; then
        die "preflight failed; fix the problems above (or pass --skip-preflight)"
    fi
fi

if [[ $dry_run == false ]]; then
    command -v systemctl >/dev/null || die "systemctl not found: edgecore runs as a systemd service"
fi

if [[ $config_only == false ]]; then
    join=(keadm join
        "--cloudcore-ipport=$CLOUDCORE_IPPORT"
        "--certport=$CERT_PORT"
        "--edgenode-name=$NODE_NAME"
        "--kubeedge-version=$KUBEEDGE_VERSION"
        "--cgroupdriver=$CGROUP_DRIVER"
        "--remote-runtime-endpoint=$RUNTIME_ENDPOINT"
        "--hub-protocol=$HUB_PROTOCOL")
    if [[ -n $LABELS ]]; then
        join+=("--labels=$LABELS")
    fi
    if [[ $dry_run == true ]]; then
        print_command "${join[@]}" "--token=<redacted>"
    else
        command -v keadm >/dev/null || die "keadm not found on PATH: install the keadm $KUBEEDGE_VERSION binary first"
        # keadm only requires $KUBEEDGE_DIR to be empty; made here, it keeps the usual mode (edgecore's DMI socket
        # lives in it) while the directories keadm makes below it come out 0700.
        [[ -d $KUBEEDGE_DIR ]] || mkdir -m 0755 "$KUBEEDGE_DIR"
        "${join[@]}" "--token=$token" || die "keadm join failed; its files stay for diagnosis (edgecore.yaml may hold the token, readable by root only) until 'keadm reset edge' removes them"
        # edgecore fetches its certificate with the token right after keadm starts it, then rewrites keadm's
        # edgecore.yaml without the token. Replace the config only after both, so that neither the restart below
        # nor that rewrite can undo the other, and so the backup never holds the token.
        for ((i = 0; i < 60; i++)); do
            [[ -s $CERT_FILE ]] && ! holds_token "$CONFIG_DIR/edgecore.yaml" && break
            sleep 2
        done
        [[ -s $CERT_FILE ]] || printf 'join.sh: warning: %s did not appear within 120s; check journalctl -u edgecore\n' "$CERT_FILE" >&2
    fi
fi

# Keep the file being replaced: keadm's after a join, the previous one with --config-only. The backup is there to
# roll back to or diff against, which needs no token: the node has its certificate, and joining again takes a
# clean $KUBEEDGE_DIR and a new token. Keeping it only once the token is gone, rather than cutting the token out of
# keadm's YAML, relies on edgecore's own clean-up instead of on the layout of the file; and it is 0600 in case a
# later KubeEdge leaves the token in a form this check misses.
backup="$CONFIG_DIR/edgecore.yaml.keadm.bak"
if [[ $config_only == true ]]; then
    backup="$CONFIG_DIR/edgecore.yaml.bak"
fi
if holds_token "$CONFIG_DIR/edgecore.yaml"; then
    printf 'join.sh: warning: edgecore has not removed the join token from keadm'\''s edgecore.yaml; not keeping it as %s\n' "$backup" >&2
elif [[ -f $CONFIG_DIR/edgecore.yaml || $dry_run == true ]]; then
    run install -m 0600 "$CONFIG_DIR/edgecore.yaml" "$backup"
fi
run install -D -m 0644 "$install_from" "$CONFIG_DIR/edgecore.yaml"
run systemctl restart edgecore
recheck_timer

if [[ $dry_run == true ]]; then
    if [[ $preflight_failed == true ]]; then
        printf 'join.sh: dry run: the preflight failed, a real run would stop before keadm join\n' >&2
        exit 1
    fi
    exit 0
fi
printf 'join.sh: %s joined; check from the cloud side:\n' "$NODE_NAME"
printf "  kubectl get node %s -o jsonpath='{.status.addresses}'\n" "$NODE_NAME"
</#noparse>
