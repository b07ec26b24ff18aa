package io.github.dualstack.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.plan.view.KubeadmConfigView;
import io.github.dualstack.core.plan.view.YamlTree;
import io.github.dualstack.core.yaml.CanonicalYaml;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A new cluster's kubeadm files: which node gets which kinds, each document as kubeadm reads it. */
class KubeadmBuilderTest {

    private static KubeadmConfigView view(SiteVariants site, String node) {
        return PlannedViews.at(new KubeadmBuilder().files(site.facts()), "kubeadm/" + node + ".yaml",
                KubeadmConfigView.class);
    }

    private static List<String> documents(SiteVariants site, String node) {
        return view(site, node).documents().stream().map(YamlTree::root).map(CanonicalYaml::print).toList();
    }

    @Test
    void firstControlPlaneInitsTheClusterWithV1beta4ListArgs() {
        KubeadmConfigView v = view(SiteVariants.NEW_CLUSTER_HA, "master-1");
        assertThat(v.command()).isEqualTo("kubeadm init --config kubeadm/master-1.yaml --upload-certs");
        assertThat(v.placeholders()).isEmpty();
        assertThat(documents(SiteVariants.NEW_CLUSTER_HA, "master-1")).containsExactly("""
                apiVersion: kubeadm.k8s.io/v1beta4
                kind: InitConfiguration
                localAPIEndpoint:
                  advertiseAddress: 192.0.2.10
                  bindPort: 6443
                nodeRegistration:
                  kubeletExtraArgs:
                  - name: node-ip
                    value: 192.0.2.10,2001:db8::10
                  name: master-1
                """, """
                apiServer:
                  certSANs:
                  - 192.0.2.10
                  - 2001:db8::10
                  - 192.0.2.12
                  - 2001:db8::12
                  - lb.factory-east.example
                apiVersion: kubeadm.k8s.io/v1beta4
                controlPlaneEndpoint: lb.factory-east.example:6443
                controllerManager:
                  extraArgs:
                  - name: node-cidr-mask-size-ipv4
                    value: "24"
                  - name: node-cidr-mask-size-ipv6
                    value: "64"
                imageRepository: registry.k8s.io
                kind: ClusterConfiguration
                kubernetesVersion: v1.32.4
                networking:
                  dnsDomain: cluster.local
                  podSubnet: 10.244.0.0/16,fd00:10:244::/56
                  serviceSubnet: 10.96.0.0/12,fd00:10:96::/112
                """, """
                apiVersion: kubeproxy.config.k8s.io/v1alpha1
                clusterCIDR: 10.244.0.0/16,fd00:10:244::/56
                kind: KubeProxyConfiguration
                mode: iptables
                """);
    }

    @Test
    void otherControlPlaneJoinsWithItsOwnEndpointAndPlaceholders() {
        KubeadmConfigView v = view(SiteVariants.NEW_CLUSTER_HA, "master-2");
        assertThat(v.placeholders()).containsExactly("DUALSTACK_BOOTSTRAP_TOKEN (discovery.bootstrapToken.token)",
                "DUALSTACK_CA_CERT_HASH (discovery.bootstrapToken.caCertHashes)",
                "DUALSTACK_CERTIFICATE_KEY (controlPlane.certificateKey)");
        assertThat(v.writes()).contains("control-plane static pods");
        assertThat(documents(SiteVariants.NEW_CLUSTER_HA, "master-2")).containsExactly("""
                apiVersion: kubeadm.k8s.io/v1beta4
                controlPlane:
                  certificateKey: DUALSTACK_CERTIFICATE_KEY
                  localAPIEndpoint:
                    advertiseAddress: 192.0.2.12
                    bindPort: 6443
                discovery:
                  bootstrapToken:
                    apiServerEndpoint: lb.factory-east.example:6443
                    caCertHashes:
                    - DUALSTACK_CA_CERT_HASH
                    token: DUALSTACK_BOOTSTRAP_TOKEN
                kind: JoinConfiguration
                nodeRegistration:
                  kubeletExtraArgs:
                  - name: node-ip
                    value: 192.0.2.12,2001:db8::12
                  name: master-2
                """);
    }

