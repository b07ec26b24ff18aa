# The captured ${source} with only the fields dual-stack needs changed; everything else is the site's own.
<#if changed?has_content>
# Changed:
<#list changed as field>
#   ${field}
</#list>
<#else>
# Nothing needed to change.
</#if>
<@yaml tree=document/>
