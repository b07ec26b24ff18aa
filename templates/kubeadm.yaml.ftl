# kubeadm configuration of node ${node}, dual-stack from the start. Run on that node: ${command}
# kubeadm writes from it: ${writes}.
<#if placeholders?has_content>
# Secrets are placeholders that the runbook fills at join time, in a copy under /run; never commit a filled copy:
<#list placeholders as p>
#   ${p}
</#list>
</#if>
<#list documents as document>
<#if document?index gt 0>
---
</#if>
<@yaml tree=document/>
</#list>
