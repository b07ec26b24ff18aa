# The KubeEdge NodeGroup of one edge group: it selects the edge nodes that carry every label below, the group's own
# labels, which each of its nodes gets at join time and no node outside it carries. Cluster-scoped; the
# nodegroups.apps.kubeedge.io CRD comes with the cloudcore Helm chart.
apiVersion: apps.kubeedge.io/v1alpha1
kind: NodeGroup
metadata:
  name: ${name}
spec:
  matchLabels:
<#list matchLabels as key, value>
    ${key}: ${value}
</#list>
