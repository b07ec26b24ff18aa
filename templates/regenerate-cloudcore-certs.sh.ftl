#!/usr/bin/env bash
set -euo pipefail
set -o noglob   # no pathname expansion anywhere: rendered values such as [2001:db8::10]:10000 hold glob characters
# Re-signs CloudCore's server certificate so that it covers every advertise address and DNS name of this site.
# CloudCore signs that certificate only when it has none: at start-up it reuses Secret cloudcoresecret (and a
# local tlsCertFile, if one exists), so adding an address to its ConfigMap changes nothing until it is gone.
# Run it where kubectl talks to the cluster, after the CloudCore ConfigMap with these addresses is applied.
#
#   default    deletes only Secret cloudcoresecret and restarts CloudCore, which signs a new server certificate
#              with its existing CA (Secret casecret). Edge certificates and join tokens (Secret tokensecret,
#              bound to that CA) stay valid; joined edges reconnect without any change.
#   --new-ca   the procedure's way: deletes tokensecret, casecret and cloudcoresecret. CloudCore creates a NEW CA,
#              so every existing edge certificate and join token becomes invalid and EVERY edge node must join
#              again (keadm reset edge on the node, kubectl delete node, then its join.sh with a new token).
#              Only with --yes. Use it only when the CA itself must be replaced.
# Afterwards it waits for the rollout and checks /ca.crt and the certificate at every advertise address.

# Rendered site values. [ ] in them are literal: assignments do not glob and noglob is set.
# shellcheck disable=SC2125,SC2102
{
NAMESPACE=${namespace}
# CloudCore keeps its certificate secrets here whatever its own namespace (KubeEdge's SystemNamespace)
SECRETS_NAMESPACE=${secretsNamespace}
# every address and name the certificate must cover: advertise addresses, then dnsNames
SANS=(<#list advertiseAddresses as a>${a}<#sep> </#list><#list dnsNames as d> ${d}</#list>)
# curl family flag and URL of /ca.crt, per advertise address
CA_URLS=(<#list caUrls as u>${u.flag} ${u.url}<#sep> </#list>)
}
<#noparse>

usage() {
    cat <<EOF
Usage: regenerate-cloudcore-certs.sh [--new-ca --yes] [--dry-run]

Re-signs CloudCore's server certificate (namespace $NAMESPACE) so that it covers:
  ${SANS[*]}

  (default)   delete only Secret cloudcoresecret and restart CloudCore: a new server certificate signed by
              the existing CA; edge certificates and join tokens stay valid.
  --new-ca    delete Secrets tokensecret, casecret and cloudcoresecret (the KubeEdge procedure): CloudCore
              creates a NEW CA, every edge certificate and join token becomes invalid, and every edge node
              must join again. Requires --yes.
  --yes       confirm --new-ca
  --dry-run   check the ConfigMap, then print the commands instead of running them
  -h, --help  show this help
EOF
}

new_ca=false
confirmed=false
dry_run=false
while [[ $# -gt 0 ]]; do
    case "$1" in
        --new-ca) new_ca=true ;;
        --yes) confirmed=true ;;
        --dry-run) dry_run=true ;;
        -h | --help) usage; exit 0 ;;
        *) printf 'regenerate-cloudcore-certs.sh: unknown argument: %s\n' "$1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

die() {
    printf 'regenerate-cloudcore-certs.sh: %s\n' "$*" >&2
    exit 1
}

if [[ $new_ca == true && $confirmed == false ]]; then
    die "--new-ca replaces CloudCore's CA: every edge certificate and join token becomes invalid and every edge node must join again. Repeat with --new-ca --yes to do that, or leave out --new-ca to re-sign only the server certificate with the existing CA."
fi

run() {
    if [[ $dry_run == true ]]; then
        printf '%s\n' "$*"
    else
        "$@"
    fi
}

# CloudCore puts into the certificate what its ConfigMap lists, so the ConfigMap must list every SAN first.
config="$(kubectl -n "$NAMESPACE" get configmap cloudcore -o jsonpath='{.data.cloudcore\.yaml}')" ||
    die "cannot read ConfigMap $NAMESPACE/cloudcore"
# Whole values only: the text split on YAML's separators (blanks, commas, brackets, quotes), each piece compared
# exactly, so that 2001:db8::1 is found neither in fd00:2001:db8::1 nor in 2001:db8::1:5 (grep -w takes ':' for a
# word boundary).
words="$(tr -s ' \t,[]"'"'"'' '\n' <<<"$config")"
missing=()
for san in "${SANS[@]}"; do
    grep -Fxq -e "$san" <<<"$words" || missing+=("$san")
done
if [[ ${#missing[@]} -gt 0 ]]; then
    die "ConfigMap $NAMESPACE/cloudcore does not list ${missing[*]} yet: apply it first (kubectl apply -k cluster/, then kubectl -n $NAMESPACE rollout restart deployment/cloudcore)"
fi

if [[ $new_ca == true ]]; then
    secrets=(tokensecret casecret cloudcoresecret)
else
    secrets=(cloudcoresecret)
fi
run kubectl -n "$SECRETS_NAMESPACE" delete secret "${secrets[@]}" --ignore-not-found
run kubectl -n "$NAMESPACE" rollout restart deployment/cloudcore
if ! run kubectl -n "$NAMESPACE" rollout status deployment/cloudcore --timeout=300s; then
    die "CloudCore did not roll out within 300s. With hostNetwork a new pod cannot start beside the old one on the same node: delete the old pod (kubectl -n $NAMESPACE get pods) and run this script's checks again with scripts/verify.sh"
fi
if [[ $dry_run == true ]]; then
    exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
for ((i = 0; i < ${#CA_URLS[@]}; i += 2)); do
    flag="${CA_URLS[i]}"
    url="${CA_URLS[i + 1]}"
    # CloudCore needs a few seconds after the rollout before its HTTPS port answers.
    ok=false
    for ((try = 0; try < 10; try++)); do
        if curl -gk "$flag" --max-time 10 -fsS "$url" -o "$work/ca.der" 2>/dev/null; then
            ok=true
            break
        fi
        sleep 3
    done
    if [[ $ok == false ]]; then
        printf 'FAIL  CloudCore does not answer at %s\n' "$url"
        failures=$((failures + 1))
        continue
    fi
    if ! command -v openssl >/dev/null; then
        printf 'PASS  CloudCore answers at %s (install openssl to check the certificate too)\n' "$url"
        continue
    fi
    if openssl x509 -inform DER -in "$work/ca.der" -out "$work/ca.pem" 2>/dev/null &&
        curl -g "$flag" --max-time 10 -fsS --cacert "$work/ca.pem" "$url" -o /dev/null; then
        printf 'PASS  CloudCore server certificate is valid for %s\n' "$url"
    else
        printf 'FAIL  CloudCore server certificate is not valid for %s\n' "$url"
        failures=$((failures + 1))
    fi
done
if [[ $failures -gt 0 ]]; then
    die "$failures check(s) failed; see kubectl -n $NAMESPACE logs deployment/cloudcore"
fi
if [[ $new_ca == true ]]; then
    printf 'New CA in place. Every edge node must join again with a new token (keadm gettoken): on the node keadm reset edge, on the cloud side kubectl delete node NODE, then edge/join.sh NODE.\n'
else
    printf 'Server certificate re-signed with the existing CA; edge nodes keep their certificates.\n'
fi
</#noparse>
