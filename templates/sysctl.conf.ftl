# Kernel settings for a dual-stack Kubernetes node. Install as /etc/sysctl.d/99-dualstack.conf, then
#   sysctl --system
# Files of /etc/sysctl.d, /run/sysctl.d and /usr/lib/sysctl.d are applied in the order of their names, and the
# last one to set a key wins (sysctl.d(5)): 99- sorts after the distribution's files. /etc/sysctl.conf
# (99-sysctl.conf on Debian and Ubuntu) still comes after it; scripts/preflight.sh checks the values in effect.
<#list settings as s>
<#if s.comment??>
# ${s.comment}
</#if>
${s.key} = ${s.value}
</#list>
