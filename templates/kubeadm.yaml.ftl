# kubeadm configuration of node ${node}, dual-stack from the start. Run on that node: ${command}
# kubeadm writes from it: ${writes}.
<#if join>
# The bootstrap token, the CA certificate hash and the certificate key are placeholders: the runbook fills them in
# a copy under /run at join time. Never commit a filled copy.
</#if>
<#list documents as document>
<#if document?index gt 0>
---
</#if>
<@yaml tree=document/>
</#list>
