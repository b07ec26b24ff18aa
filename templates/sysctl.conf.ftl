# Kernel settings for a dual-stack Kubernetes node. Install as /etc/sysctl.d/60-dualstack.conf, then
#   sysctl --system
<#list settings as s>
<#if s.comment??>
# ${s.comment}
</#if>
${s.key} = ${s.value}
</#list>
