# Strategic merge patch for the calico-node DaemonSet: env entries merge by name, so only these change; the
# probes' commands are replaced whole and match the backend (BIRD's checks only when BIRD runs, else they fail).
# The *_POOL_* variables act only when calico-node creates a pool; calico.ippools.yaml creates them explicitly.
<#if edgeAffinity?has_content>
# The required node affinity keeps calico-node off KubeEdge edge nodes (node-role.kubernetes.io/edge DoesNotExist,
# KubeEdge's install guide). nodeSelectorTerms has no patch strategy: this list replaces the DaemonSet's terms
# whole, so it holds every term calico-node has, each with the expression (terms are ORed).
</#if>
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: calico-node
  namespace: kube-system
spec:
  template:
    spec:
<#if edgeAffinity?has_content>
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
<#list edgeAffinity as t>
<#if !t.matchExpressions?has_content && !t.matchFields?has_content>
            - {}
</#if>
<#if t.matchExpressions?has_content>
            - matchExpressions:
<#list t.matchExpressions as r>
              - key: ${r.key}
                operator: ${r.operator}
<#if r.values?has_content>
                values:
<#list r.values as v>
                - ${v}
</#list>
</#if>
</#list>
</#if>
<#if t.matchFields?has_content>
            <#if t.matchExpressions?has_content>  <#else>- </#if>matchFields:
<#list t.matchFields as r>
              - key: ${r.key}
                operator: ${r.operator}
<#if r.values?has_content>
                values:
<#list r.values as v>
                - ${v}
</#list>
</#if>
</#list>
</#if>
</#list>
</#if>
      containers:
      - name: calico-node
        env:
<#list env as e>
        - name: ${e.name}
          value: ${e.value}
</#list>
        livenessProbe:
          exec:
            command:
<#list liveness as arg>
            - ${arg}
</#list>
        readinessProbe:
          exec:
            command:
<#list readiness as arg>
            - ${arg}
</#list>
