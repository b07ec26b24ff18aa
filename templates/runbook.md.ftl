# Dual-stack rollout runbook: site ${siteName}

IP families: ${families} (primary first, the same order everywhere). Pod CIDRs: `${podCidrs}`. Service CIDRs:
`${serviceCidrs}`. CloudCore: namespace `${namespace}`, exposure ${exposure}, advertise addresses `${advertiseAddresses}`.

Do the steps in order; each step is safe to repeat and names the generated files it uses (paths relative to this
directory). Commands marked "on NODE" run as root on that node with this directory copied to it; the others run
wherever kubectl talks to the cluster.
<#if conversion?has_content>

This converts the running site captured in `${conversion.baseline}/`. Every generated object is the captured one
with only its dual-stack fields changed, and each file's header lists those fields: the diffs below must show
nothing else. If the site changed since the capture, capture it again and regenerate before going on.
</#if>

<#if newCluster?has_content>
## 0. Prerequisites and preflight

This is a new cluster, dual-stack from its first `kubeadm init`. kubeadm writes the control-plane static pods, the
kubelets' `--node-ip` (into `/var/lib/kubelet/kubeadm-flags.env`) and kube-proxy's ConfigMap from the generated
`kubeadm/NODE.yaml` files, so this tree has no static pods, kubelet drop-ins or kube-proxy ConfigMap to install: a
second copy would fight kubeadm's. The files use `${newCluster.kubeadmApi}`.

- On every cloud node (${cloudNodes?join(", ")}): a container runtime, and kubeadm, kubelet and kubectl
  ${newCluster.kubernetesVersion}; swap off. KubeEdge's keadm on every edge node.
<#if newCluster.endpointNamed>
- `${newCluster.endpoint}` (controlPlaneEndpoint) reaches the API server port of every control-plane node
  (${controlPlaneNodes?join(", ")}), e.g. through a load balancer; until the first node is up it answers for that one.
<#else>
- The cluster's endpoint is the first control-plane node itself, `${newCluster.endpoint}`: every join and kubelet
  dials it. Set `spec.kubernetes.controlPlaneEndpoint` to a load balancer's address before building a cluster that
  must survive that node.
</#if>
<#if ipv6>
- IPv6 configured on every node: the procedure's check is `ip -6 route show`, which must print routes.
</#if>

