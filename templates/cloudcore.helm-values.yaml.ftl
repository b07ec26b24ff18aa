# Values for KubeEdge's cloudcore Helm chart: the dual-stack settings the chart can render itself, so that a later
# helm or keadm upgrade keeps them. Not a Kubernetes object: "helm upgrade -f" and "keadm upgrade cloud --values"
# read it (README.md, step 5). Holds no secret.
<@yaml tree=values/>
