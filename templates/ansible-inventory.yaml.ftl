# The site's edge nodes, for ansible-playbook -i ansible/inventory/ ansible/edge-rollout.yaml: Ansible reads every
# file of that directory as one inventory.
<#if parts gt 1>
# This file is one of ${parts}: each node is in the one its name hashes to.
</#if>
# Every value is !unsafe: Ansible uses it as it is and never evaluates a template in it. Where Ansible should reach
# a node some other way, add an inventory of your own after this one (-i): its ansible_host wins.
---
all:
  vars:
    dualstack_site: !unsafe ${site}
  children:
    ${edgeGroup}:
      hosts:
<#list hosts as h>
        ${h.name}:
<#if h.address??>
          ansible_host: !unsafe ${h.address}
</#if>
          dualstack_node: !unsafe ${h.name}
          dualstack_internal_ips: [<#list h.internalIps as ip>!unsafe ${ip}<#sep>, </#list>]
<#if h.discovered gt 0>
          dualstack_discovered: ${h.discovered}
</#if>
</#list>
<#if groups?has_content>
      children:
<#list groups as g>
        ${g.name}:
          hosts:
<#list g.hosts as name>
            ${name}: {}
</#list>
</#list>
</#if>
