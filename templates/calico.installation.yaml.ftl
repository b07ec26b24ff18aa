# The Tigera operator's Installation for ${families}: the operator renders calico-node and its CNI
# configuration from it, and reverts edits of them. Its spec.calicoNetwork.ipPools are created at install and
# reconciled from then on (operator v1.34, Calico 3.28, and later): a pool is matched by CIDR, and one the operator
# owns is deleted when it leaves this list. nodeAddressAutodetectionV4/V6 give calico-node its address per family
# (a family without one gets none). calicoNodeDaemonSet's affinity replaces calico-node's whole and keeps it off
# KubeEdge edge nodes (node-role.kubernetes.io/edge DoesNotExist; operator v1.28 and later).
<@yaml tree=document/>
