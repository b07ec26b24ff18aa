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
install -D -m 0644 nodes/$NODE/etc/sysctl.d/99-dualstack.conf /etc/sysctl.d/99-dualstack.conf
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
<#if chart?has_content && chart.install?has_content>

A new site installs CloudCore now, before step 1, with ${chart.installer} and the values of
`${chart.values}`.
The chart must create its objects before any `kubectl apply -k cluster/` applies the generated ones over them.
<#if chart.helm>
CHART is the cloudcore chart of the site's KubeEdge version: `manifests/charts/cloudcore` in kubeedge/kubeedge at its
tag.
</#if>

```sh
<#list chart.install as line>
<#if line?is_first>${line}<#else>  ${line}</#if><#sep> \</#sep>
</#list>
```
</#if>

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
family) and `nodes/NODE/etc/sysctl.d/99-dualstack.conf`. Cloud nodes: ${cloudNodes?join(", ")}.

```sh
# on NODE
NODE=${cloudNodes?first}
install -D -m 0644 nodes/$NODE/etc/sysctl.d/99-dualstack.conf /etc/sysctl.d/99-dualstack.conf
rm -f /etc/sysctl.d/60-dualstack.conf    # its earlier name, which distribution files sorted after it overrode
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

<#if calicoOperator?has_content>
calico-node's affinity is part of the Calico operator's Installation, applied in step 4.
<#else>
calico-node's affinity is part of its patch, applied in step 4 before anything waits for calico-node.
</#if>
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

<#if calicoOperator?has_content>
The Tigera operator installs this site's Calico and reverts edits of calico-node and its CNI configuration
(projectcalico/calico#6133, #9369), so nothing is generated for them. `${calicoOperator.installation}` is the
operator's `Installation` `default`, which carries the pools (`spec.calicoNetwork.ipPools`), each family's address
autodetection (`nodeAddressAutodetectionV4`/`V6`) and the calico-node affinity that keeps it off edge nodes
(`spec.calicoNodeDaemonSet`, which replaces calico-node's affinity whole). Calico 3.28 to 3.30 (operator v1.34 to
v1.38): from v1.34 on, the operator reconciles `ipPools` after install too, matches pools by CIDR, and deletes a pool
it owns that leaves the list; change pools in this file only, never with kubectl or calicoctl.
<#if conversion?has_content && conversion.calicoOperator>

It is `${conversion.baseline}/cluster/calico.installation.yaml` with only these fields changed (its header lists them
too), so applying it keeps every other setting of the running Installation:<#if calicoOperator.changed?has_content>

<#list calicoOperator.changed as c>
- `${c}`
</#list>
<#else> none.
</#if>
<#if calicoOperator.addsPools || calicoOperator.poolsFile?has_content>

<#if calicoOperator.addsPools>
The operator creates a pool on a running cluster only through the Calico API server (`projectcalico.org/v3`,
which validates it; it never writes new pools to the `crd.projectcalico.org/v1` CRD once pools exist), so the API
server must be ready first;
<#else>
`projectcalico.org/v3` is served by the Calico API server alone, which validates each pool, so it must be ready
first;
</#if>
if this fails, install it (an `APIServer` named `default`) and wait again:

```sh
kubectl wait --for=condition=Available tigerastatus/apiserver --timeout=5m
```
</#if>
<#if calicoOperator.poolsFile?has_content>

This Installation manages no pools (its `ipPools` is empty: the cluster's pools are managed outside it), so the new
family's pool is a `projectcalico.org/v3` IPPool of its own, `${calicoOperator.poolsFile}`, applied with
the rest; the operator leaves it alone.
</#if>

```sh
kubectl apply -k cluster/
kubectl wait --for=condition=Available tigerastatus/calico --timeout=10m
<#if calicoOperator.addsPools>
kubectl wait --for=condition=Available tigerastatus/ippools --timeout=5m
</#if>
kubectl -n calico-system rollout status daemonset calico-node --timeout=10m
kubectl get ippools.projectcalico.org -o wide
```

This also applies the kube-proxy and CloudCore files; the CloudCore ones take effect with the restart in step 5.
Pods created before this step keep their old addresses until they are recreated.
<#else>

<#if calicoOperator.patch>
Your Calico base holds the operator's manifests and its Installation: `cluster/kustomization.yaml` patches that
Installation with this file, whose `ipPools` list replaces the base's whole. When the base's CRDs are new to the
cluster, the first apply fails on the Installation until they are established: run it again.
<#else>
Install the operator itself first (`tigera-operator.yaml` of the Calico release) but not the sample
`custom-resources.yaml`: this file is the Installation in its place.
</#if>
At install, before the Calico API server runs, the operator creates the pools through the `crd.projectcalico.org/v1`
CRD itself.

```sh
kubectl apply -k cluster/
kubectl wait --for=condition=Available tigerastatus/calico --timeout=10m
kubectl -n calico-system rollout status daemonset calico-node --timeout=10m
```

This also applies the kube-proxy and CloudCore files; the CloudCore ones take effect with the restart in step 5.
</#if>
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
<#if chart?has_content>

KubeEdge's cloudcore chart owns CloudCore (installed by ${chart.installer}: Helm release `${chart.release}` in
namespace `${chart.namespace}`). Give the release the values of `${chart.values}` first,
or its next upgrade renders the old ConfigMap again.
<#if chart.install?has_content>
Right after the install of step 0 this changes nothing.
</#if>
<#if chart.helm>
CHART is the cloudcore chart of the release's KubeEdge version: `manifests/charts/cloudcore` in kubeedge/kubeedge at
its tag.
</#if>

```sh
<#list chart.upgrade as line>
<#if line?is_first>${line}<#else>  ${line}</#if><#sep> \</#sep>
</#list>
```

The chart has no values for the Service's `ipFamilyPolicy` and `ipFamilies`, which
`${chart.servicePatch}` sets.
<#if chart.patchesType>
It also sets the Service's type, which the chart renders as ClusterIP on every upgrade.
</#if>
Helm's three-way merge keeps the fields a chart never renders, but a Service the chart creates again (a reinstall,
`helm upgrade --force`) has none of them: run the patch after every `helm upgrade` or `keadm upgrade cloud`; it
changes nothing when they are in place. keadm runs Helm in-process and offers no post-renderer, so one kubectl patch
serves both installers:

```sh
${chart.patch}
```
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
<#if exposure == "LoadBalancer">

The Service cannot portably ask for its load balancer's addresses: `spec.loadBalancerIP` is deprecated (its meaning
varies across implementations and it holds one family), and the address annotations are each load balancer's own.
Have the load balancer assign exactly `${advertiseAddresses}`, the addresses edges dial and CloudCore's certificate
covers; `scripts/verify.sh` checks that the Service's `status.loadBalancer.ingress` holds each of them.
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
join again (`keadm reset edge` on the node, `kubectl delete node NODE`, then `edge/join.sh NODE` with a new token). The
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
This site has ${edgeCount} edge nodes. Each has its own directory `edge/NODE/` with `etc/kubeedge/config/edgecore.yaml`
and `join.env`, the node's values (for example `edge/${firstEdge}/`); one script, `edge/join.sh`, joins any of them.
Copy the script and the node's directory to the node and run the script there as root, with the directory as its
argument:

```sh
(umask 077 && keadm gettoken --kube-config "$HOME/.kube/config" >join-token)
scp -r edge/join.sh edge/${firstEdge} join-token root@EDGE-ADDRESS: && rm -f join-token
ssh root@EDGE-ADDRESS './join.sh ${firstEdge} --token-file join-token; rc=$?; rm -f join-token; exit $rc'
```

For a group of nodes, one token serves them all while it is valid; this loop assumes each node's name reaches it
over ssh (use its address otherwise):

```sh
(umask 077 && keadm gettoken --kube-config "$HOME/.kube/config" >join-token)
for n in NODE...; do
  scp -r edge/join.sh "edge/$n" join-token "root@$n:" &&
    ssh "root@$n" "./join.sh $n --token-file join-token; rc=\$?; rm -f join-token; exit \$rc" || echo "$n failed"
