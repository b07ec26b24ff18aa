package io.github.dualstack.core.plan.merge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dualstack.core.baseline.CniConfig;
import io.github.dualstack.core.model.IpFamily;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ConfigMaps whose data holds a whole document: only the dual-stack keys of that document change. */
class EmbeddedConfigMergeTest {

    private static final String KUBE_PROXY_CONF = """
            apiVersion: kubeproxy.config.k8s.io/v1alpha1
            clusterCIDR: 10.244.0.0/16
            conntrack:
              maxPerCore: 65536
            ipvs:
              strictARP: true
            kind: KubeProxyConfiguration
            metricsBindAddress: 0.0.0.0:10249
            mode: ipvs
            nodePortAddresses: null
            """;

    @Test
    void kubeProxyKeepsEveryKeyButClusterCidr() {
        JsonNode cm = Json.yaml("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: kube-proxy, namespace: kube-system, resourceVersion: "231", uid: 6f1c}
                data:
                  kubeconfig.conf: "x"
                """);
        Merged m = KubeProxyMerge.merge(cm, Json.yaml(KUBE_PROXY_CONF), List.of("10.244.0.0/16", "fd00:10:244::/56"));
        JsonNode conf = Json.yaml(m.object().at("/data/config.conf").asText());
        assertThat(Json.differences(Json.yaml(KUBE_PROXY_CONF), conf)).containsExactly("/clusterCIDR");
        assertThat(conf.path("clusterCIDR").asText()).isEqualTo("10.244.0.0/16,fd00:10:244::/56");
        assertThat(m.object().at("/data/kubeconfig.conf").asText()).isEqualTo("x");
        // The server's fields are not the site's and are not applied back.
        assertThat(m.object().path("metadata").has("resourceVersion")).isFalse();
        assertThat(m.object().path("metadata").has("uid")).isFalse();
        assertThat(m.changed()).containsExactly("data.config.conf: clusterCIDR");
    }

    @Test
    void calicoKeepsTyphaMtuBackendOtherPluginsAndBarePlaceholders() throws Exception {
        String conflist = """
                {
                  "name": "k8s-pod-network",
                  "cniVersion": "0.3.1",
                  "plugins": [
                    {"type": "calico", "mtu": __CNI_MTU__, "nodename": "__KUBERNETES_NODE_NAME__",
                     "ipam": {"type": "calico-ipam"}, "policy": {"type": "k8s"}},
                    {"type": "portmap", "snat": true, "capabilities": {"portMappings": true}},
                    {"type": "bandwidth", "capabilities": {"bandwidth": true}}
                  ]
                }
                """;
        JsonNode cm = Json.yaml("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: calico-config, namespace: kube-system}
                data: {calico_backend: bird, typha_service_name: calico-typha, veth_mtu: "1440", cni_network_config: x}
                """);
        Merged m = CalicoConfigMerge.merge(cm, CniConfig.read(conflist), List.of(IpFamily.IPv4, IpFamily.IPv6));
        String cni = m.object().at("/data/cni_network_config").asText();
        assertThat(cni).contains("\"mtu\": __CNI_MTU__,").contains("\"nodename\": \"__KUBERNETES_NODE_NAME__\"");
        assertThat(Json.differences(CniConfig.read(conflist), CniConfig.read(cni))).containsExactly(
                "/plugins/0/ipam/assign_ipv4", "/plugins/0/ipam/assign_ipv6");
        assertThat(CniConfig.read(cni).at("/plugins/0/ipam/assign_ipv6").isTextual()).isTrue();
        assertThat(Json.differences(cm, m.object())).containsExactly("/data/cni_network_config");
    }

