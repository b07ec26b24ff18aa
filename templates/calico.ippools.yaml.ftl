# Calico IPPools, one per site family, primary first. Names match the pools calico-node would create, so it
# creates none of its own. CIDR and blockSize are immutable once a pool exists.
<#list pools as p>
<#if p?index != 0>
---
</#if>
apiVersion: crd.projectcalico.org/v1
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
