# calico-config with the CNI IPAM assigning an address of each site family. assign_ipv4/assign_ipv6 must be
# JSON strings: Calico's CNI plugin reads them as *string and fails on a JSON boolean.
apiVersion: v1
kind: ConfigMap
metadata:
  name: calico-config
  namespace: kube-system
data:
  calico_backend: ${backend}
  typha_service_name: "none"
  veth_mtu: "0"
  cni_network_config: |
<@indent n=4>
{
  "name": "k8s-pod-network",
  "cniVersion": "1.0.0",
  "plugins": [
    {
      "type": "calico",
      "log_level": "info",
      "log_file_path": "/var/log/calico/cni/cni.log",
      "datastore_type": "kubernetes",
      "nodename": "__KUBERNETES_NODE_NAME__",
      "mtu": __CNI_MTU__,
      "ipam": {
        "type": "calico-ipam",
        "assign_ipv4": ${assignIpv4},
        "assign_ipv6": ${assignIpv6}
      },
      "policy": {
        "type": "k8s"
      },
      "kubernetes": {
        "kubeconfig": "__KUBECONFIG_FILEPATH__"
      }
    },
    {
      "type": "portmap",
      "snat": true,
      "capabilities": {"portMappings": true}
    },
    {
      "type": "bandwidth",
      "capabilities": {"bandwidth": true}
    }
  ]
}
</@indent>
