# The CloudCore Service with both IP families, ports named as KubeEdge's Helm chart names them.
apiVersion: v1
kind: Service
metadata:
  labels:
    k8s-app: kubeedge
    kubeedge: cloudcore
  name: cloudcore
  namespace: ${namespace}
spec:
  ipFamilies:
<#list ipFamilies as f>
  - ${f}
</#list>
  ipFamilyPolicy: ${ipFamilyPolicy}
  ports:
<#list ports as p>
  - name: ${p.name}
<#if p.nodePort??>
    nodePort: ${p.nodePort}
</#if>
    port: ${p.port}
    protocol: ${p.protocol}
    targetPort: ${p.port}
</#list>
  selector:
    k8s-app: kubeedge
    kubeedge: cloudcore
  type: ${type}