    @Test
    void workerJoinsWithoutControlPlane() {
        KubeadmConfigView v = view(SiteVariants.NEW_CLUSTER_HA, "worker-1");
        assertThat(v.writes()).doesNotContain("static pods");
        assertThat(v.placeholders()).hasSize(2).noneMatch(p -> p.contains("CERTIFICATE_KEY"));
        assertThat(documents(SiteVariants.NEW_CLUSTER_HA, "worker-1").get(0))
                .doesNotContain("controlPlane").doesNotContain("certificateKey")
                .contains("    value: 192.0.2.11,2001:db8::11\n  name: worker-1\n");
    }

    /** kubeadm 1.30 reads v1beta3: args are maps; node IPAM off is kubeadm's flag, since podSubnet turns it on. */
    @Test
    void v1beta3MapArgsAndNodeIpamOff() {
        List<String> docs = documents(SiteVariants.NEW_CLUSTER_V1BETA3, "master-1");
        assertThat(docs.get(0)).startsWith("apiVersion: kubeadm.k8s.io/v1beta3\n")
                .contains("  kubeletExtraArgs:\n    node-ip: 192.0.2.10,2001:db8::10\n");
        assertThat(docs.get(1)).contains("""
                apiServer:
                  certSANs:
                  - 192.0.2.10
                  - 2001:db8::10
                  extraArgs:
                    audit-log-path: /var/log/kubernetes/audit/audit.log
                  extraVolumes:
                  - hostPath: /var/log/kubernetes/audit
                    mountPath: /var/log/kubernetes/audit
                    name: audit-log
                    readOnly: false
                apiVersion: kubeadm.k8s.io/v1beta3
                controlPlaneEndpoint: 192.0.2.10:6443
                controllerManager:
                  extraArgs:
                    allocate-node-cidrs: "false"
                imageRepository: registry.k8s.io
                kind: ClusterConfiguration
                kubernetesVersion: v1.30.6
                """);
        assertThat(documents(SiteVariants.NEW_CLUSTER_V1BETA3, "worker-1").get(0))
                .startsWith("apiVersion: kubeadm.k8s.io/v1beta3\n").contains("    node-ip: 192.0.2.11,2001:db8::11\n");
    }

    /** IPv6 first: the advertise address, --node-ip order and the bracketed endpoint follow the primary family. */
    @Test
    void ipv6PrimaryAdvertisesIpv6() {
        List<String> docs = documents(SiteVariants.NEW_CLUSTER_IPV6_PRIMARY, "cp-1");
        assertThat(docs.get(0)).contains("  advertiseAddress: 2001:db8:20::10\n")
                .contains("    value: 2001:db8:20::10,198.51.100.10\n");
        assertThat(docs.get(1)).contains("controlPlaneEndpoint: \"[2001:db8:20::10]:6443\"\n")
                .contains("  podSubnet: fd00:20:244::/56,10.20.0.0/16\n")
                .contains("  serviceSubnet: fd00:20:96::/112,10.21.0.0/16\n");
        assertThat(docs.get(2)).contains("mode: ipvs\n");
    }

    /** A running site gets no kubeadm files, and a new one none of the files kubeadm writes itself. */
    @ParameterizedTest
    @EnumSource(SiteVariants.class)
    void kubeadmFilesReplaceStaticPodsDropInsAndTheKubeProxyConfigMap(SiteVariants site) {
        List<String> paths = site.files().stream().map(PlannedFile::path).toList();
        boolean fresh = site.site().kubernetes().newKubeadmCluster();
        assertThat(paths.stream().filter(p -> p.startsWith("kubeadm/")).count())
                .isEqualTo(fresh ? site.site().nodes().size() : 0);
        assertThat(paths).filteredOn(p -> p.contains("/manifests/") || p.contains("kubelet.service.d")
                || p.equals(KubeProxyBuilder.PATH)).hasSize(fresh ? 0
                        : 2 * (int) site.site().nodes().stream().filter(n -> n.isControlPlane()).count()
                        + site.site().nodes().size() + 1);
        assertThat(paths).filteredOn(p -> p.endsWith("sysctl.d/99-dualstack.conf")).hasSize(site.site().nodes().size());
    }

    /** The descriptor's clusterName is kubeadm's, which kubeadm passes on as --cluster-name; none, kubeadm's default. */
    @Test
    void theClusterConfigurationNamesTheClusterOnlyWhenTheDescriptorDoes() {
        assertThat(documents(SiteVariants.NEW_CLUSTER_NAMED, "master-1").get(1)).contains("\nclusterName: plant-east\n");
        assertThat(documents(SiteVariants.NEW_CLUSTER, "master-1").get(1)).contains("kind: ClusterConfiguration")
                .doesNotContain("clusterName");
    }
}