    /** host-local takes a range per family from the node's podCIDRs; Calico's assign_* keys mean nothing to it. */
    @Test
    void calicoHostLocalGetsARangePerFamily() throws Exception {
        JsonNode cm = Json.yaml("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: calico-config, namespace: kube-system}
                data: {calico_backend: bird, cni_network_config: x}
                """);
        JsonNode conflist = CniConfig.read("""
                {"name": "k8s-pod-network", "plugins": [
                  {"type": "calico", "mtu": __CNI_MTU__, "ipam": {"type": "host-local", "subnet": "usePodCidr"}}]}
                """);
        Merged dual = CalicoConfigMerge.merge(cm, conflist, List.of(IpFamily.IPv6, IpFamily.IPv4));
        JsonNode ipam = CniConfig.read(dual.object().at("/data/cni_network_config").asText()).at("/plugins/0/ipam");
        assertThat(ipam.toString()).isEqualTo("{\"type\":\"host-local\",\"ranges\":"
                + "[[{\"subnet\":\"usePodCidrIPv6\"}],[{\"subnet\":\"usePodCidr\"}]]}");
        assertThat(dual.changed()).containsExactly("data.cni_network_config: plugins[calico].ipam.ranges");
        Merged single = CalicoConfigMerge.merge(cm, conflist, List.of(IpFamily.IPv4));
        assertThat(single.changed()).isEmpty();
    }

    @Test
    void cloudCoreKeepsTheChartsModulesAndChangesOnlyHubAddressesAndTuning() {
        String conf = """
                apiVersion: cloudcore.config.kubeedge.io/v1alpha2
                kind: CloudCore
                kubeAPIConfig: {burst: 200, qps: 100, kubeConfig: "", master: ""}
                modules:
                  cloudHub:
                    advertiseAddress: [192.0.2.11]
                    nodeLimit: 1000
                    websocket: {address: 0.0.0.0, enable: true, port: 10000}
                  dynamicController: {enable: true}
                  iptablesManager: {enable: true, mode: external}
                  router: {enable: false}
                """;
        JsonNode cm = Json.yaml("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: cloudcore
                  namespace: kubeedge
                  labels: {app.kubernetes.io/managed-by: Helm}
                  annotations: {meta.helm.sh/release-name: cloudcore}
                data: {cloudcore.yaml: x}
                """);
        Merged m = CloudCoreMerge.merge(cm, Json.yaml(conf), List.of("192.0.2.11", "2001:db8:1::11"), List.of(),
                List.of(new CloudCoreMerge.Tuned(List.of("kubeAPIConfig", "qps"), 5000),
                        new CloudCoreMerge.Tuned(List.of("kubeAPIConfig", "burst"), 200)));
        JsonNode merged = Json.yaml(m.object().at("/data/cloudcore.yaml").asText());
        assertThat(Json.differences(Json.yaml(conf), merged))
                .containsExactly("/kubeAPIConfig/qps", "/modules/cloudHub/advertiseAddress");
        assertThat(m.object().at("/metadata/labels/app.kubernetes.io~1managed-by").asText()).isEqualTo("Helm");
        assertThat(m.changed()).containsExactly("data.cloudcore.yaml: modules.cloudHub.advertiseAddress",
                "data.cloudcore.yaml: kubeAPIConfig.qps");
    }

    @Test
    void edgeCoreKeepsEdgeMeshAndAirGapSettings() {
        JsonNode edge = Json.yaml("""
                apiVersion: edgecore.config.kubeedge.io/v1alpha2
                kind: EdgeCore
                modules:
                  edgeHub:
                    httpServer: https://192.0.2.11:10002
                    token: ""
                    websocket: {enable: true, server: 192.0.2.11:10000}
                  edged:
                    hostnameOverride: edge-0001
                    tailoredKubeletConfig: {clusterDNS: [169.254.96.16], maxPods: 110}
                    podSandboxImage: registry.example.com/pause:3.10
                  metaManager: {metaServer: {enable: true}}
                """);
        Merged m = EdgeCoreMerge.merge(edge, "edge-0001", "198.51.100.101,2001:db8:2::101", Map.of(
                "edgeHub.httpServer", "https://[2001:db8:1::11]:10002",
                "edgeHub.websocket.server", "[2001:db8:1::11]:10000"));
        assertThat(Json.differences(edge, m.object())).containsExactly("/modules/edgeHub/httpServer",
                "/modules/edgeHub/websocket/server", "/modules/edged/nodeIP");
    }

