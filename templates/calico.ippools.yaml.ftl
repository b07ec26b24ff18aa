<#if apiServer>
# Calico IPPools of the families the running cluster has no pool for, applied through the Calico API server
# (projectcalico.org/v3), which validates them; the Installation manages no pools here (its calicoNetwork.ipPools
# is empty), so the operator leaves these alone. CIDR and blockSize are immutable once a pool exists.
<#else>
# Calico IPPools, one per site family, primary first. Names match the pools calico-node would create, so it
# creates none of its own. CIDR and blockSize are immutable once a pool exists.
</#if>
<#list pools as p>
<#if p?index != 0>
---
</#if>
apiVersion: <#if apiServer>projectcalico.org/v3<#else>crd.projectcalico.org/v1</#if>
kind: IPPool
metadata:
  name: ${p.name}
spec:
  allowedUses:
  - Workload
  - Tunnel
  blockSize: ${p.blockSize}
  cidr: ${p.cidr}
  ipipMode: ${p.ipipMode}
  natOutgoing: <#if p.natOutgoing>true<#else>false</#if>
  nodeSelector: all()
  vxlanMode: ${p.vxlanMode}
</#list>
