# Strategic merge patch keeping this DaemonSet off KubeEdge edge nodes (KubeEdge's install guide): a required
# node affinity on node-role.kubernetes.io/edge DoesNotExist. nodeSelectorTerms has no patch strategy,
# so this list replaces the DaemonSet's terms whole; terms are ORed, so each one carries the expression.
<#if source??>
# These are the terms of ${source}, each with the expression added where it lacked it.
<#else>
# The DaemonSet must have no required terms of its own (upstream's have none): the runbook checks before patching.
</#if>
# kustomize cannot apply it (the DaemonSet is none of cluster/'s resources): the runbook applies it with kubectl patch.
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  template:
    spec:
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
<#list terms as t>
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