    @Test
    void kubeadmV1beta4KeepsItsListFormAndV1beta3ItsMap() {
        KubeadmConfigMerge.Changes changes = new KubeadmConfigMerge.Changes("10.244.0.0/16,fd00:10:244::/56",
                "10.96.0.0/12,fd00:10:96::/112", Map.of(), Map.of("node-cidr-mask-size-ipv4", "24",
                "node-cidr-mask-size-ipv6", "64"), java.util.Set.of("node-cidr-mask-size"), List.of(), List.of(),
                List.of("2001:db8:1::11"));
        JsonNode cm = Json.yaml("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: kubeadm-config, namespace: kube-system}
                data: {ClusterConfiguration: x}
                """);
        JsonNode v4 = Json.yaml("""
                apiVersion: kubeadm.k8s.io/v1beta4
                kind: ClusterConfiguration
                apiServer:
                  certSANs: [api.plant-north.example.com]
                  extraArgs: [{name: audit-log-path, value: /var/log/kubernetes/audit.log}]
                controllerManager:
                  extraArgs: [{name: node-cidr-mask-size, value: "24"}]
                controlPlaneEndpoint: api.plant-north.example.com:6443
                networking: {dnsDomain: cluster.local, podSubnet: 10.244.0.0/16, serviceSubnet: 10.96.0.0/12}
                """);
        Merged m = KubeadmConfigMerge.merge(cm, v4, changes);
        JsonNode out = Json.yaml(m.object().at("/data/ClusterConfiguration").asText());
        assertThat(out.at("/controllerManager/extraArgs").toString()).isEqualTo(
                "[{\"name\":\"node-cidr-mask-size-ipv4\",\"value\":\"24\"},{\"name\":\"node-cidr-mask-size-ipv6\",\"value\":\"64\"}]");
        assertThat(out.at("/apiServer/certSANs").toString()).isEqualTo("[\"api.plant-north.example.com\",\"2001:db8:1::11\"]");
        assertThat(out.at("/apiServer/extraArgs").equals(v4.at("/apiServer/extraArgs"))).isTrue();
        assertThat(out.at("/networking/podSubnet").asText()).isEqualTo("10.244.0.0/16,fd00:10:244::/56");
        assertThat(out.at("/controlPlaneEndpoint").asText()).isEqualTo("api.plant-north.example.com:6443");

        JsonNode v3 = Json.yaml("""
                apiVersion: kubeadm.k8s.io/v1beta3
                kind: ClusterConfiguration
                controllerManager:
                  extraArgs: {node-cidr-mask-size: "24", bind-address: 0.0.0.0}
                networking: {podSubnet: 10.244.0.0/16, serviceSubnet: 10.96.0.0/12}
                """);
        JsonNode out3 = Json.yaml(KubeadmConfigMerge.merge(cm, v3, changes).object().at("/data/ClusterConfiguration").asText());
        assertThat(out3.at("/controllerManager/extraArgs").toString()).isEqualTo(
                "{\"bind-address\":\"0.0.0.0\",\"node-cidr-mask-size-ipv4\":\"24\",\"node-cidr-mask-size-ipv6\":\"64\"}");
    }

    @Test
    void serviceChangesFamiliesPolicyAndPortsOnly() {
        JsonNode svc = Json.yaml("""
                apiVersion: v1
                kind: Service
                metadata: {name: cloudcore, namespace: kubeedge, labels: {k8s-app: kubeedge}}
                spec:
                  clusterIP: 10.100.7.20
                  clusterIPs: [10.100.7.20]
                  ipFamilies: [IPv4]
                  ipFamilyPolicy: SingleStack
                  ports:
                  - {name: cloudhub, port: 10000, protocol: TCP, targetPort: 10000}
                  - {name: metrics, port: 9091, protocol: TCP, targetPort: 9091}
                  selector: {k8s-app: kubeedge}
                  type: ClusterIP
                status: {loadBalancer: {}}
                """);
        Merged m = ServiceMerge.merge(svc, List.of(IpFamily.IPv4, IpFamily.IPv6), "PreferDualStack", List.of(
                new ServiceMerge.Port("cloudhub", "TCP", 10000, java.util.Optional.empty()),
                new ServiceMerge.Port("cloudhub-https", "TCP", 10002, java.util.Optional.empty())));
        assertThat(Json.differences(svc, m.object())).containsExactly("/spec/ipFamilies", "/spec/ipFamilyPolicy",
                "/spec/ports", "/status");
        assertThat(m.object().at("/spec/ports").size()).isEqualTo(3);
        assertThat(m.object().at("/spec/clusterIPs").toString()).isEqualTo("[\"10.100.7.20\"]");
        assertThat(m.changed()).containsExactly("spec.ipFamilies", "spec.ipFamilyPolicy", "spec.ports[cloudhub-https] (added)");
    }
}
