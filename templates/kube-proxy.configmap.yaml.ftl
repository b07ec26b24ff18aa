# kubeadm's kube-proxy ConfigMap with both pod CIDRs in clusterCIDR, in the site's family order. kube-proxy reads
# it only at start: run `kubectl -n kube-system rollout restart daemonset kube-proxy` after applying.
apiVersion: v1
kind: ConfigMap
metadata:
  labels:
    app: kube-proxy
  name: kube-proxy
  namespace: kube-system
data:
  config.conf: |
<@indent n=4>
apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
bindAddress: ${bindAddress}
clientConnection:
  kubeconfig: /var/lib/kube-proxy/kubeconfig.conf
clusterCIDR: ${clusterCIDR}
mode: ${mode}
</@indent>
  kubeconfig.conf: |
<@indent n=4>
apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt
    server: ${server}
  name: default
contexts:
- context:
    cluster: default
    namespace: default
    user: default
  name: default
current-context: default
users:
- name: default
  user:
    tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token
</@indent>
