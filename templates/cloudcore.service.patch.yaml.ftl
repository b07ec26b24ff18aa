# A strategic merge patch of the cloudcore chart's Service for what its template cannot render<#if type??> (the chart
# renders only the types NodePort and ClusterIP, and resets the type on every upgrade)</#if>. kubectl patch applies
# it after the chart installs or upgrades CloudCore (README.md, step 5).
apiVersion: v1
kind: Service
metadata:
  name: cloudcore
  namespace: ${namespace}
spec:
  ipFamilies:
<#list ipFamilies as f>
  - ${f}
</#list>
  ipFamilyPolicy: ${ipFamilyPolicy}
<#if type??>
  type: ${type}
</#if>