done
rm -f join-token
```

`keadm gettoken` runs where kubectl works and reads `/root/.kube/config` unless `--kube-config` names another
kubeconfig file (one file, not a `KUBECONFIG` list): point it at the one kubectl uses there. The token travels as a
file made readable by its owner only (`scp` keeps that mode), never on a command line, in a shell history or in this
tree, and is deleted on both ends once `join.sh` has read it. On the node, `./join.sh NODE --token-file FILE` or
`KUBEEDGE_TOKEN` in the environment work too. `join.sh` reads the node's `join.env` as data (never sourced), checks
the node's addresses, its IPv6 default or global route and that CloudCore answers over the node's hub family, runs
`keadm join` with the bracketed CloudCore endpoint, then installs the node's generated `edgecore.yaml` (keadm never
sets `nodeIP`) and restarts edgecore. `./join.sh NODE --dry-run` shows what it would do; on a node that has already
joined, `./join.sh NODE --config-only` installs a changed `edgecore.yaml` without joining again (copy the node's
directory again first).
<#if fleet?has_content && fleet.discovered?has_content>

**Addresses found at join time.** <#list fleet.discovered as d><#if d.nodes == 1>1 edge node discovers its<#else>${d.nodes} edge nodes discover their</#if> ${d.family} address<#if d.groups?has_content> (group<#if d.groups?size gt 1>s</#if> ${d.groups?join(", ")}<#if d.ungrouped gt 0>, and ${d.ungrouped} outside a group</#if>)</#if><#sep>; </#list>.
Their committed `edgecore.yaml` has no `nodeIP`: on each of them `join.sh` reads the interface's addresses
(`ip -j addr show dev IFACE`), takes the one global, preferred address that is not temporary, deprecated,
tentative or a failed duplicate (inside the prefix the descriptor gives; no unique local address without one), and
installs `nodeIP` with it, in the site's family order, into `/etc/kubeedge/config/edgecore.yaml`. When no address
or more than one qualifies it stops before changing anything and lists what it found. See what it would pick, on
the node, before joining:

```sh
./join.sh ${fleet.exampleNode} --dry-run      # prints: join.sh: nodeIP ... (found on IFACE)
```

`scripts/verify.sh` takes any address of a discovered family as the node's. dualstack cannot check these addresses
for duplicates or against the pod and service subnets; the node's `kubectl get node NODE -o
jsonpath='{.status.addresses}'` shows what it reports.

<#if fleet.rechecks?has_content>
<#list fleet.rechecks as r>${r.nodes} of them <#if r.nodes == 1>gets<#else>get</#if><#if fleet.rechecks?size == 1> a timer that finds the address again every ${r.every}<#else> the timer every ${r.every}</#if><#sep>; </#list>:
`join.sh` keeps a copy of itself and of the node's directory in `/usr/local/lib/dualstack` and installs
`dualstack-nodeip.timer` and `dualstack-nodeip.service` (a rerun replaces them only when they change), which run
that copy with `--config-only --skip-preflight`: no preflight, no token, and edgecore restarts only when the
`nodeIP` pair found differs from the installed one. On the node, `systemctl list-timers dualstack-nodeip.timer`
shows when it runs next and `journalctl -u dualstack-nodeip.service` what it found. Copy a changed node directory
and run `./join.sh NODE --config-only` as before: the kept copy follows.
<#else>
Where an address changes while the node runs, run `./join.sh NODE --config-only --skip-preflight` on it again (or
set `discover.recheckEvery` for a timer that does): edgecore restarts only when the pair found differs.
</#if>

`nodeIP` stays set rather than unset: edged finds the node IP itself only while `nodeIP` is unset, and then
reports a single address, which would lose dual-stack.
</#if>
<#if fleet?has_content && fleet.nodeGroups?has_content>

**NodeGroups.** <#if fleet.nodeGroups?size gt 1>The groups <#list fleet.nodeGroups as g>${g.name}<#sep>, </#list> each get<#else>The group ${fleet.nodeGroups[0].name} gets</#if> a KubeEdge NodeGroup
(`apps.kubeedge.io/v1alpha1`, cluster-scoped) selecting the group's nodes by its own labels, in
`cluster/kubeedge/GROUP.nodegroup.yaml`. `kubectl apply -k cluster/` applies them with the other cluster files and
fails on them while the NodeGroup CRD is missing: it comes with CloudCore (the cloudcore chart, which `keadm init`
installs too). Check it, apply the NodeGroups alone if they are new, and see which nodes each selected once the
edges have joined (KubeEdge labels them `apps.kubeedge.io/belonging-to=GROUP`):

```sh
kubectl get crd nodegroups.apps.kubeedge.io
kubectl apply<#list fleet.nodeGroups as g> -f ${g.file}</#list>
kubectl get nodegroups.apps.kubeedge.io
kubectl get nodegroups.apps.kubeedge.io ${fleet.nodeGroups[0].name} -o jsonpath='{.status.nodeStatuses}'
kubectl get nodes -l apps.kubeedge.io/belonging-to=${fleet.nodeGroups[0].name}
```
</#if>

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

**Many edge nodes: Ansible.** The inventory `ansible/inventory/` lists every edge node (group `kubeedge_edge`, and
one group per label, `edge_KEY_VALUE`; a large fleet in several files, which Ansible reads as one) and
`ansible/edge-rollout.yaml` does the above for each of them, from a control host that reaches the nodes over SSH
and runs kubectl and keadm (default: localhost; `-e dualstack_kubectl_host=HOST`):

```sh
ansible-playbook -i ansible/inventory/ ansible/edge-rollout.yaml            # all edge nodes
ansible-playbook -i ansible/inventory/ ansible/edge-rollout.yaml --limit edge_line_1
```

It copies `edge/NODE/` to the node, runs `join.sh --token-file /dev/stdin` with a token from `keadm gettoken` on
the control host (a node without an edge certificate) or `join.sh --config-only` (a joined node whose
`edgecore.yaml` differs from the generated one), and then waits on the control host until the node is Ready and
reports exactly its InternalIPs. It works in batches (`serial`: one canary node, then 10% of the nodes, then 25% at
a time) and stops when more than 10% of a batch fails (`max_fail_percentage`). A node that is joined, has the
generated `edgecore.yaml` and verifies is left alone, so run it again after a failure: it resumes. A join that
failed half-way leaves keadm's files behind; `keadm reset edge` on that node before the next run. The token is in
no file and never printed: the tasks that handle it have `no_log`, so rerun `./join.sh --dry-run` on a node to see
why its join failed. Every inventory value from the descriptor is marked `!unsafe`: Ansible never evaluates it.

**Joined nodes on KubeEdge v1.21 and later: ConfigUpdateJob.** To change fields of `edgecore.yaml` on nodes that
have joined, KubeEdge's own `ConfigUpdateJob` (`operations.kubeedge.io/v1alpha2`) sets `updateFields` on the nodes
that `nodeNames` or a `labelSelector` selects, `concurrency` at a time, stops above `failureTolerate` (default
0.1), restarts edgecore and rolls a failed node back, through CloudHub and without SSH. It needs the `taskManager`
module enabled in both CloudCore and EdgeCore (off by default) and changes only the fields it names: the node's
file then no longer matches `edge/NODE/etc/kubeedge/config/edgecore.yaml`, so put the same change into the
descriptor. New nodes, and nodes without taskManager, join with `join.sh` (by hand or with the playbook).
<#else>
This site has no edge nodes yet.
</#if>
<#if streamFamilies?has_content>

### kubectl logs and exec to edge pods (CloudStream), every control-plane node

kube-apiserver serves `kubectl logs`, `exec` and `attach` for an edge pod by dialing the edge node's first
InternalIP on its kubelet port, which CloudStream sets to its tunnel port (10351 and up, one per CloudCore instance,
recorded in ConfigMap `kubeedge/tunnelport`). A nat rule on the dialing node must send that connection to
CloudStream's stream port; KubeEdge's own iptables manager writes it with IPv4 iptables only, and only where CloudCore
(internal mode) or its `cloud-iptables-manager` DaemonSet (external mode) runs. The edges here report
${streamFamilies?join(" and ")} InternalIPs, so each control-plane node gets the redirect in ${streamFamilies?join(" and ")} from
`nodes/NODE/usr/local/sbin/dualstack-stream-redirect.sh`, kept current by a systemd timer (at boot, then every
minute; the rules change only when CloudCore's tunnel ports or addresses do). The script reads the record and
CloudCore's pods with `/etc/kubernetes/admin.conf`, so kubectl must be installed on the node:

```sh
# on NODE, from a copy of nodes/NODE/
install -m 0755 usr/local/sbin/dualstack-stream-redirect.sh /usr/local/sbin/
install -m 0644 etc/systemd/system/dualstack-stream-redirect.service etc/systemd/system/dualstack-stream-redirect.timer /etc/systemd/system/
systemctl daemon-reload && systemctl enable --now dualstack-stream-redirect.timer
systemctl start dualstack-stream-redirect.service && dualstack-stream-redirect.sh show
```

The rules live in a chain of their own (`DUALSTACK-STREAM`, jumped to from nat `OUTPUT` and `PREROUTING`); in IPv4 they
duplicate KubeEdge's `TUNNEL-PORT` rules with the same targets, which is harmless. To remove them:
`systemctl disable --now dualstack-stream-redirect.timer && dualstack-stream-redirect.sh remove`, then delete the
three files.

<#if streamFamilies?seq_contains("IPv6")>**Metrics from edge nodes do not work** on this site: CloudStream's metrics path (metrics-server, `kubectl top`)
looks the edge's session up by the one IP it was dialled at, while edgestream registers the node's whole `nodeIP`
(one address per family, `${families}` here) as that key, and an IPv6 Host is cut at its first colon, so no address
matches (KubeEdge `cloud/pkg/cloudstream/streamserver.go` `getMetrics`, `edge/pkg/edgestream/edgestream.go`). Only an
edge whose `nodeIP` is a single IPv4 address serves metrics; logs and exec are looked up by node name and work.
<#else>Metrics from edge nodes (metrics-server, `kubectl top`) work here: CloudStream's metrics path finds an edge's session
by the one IP it was dialled at, which matches only a `nodeIP` of a single IPv4 address, as each edge has here
(KubeEdge `cloud/pkg/cloudstream/streamserver.go` `getMetrics`).
</#if>
</#if>

## 8. Verification

Uses `scripts/verify.sh`, run wherever kubectl talks to the cluster:

```sh
scripts/verify.sh
```

It checks CloudCore's `/ca.crt` at every advertise address and every DNS name that an edge dials (the procedure's
`curl -gk6`) and, with openssl, that the server certificate covers each of them; then, with one `kubectl get nodes`,
that every cloud and edge node is registered, reports its InternalIPs in the order ${families}, and is Ready; then
that no pod of the DaemonSets kept off edge nodes runs on one of the site's edge nodes. It lists every node and pod
that is wrong and exits non-zero.<#if streamFamilies?has_content> It also checks that CloudStream's tunnel port answers at each advertise address, in
its family; `scripts/verify.sh --logs NAMESPACE/POD` then runs `kubectl logs` against that pod, which must run on one
of the site's edge nodes, through the redirect above.</#if>
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
