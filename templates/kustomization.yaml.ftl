# Everything cluster-scoped of this site: kubectl apply -k cluster/
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
<#list resources as r>
- ${r}
</#list>
<#if patches?has_content>
patches:
<#list patches as p>
- path: ${p}
</#list>
</#if>