On each cloud node, install the kernel settings (kubeadm's preflight refuses a node without forwarding) and check
the prerequisites:

```sh
# on NODE
NODE=${cloudNodes?first}
install -D -m 0644 nodes/$NODE/etc/sysctl.d/60-dualstack.conf /etc/sysctl.d/60-dualstack.conf
sysctl --system
scripts/preflight.sh "$NODE"
```

It checks<#if ipv6> that IPv6 is enabled, that `ip -6 route show` is not empty, and</#if> that the node's addresses are on
its interface. Fix every FAIL before going on.

## 1. kubeadm init on ${newCluster.first}

Uses `kubeadm/${newCluster.first}.yaml`: the InitConfiguration (this node's advertise address and `--node-ip`),
the ClusterConfiguration (pod subnets `${podCidrs}`, service subnets `${serviceCidrs}`, a node mask size per family,
the certificate SANs of every control-plane address and the endpoint) and the KubeProxyConfiguration (`clusterCIDR:
${podCidrs}`).

```sh
# on ${newCluster.first}
kubeadm config validate --config kubeadm/${newCluster.first}.yaml
kubeadm init --config kubeadm/${newCluster.first}.yaml --upload-certs
mkdir -p /root/.kube && install -m 0600 /etc/kubernetes/admin.conf /root/.kube/config
```

STOP unless both of these print the site's values: the subnets as kubeadm stored them, and the node's addresses,
one InternalIP per family in the order ${families} (the node stays NotReady until Calico runs in step 4):

```sh
kubectl -n kube-system get configmap kubeadm-config -o jsonpath='{.data.ClusterConfiguration}' | grep -E 'podSubnet|serviceSubnet'
kubectl get node ${newCluster.first} -o jsonpath='{.status.addresses}'
```

## 2. Join the other nodes
<#if newCluster.joiningControlPlanes?has_content || newCluster.workers?has_content>

Uses `kubeadm/NODE.yaml` of each other node: a JoinConfiguration with the node's `--node-ip`<#if newCluster.joiningControlPlanes?has_content> and, on control-plane
nodes, its own advertise address</#if>. Its bootstrap token, CA certificate hash<#if newCluster.joiningControlPlanes?has_content> and certificate key</#if> are the placeholders
`${newCluster.tokenPlaceholder}`, `${newCluster.caCertHashPlaceholder}`<#if newCluster.joiningControlPlanes?has_content> and `${newCluster.certificateKeyPlaceholder}`</#if>: they are secrets, so
they are made here, when the nodes join, and never written into this tree. On ${newCluster.first}, make them into a
sed script readable by root only, under `/run` (memory, gone at reboot):

```sh
# on ${newCluster.first}
(
  umask 077 && mkdir -p /run/dualstack-join && cd /run/dualstack-join || exit
  kubeadm token create --ttl 2h --print-join-command | awk '{ for (i = 1; i < NF; i++) {
    if ($i == "--token") print "s/${newCluster.tokenPlaceholder}/" $(i + 1) "/"
    if ($i == "--discovery-token-ca-cert-hash") print "s/${newCluster.caCertHashPlaceholder}/" $(i + 1) "/" } }' > fill.sed
<#if newCluster.joiningControlPlanes?has_content>
  kubeadm init phase upload-certs --upload-certs | tail -n 1 | sed 's|.*|s/${newCluster.certificateKeyPlaceholder}/&/|' >> fill.sed
</#if>
)
grep -c '^s/' /run/dualstack-join/fill.sed
```

STOP unless it prints <#if newCluster.joiningControlPlanes?has_content>3<#else>2</#if>. The token lasts 2 hours<#if newCluster.joiningControlPlanes?has_content>, the uploaded certificates (which the key decrypts) 2
hours too</#if>; past that, make the script again. Then join one node at a time<#if newCluster.joiningControlPlanes?has_content>, control-plane nodes first
(${newCluster.joiningControlPlanes?join(", ")}), so etcd grows by one member at a time</#if>. The filled copy goes over ssh's
standard input to `/run` on the node (root ssh from ${newCluster.first} to each node), is read by kubeadm and removed; no
command line carries a secret:

```sh
# on ${newCluster.first}, in this directory
NODE=<#if newCluster.joiningControlPlanes?has_content>${newCluster.joiningControlPlanes?first}<#else>${newCluster.workers?first}</#if>
sed -f /run/dualstack-join/fill.sed kubeadm/$NODE.yaml | ssh root@$NODE \
  'umask 077; cat > /run/kubeadm-join.yaml && kubeadm join --config /run/kubeadm-join.yaml; rc=$?; rm -f /run/kubeadm-join.yaml; exit $rc'
kubectl get node "$NODE" -o jsonpath='{.status.addresses}'
```
<#if newCluster.joiningControlPlanes?has_content>

After each control-plane node, STOP until its API server is Ready before the next join:
`kubectl -n kube-system wait --for=condition=Ready "pod/kube-apiserver-$NODE" --timeout=5m`.
</#if>
<#if newCluster.workers?has_content>

<#if newCluster.joiningControlPlanes?has_content>Then the workers, the same way<#else>Worker nodes</#if>: ${newCluster.workers?join(", ")}.
</#if>

Every node must report one InternalIP per family, in the order ${families}. When all have joined, remove the
script (`rm -rf /run/dualstack-join` on ${newCluster.first}); `kubeadm token list` shows the token until it expires,
and `kubeadm token delete` revokes it sooner.
<#else>

This site has no other cloud node.
</#if>

<#else>
## 0. Prerequisites and preflight

- A kubeadm-built control plane (Kubernetes 1.30 to 1.33), KubeEdge CloudCore installed in namespace `${namespace}`
  (keadm init or its Helm chart), kubectl access, and the keadm binary on every edge node.
<#if ipv6>
- IPv6 configured on every node: the procedure's check is `ip -6 route show`, which must print routes.
</#if>
- On each cloud node (${cloudNodes?join(", ")}), check the prerequisites with `scripts/preflight.sh`:

```sh
scripts/preflight.sh --prerequisites NODE     # on NODE; NODE defaults to $(hostname)
```

It checks<#if ipv6> that IPv6 is enabled, that `ip -6 route show` is not empty, and</#if> that the node's addresses are on
its interface. Fix every FAIL before going on.

## 1. Control plane, one node at a time

Uses `nodes/NODE/etc/kubernetes/manifests/kube-apiserver.yaml` and `kube-controller-manager.yaml`. Control-plane
nodes: ${controlPlaneNodes?join(", ")}. Do one node completely, then the next, so the API stays available.
<#if conversion?has_content>

First record the new configuration in kubeadm's own ConfigMap, `${conversion.kubeadmConfig}` (the captured
ClusterConfiguration with the new subnets, mask sizes, flags and certificate SANs), so that a later `kubeadm upgrade`
renders these manifests instead of the old ones:

```sh
kubectl diff -f ${conversion.kubeadmConfig}; kubectl apply -f ${conversion.kubeadmConfig}
```
<#if conversion.renewCertificates?has_content>

The API server certificate of ${conversion.renewCertificates?join(", ")} lacks <#if conversion.newSans?has_content>`${conversion.newSans?join(", ")}`<#else>an address</#if>,
which kubelets and kube-proxy dial once the nodes report both families. On each of those nodes, before installing
its manifests below, re-issue it from the ClusterConfiguration just applied (kubeadm-reconfigure); the API server
picks it up when the new manifest restarts it:

```sh
# on NODE
mkdir -p /root/dualstack-pki && mv /etc/kubernetes/pki/apiserver.crt /etc/kubernetes/pki/apiserver.key /root/dualstack-pki/
kubectl -n kube-system get configmap kubeadm-config -o jsonpath='{.data.ClusterConfiguration}' > /root/dualstack-pki/cluster.yaml
kubeadm init phase certs apiserver --config /root/dualstack-pki/cluster.yaml
openssl x509 -in /etc/kubernetes/pki/apiserver.crt -noout -ext subjectAltName
```
</#if>
</#if>

```sh
# on NODE
NODE=${controlPlaneNodes?first}
BACKUP=/root/dualstack-backup-$(date +%Y%m%d%H%M%S)   # never inside /etc/kubernetes/manifests: the kubelet runs every file there
mkdir -p "$BACKUP"
cp -p /etc/kubernetes/manifests/kube-apiserver.yaml /etc/kubernetes/manifests/kube-controller-manager.yaml "$BACKUP"/
diff -u /etc/kubernetes/manifests/kube-apiserver.yaml nodes/$NODE/etc/kubernetes/manifests/kube-apiserver.yaml
diff -u /etc/kubernetes/manifests/kube-controller-manager.yaml nodes/$NODE/etc/kubernetes/manifests/kube-controller-manager.yaml
install -m 0600 nodes/$NODE/etc/kubernetes/manifests/kube-apiserver.yaml /etc/kubernetes/manifests/kube-apiserver.yaml
install -m 0600 nodes/$NODE/etc/kubernetes/manifests/kube-controller-manager.yaml /etc/kubernetes/manifests/kube-controller-manager.yaml
```

Review the diff before installing: it should only add the dual-stack flags. A flag of yours that it removes
belongs in the descriptor's `extraArgs`; regenerate instead of editing the file. The kubelet restarts both static
pods within about 20 seconds. Wait until both run with the new ranges and are Ready before the next node:

```sh
# wherever kubectl works, with NODE set as above
for c in kube-apiserver kube-controller-manager; do
  until kubectl -n kube-system get pod "$c-$NODE" -o jsonpath='{.spec.containers[0].command}' 2>/dev/null \
      | grep -q -- '--service-cluster-ip-range=${serviceCidrs}'; do sleep 5; done
  kubectl -n kube-system wait --for=condition=Ready "pod/$c-$NODE" --timeout=5m
done
```

To roll back, copy the two files from `$BACKUP` back into `/etc/kubernetes/manifests/`.<#if conversion?has_content><#else> So that a later
`kubeadm upgrade` keeps these ranges, also set `networking.podSubnet: ${podCidrs}` and
`networking.serviceSubnet: ${serviceCidrs}` in `kubectl -n kube-system edit configmap kubeadm-config`.</#if>

## 2. Kubelets and kernel settings, every cloud node

Uses `nodes/NODE/etc/systemd/system/kubelet.service.d/20-dualstack.conf` (kubelet `--node-ip`, one address per
family) and `nodes/NODE/etc/sysctl.d/60-dualstack.conf`. Cloud nodes: ${cloudNodes?join(", ")}.

```sh
# on NODE
NODE=${cloudNodes?first}
install -D -m 0644 nodes/$NODE/etc/sysctl.d/60-dualstack.conf /etc/sysctl.d/60-dualstack.conf
sysctl --system
install -D -m 0644 nodes/$NODE/etc/systemd/system/kubelet.service.d/20-dualstack.conf \
  /etc/systemd/system/kubelet.service.d/20-dualstack.conf
systemctl daemon-reload && systemctl restart kubelet
scripts/preflight.sh "$NODE"    # now every check must pass
```

Then, wherever kubectl works, the node must report one InternalIP per family, in the order ${families}:

```sh
kubectl get node "$NODE" -o jsonpath='{.status.addresses}'
```

</#if>
## 3. kube-proxy

<#if newCluster?has_content>
kubeadm init created kube-proxy's ConfigMap from the KubeProxyConfiguration (`clusterCIDR: ${podCidrs}`).
<#else>
Uses `cluster/kube-system/kube-proxy.configmap.yaml` (`clusterCIDR: ${podCidrs}`).
</#if>

DaemonSets that tolerate every taint land on every edge node, where they cannot work (KubeEdge's install guide:
"avoid kube-proxy being deployed on edgenode"). This site keeps these off edge nodes with a required node affinity
`node-role.kubernetes.io/edge` DoesNotExist, applied here, before any step restarts or waits for a DaemonSet (the
DaemonSet controller then removes their pods from edge nodes): ${edgePlacement.daemonSets?join(", ")}.
<#if edgePlacement.unchecked?has_content>

A patch replaces its DaemonSet's required node affinity terms whole (Kubernetes gives that list no merge key), so
first check that none of these has terms of its own (upstream kube-proxy and calico-node have none):

```sh
while read -r ns name; do
  terms=$(kubectl -n "$ns" get daemonset "$name" -o jsonpath='{.spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms}')
  case "$terms" in
    '' | '[{"matchExpressions":[{"key":"node-role.kubernetes.io/edge","operator":"DoesNotExist"}]}]') echo "ok    $ns/$name" ;;
    *) echo "STOP  $ns/$name has required node affinity terms of its own: $terms" ;;
  esac
done <<'DAEMONSETS'
<#list edgePlacement.unchecked as d>
${d.namespace} ${d.name}
</#list>
DAEMONSETS
```

Do not apply the patch of a DaemonSet that prints STOP: add `{key: node-role.kubernetes.io/edge, operator:
DoesNotExist}` to the `matchExpressions` of each of its terms instead (`kubectl -n NAMESPACE edit daemonset NAME`).
</#if>

```sh
<#if newCluster?has_content><#else>
kubectl apply -f cluster/kube-system/kube-proxy.configmap.yaml
</#if>
<#list edgePlacement.patches as p>
kubectl -n ${p.namespace} patch daemonset ${p.name} --patch-file ${p.file}
</#list>
kubectl -n kube-system rollout restart daemonset kube-proxy
kubectl -n kube-system rollout status daemonset kube-proxy --timeout=10m
```
<#if edgePlacement.keptAlready?has_content>

Kept off edge nodes already, as captured: ${edgePlacement.keptAlready?join(", ")}.
</#if>
<#if edgePlacement.calicoNode>

calico-node's affinity is part of its patch, applied in step 4 before anything waits for calico-node.
</#if>

`kubectl apply -k cluster/` applies <#if newCluster?has_content>every cluster file (steps 4 and 5)<#else>this file together with every other cluster file (steps 3 to 5)</#if>; from step 5
on, that is the one command a GitOps tool runs. It applies no edge-affinity patch: kustomize patches only objects
among its resources, and these DaemonSets are the cluster's own. A patch once applied stays in its DaemonSet, but
`kubeadm upgrade apply` writes kube-proxy's DaemonSet again from kubeadm's manifest, which has no node affinity;
after every upgrade, keep it off edge nodes again (`scripts/verify.sh` names every pod of these DaemonSets that runs
on an edge node):

```sh
kubectl -n kube-system patch daemonset kube-proxy -p '{"spec":{"template":{"spec":{"affinity":{"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[{"matchExpressions":[{"key":"node-role.kubernetes.io/edge","operator":"DoesNotExist"}]}]}}}}}}}'
```

## 4. Calico

<#if conversion?has_content && conversion.calicoOperator>
The Calico operator manages this site's Calico (`${conversion.baseline}/cluster/calico.installation.yaml`): it reverts
edits of calico-node and calico-config, so nothing is generated for them. Set the new family in the `Installation`
instead (`spec.calicoNetwork.nodeAddressAutodetectionV4`/`V6`), and create the new family's pool as a
`projectcalico.org/v3` IPPool through the Calico API server or calicoctl, which validate it: the Installation's
`ipPools` take effect only when Calico is installed (Calico's IPv6 docs: "only for new clusters").
<#elseif calico>
<#if calicoBase>
Uses `cluster/kustomization.yaml`, which includes your upstream Calico base and patches it with
`cluster/kube-system/calico-config.configmap.yaml` (IPAM per family) and
`cluster/kube-system/calico-node.patch.yaml` (calico-node environment and probes), and applies
`cluster/kube-system/calico.ippools.yaml`.<#if edgePlacement.calicoNode> The patch also carries the affinity that keeps calico-node off
edge nodes.</#if>

```sh
kubectl apply -k cluster/
kubectl -n kube-system rollout status daemonset calico-node --timeout=10m
```

This also applies the kube-proxy and CloudCore files; the CloudCore ones take effect with the restart in step 5.
<#else>
<#if newCluster?has_content>
Calico is not installed yet: install its upstream manifest first (`calico.yaml` of the Calico version you run). Its
first calico-node pods create pools from kubeadm's podSubnet (`${podCidrs}`); the configuration below then turns on
both families. A `spec.calico.base` instead lets one `kubectl apply -k cluster/` install Calico dual-stack from its
first pod.

```sh
kubectl apply -f calico.yaml
```

</#if>
Uses `cluster/kube-system/calico-config.configmap.yaml` (IPAM per family), `cluster/kube-system/calico.ippools.yaml`
and `cluster/kube-system/calico-node.patch.yaml` (calico-node environment and probes; a strategic merge patch,
applied with `kubectl patch` because this site names no upstream Calico base for kustomize).<#if edgePlacement.calicoNode> The patch
also carries the affinity that keeps calico-node off edge nodes.</#if>

```sh
kubectl apply -f cluster/kube-system/calico-config.configmap.yaml -f cluster/kube-system/calico.ippools.yaml
kubectl -n kube-system patch daemonset calico-node --patch-file cluster/kube-system/calico-node.patch.yaml
kubectl -n kube-system rollout status daemonset calico-node --timeout=10m
```
</#if>

The pool variables in the calico-node environment (`CALICO_IPV4POOL_*`, `CALICO_IPV6POOL_*`) act only when Calico
creates its first pools, not on an existing installation; that is why `calico.ippools.yaml` is applied too. IPPool
CIDRs are immutable: if a pool of the same name exists with another CIDR, the apply fails; create a new pool and
migrate instead of editing it. Pods created before this step keep their old addresses until they are recreated.
<#else>
This site has no `calico` section, so nothing is generated for the CNI plugin. Configure yours for ${families} with
the pod CIDRs `${podCidrs}` before going on.
</#if>

## 5. CloudCore Service and ConfigMap
<#if conversion?has_content && conversion.helm?has_content>

Helm release `${conversion.helm.release}` (namespace `${conversion.helm.namespace}`) owns CloudCore: give it the same values
first, or its next `helm upgrade` (and `keadm upgrade`, which runs the chart) renders the old ConfigMap again:

```sh
helm upgrade ${conversion.helm.release} kubeedge/cloudcore -n ${conversion.helm.namespace} --reuse-values \
<#list conversion.helm.setJson as s>
  --set-json '${s}'<#sep> \</#sep>
</#list>
```

The chart renders no `ipFamilies` for the Service; Helm's three-way merge keeps what the apply below sets.
</#if>
<#if conversion?has_content && conversion.cloudCoreNodes?has_content>

CloudCore runs on the host's network, so edges dial the node it runs on: ${conversion.cloudCoreNodes?join(", ")}.
<#if conversion.cloudCorePinned>Its Deployment is pinned there already.<#else>Its Deployment is not pinned to it: a restart may move CloudCore to another cloud node, which edges do not dial. Pin it (the Helm values above do) before the restart.</#if>
</#if>

<#if newCluster?has_content>
CloudCore is not installed yet: install it first with `keadm init` (or KubeEdge's CloudCore Helm chart) into
namespace `${namespace}`, advertising `${advertiseAddresses}`, once every cloud node is Ready. The files below then
make its Service and configuration dual-stack.

</#if>
Uses `cluster/kubeedge/cloudcore.service.yaml` and `cluster/kubeedge/cloudcore.configmap.yaml` (advertise
addresses `${advertiseAddresses}`, ports, and the values that keep CloudCore from rewriting its ConfigMap).

```sh
kubectl apply -k cluster/
kubectl -n ${namespace} rollout restart deployment cloudcore
kubectl -n ${namespace} rollout status deployment cloudcore --timeout=5m
```

<#if hostNetwork>
CloudCore runs with hostNetwork: edge nodes dial the address of the node CloudCore runs on directly, so its Service
needs no dual-stack cluster. If the rollout stalls because the new pod cannot bind the ports the old one still holds
on the same node, delete the old pod (`kubectl -n ${namespace} get pods`).
<#elseif dualStack>
Edge nodes reach CloudCore through its ${exposure} Service, which now serves both families (${families}); that
needs the dual-stack cluster of steps 1 to 3.
<#else>
Edge nodes reach CloudCore through its ${exposure} Service (${families}).
</#if>

## 6. CloudCore certificate

<#if regenerateCertificates>
CloudCore's server certificate must list every address edges dial (`${advertiseAddresses}`, and the descriptor's
`dnsNames`), or they fail with
`x509: certificate is valid for ..., not ...`. CloudCore signs it only when it has none, so an address added after
installation is missing until the certificate is re-signed. Run `scripts/regenerate-cloudcore-certs.sh`:

```sh
scripts/regenerate-cloudcore-certs.sh
```

By default it deletes only Secret `cloudcoresecret` and restarts CloudCore, which re-signs its server certificate
with the existing CA (`casecret`): edge certificates and join tokens stay valid and joined edges reconnect unchanged.
It first checks that the applied ConfigMap (step 5) lists every address, and afterwards checks the certificate at
each of them. The KubeEdge procedure instead deletes all three secrets:

```sh
kubectl -n ${secretsNamespace} delete secrets tokensecret casecret cloudcoresecret
```

CloudCore then creates a new CA: every edge certificate and join token becomes invalid, and every edge node must
join again (`keadm reset edge` on the node, `kubectl delete node NODE`, then its `join.sh` with a new token). The
script does that only with `--new-ca --yes`; use it only when the CA itself must be replaced.
<#else>
Not needed for this site (`regenerateCertificates: false`). It is needed when CloudCore was installed before all of
`${advertiseAddresses}` were advertised: its server certificate then lacks an address and edges fail with
`x509: certificate is valid for ..., not ...`. Check each address (the second curl fails with error 60, "no
alternative certificate subject name matches", when the address is missing):

```sh
<#list caUrls as u>
curl -gk ${u.flag} -fsS "${u.url}" -o ca.der && openssl x509 -inform DER -in ca.der -out ca.pem
curl -g ${u.flag} -fsS --cacert ca.pem "${u.url}" -o /dev/null && echo "certificate covers ${u.url}"
</#list>
```

If one fails, set `spec.cloudCore.regenerateCertificates: true` in the site descriptor and regenerate: this step
then uses `scripts/regenerate-cloudcore-certs.sh`.
</#if>

## 7. Edge nodes

<#if edgeCount gt 0>
This site has ${edgeCount} edge nodes; each has its own directory `edge/NODE/` with `etc/kubeedge/config/edgecore.yaml`
and `join.sh` (for example `edge/${firstEdge}/`). Copy the directory to the node and run `join.sh` there as root:

```sh
scp -r edge/${firstEdge} root@EDGE-ADDRESS:
TOKEN=$(keadm gettoken) && printf '%s\n' "$TOKEN" | ssh root@EDGE-ADDRESS "cd ${firstEdge} && ./join.sh --token-file /dev/stdin"
unset TOKEN
```

`keadm gettoken` runs where kubectl works; the token travels on ssh's standard input, so it is never stored in this
tree, typed into a shell history or put on a command line other than keadm's own (`printf` is a shell builtin). On
the node, `./join.sh --token-file FILE` or `KUBEEDGE_TOKEN` in the environment work too. `join.sh` checks
the node's addresses, its IPv6 route and that CloudCore answers over the node's hub family, runs `keadm join` with
the bracketed CloudCore endpoint, then installs the generated `edgecore.yaml` (keadm never sets `nodeIP`) and
restarts edgecore. `./join.sh --dry-run` shows what it would do; on a node that has already joined,
`./join.sh --config-only` installs a changed `edgecore.yaml` without joining again.

**The token is exposed while keadm runs.** `keadm join` accepts the token only as a command-line flag, so for as
long as it runs (pulling the KubeEdge image, then until edgecore has its certificate; keadm waits up to 5 minutes
for that) every user on the edge node can read it with `ps` or in `/proc/PID/cmdline`, unless `/proc` is mounted
with `hidepid=2`. Whoever holds the token can get an edge certificate from CloudCore until it expires: CloudCore
makes a new token every `cloudHub.tokenRefreshDuration` hours (default 12) and each one expires after twice that,
so a token from `keadm gettoken` stays valid for 12 to 24 hours by default; a refresh does not revoke the
tokens before it. Join only while no untrusted user is logged in to the node, and fetch the token just before the
join; a smaller `tokenRefreshDuration` in CloudCore's configuration shortens every token's life. `join.sh` itself
writes the token into no file: keadm's files that hold it are created readable by root only, and the copy of
keadm's `edgecore.yaml` it keeps (`/etc/kubeedge/config/edgecore.yaml.keadm.bak`, mode 0600) is taken only after
edgecore has removed the token from it.
<#else>
This site has no edge nodes yet.
</#if>

## 8. Verification

Uses `scripts/verify.sh`, run wherever kubectl talks to the cluster:

```sh
scripts/verify.sh
```

It checks CloudCore's `/ca.crt` at every advertise address (the procedure's `curl -gk6`) and, with openssl, that
the server certificate covers each address; then, with one `kubectl get nodes`, that every cloud and edge node is
registered, reports its InternalIPs in the order ${families}, and is Ready; then that no pod of the DaemonSets
kept off edge nodes runs on one of the site's edge nodes. It lists every node and pod that is wrong and exits
non-zero.
<#if conversion?has_content>

## 9. What stays single-stack

A running cluster converts only what it is told to:

<#list conversion.singleStackServices as s>
- Service `${s.namespace}/${s.name}` keeps one cluster IP until its policy changes; it keeps its primary family:
  `kubectl -n ${s.namespace} patch service ${s.name} -p '{"spec":{"ipFamilyPolicy":"PreferDualStack"}}'`.
</#list>
- Your own Services likewise: patch each one that must answer on both families, as above.
<#if conversion.singleStackNodes gt 0>
- ${conversion.singleStackNodes} existing nodes keep their single-stack podCIDR: kube-controller-manager never adds a family to a
  node that has one. With Calico IPAM (here: `${conversion.ipam}`) pods get both families anyway; with host-local IPAM
  or kube-proxy's `detectLocalMode: NodeCIDR`, re-create each such Node object (drain, `kubectl delete node`, rejoin).
</#if>
</#if>
