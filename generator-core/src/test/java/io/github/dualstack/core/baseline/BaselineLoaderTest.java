package io.github.dualstack.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.baseline.BaselineLayout.ClusterFile;
import io.github.dualstack.core.baseline.BaselineLayout.Embedded;
import io.github.dualstack.core.baseline.BaselineLayout.NodeFile;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A valid baseline read into its records; what a descriptor makes necessary, and what is left unread. */
class BaselineLoaderTest {

    @TempDir
    Path dir;
    BaselineFixture fx;

    @BeforeEach
    void copy() {
        fx = new BaselineFixture(dir);
    }

    @Test
    void theSmallBaselineIsReadIntoItsRecords() {
        BaselineLoader.Result r = fx.load();
        assertThat(r.problems()).isEmpty();
        Baseline b = r.baseline().orElseThrow();
        assertThat(b.name()).isEqualTo("baseline");
        assertThat(b.cluster().keySet()).containsExactlyInAnyOrder(ClusterFile.KUBEADM_CONFIG,
                ClusterFile.KUBE_PROXY_CONFIG, ClusterFile.KUBE_PROXY_DAEMONSET, ClusterFile.CALICO_CONFIG,
                ClusterFile.CALICO_NODE, ClusterFile.CALICO_POOLS, ClusterFile.CLOUDCORE_CONFIG,
                ClusterFile.CLOUDCORE_SERVICE, ClusterFile.CLOUDCORE_DEPLOYMENT, ClusterFile.NODES,
                ClusterFile.KUBERNETES_SERVICE);
        assertThat(b.cluster(ClusterFile.KUBE_PROXY_CONFIG).orElseThrow().name())
                .isEqualTo("baseline/cluster/kube-proxy.configmap.yaml");
        assertThat(b.embedded().keySet()).containsExactlyInAnyOrder(Embedded.values());
        assertThat(b.embedded(Embedded.KUBE_PROXY_CONFIGURATION).orElseThrow().tree().path("ipvs").path("strictARP")
                .asBoolean()).isTrue();
        assertThat(b.embedded(Embedded.CLUSTER_CONFIGURATION).orElseThrow().tree().at("/networking/podSubnet")
                .asText()).isEqualTo("10.244.0.0/16");
        var cni = b.embedded(Embedded.CNI_NETWORK_CONFIG).orElseThrow().tree();
        assertThat(cni.at("/plugins/0/mtu").asText()).as("a bare placeholder, marked").isEqualTo("\u0000__CNI_MTU__");
        assertThat(cni.at("/plugins/0/nodename").asText()).as("a quoted one is a string").isEqualTo("__KUBERNETES_NODE_NAME__");
        assertThat(CniConfig.print(cni)).contains("\"mtu\": __CNI_MTU__,").contains("\"nodename\": \"__KUBERNETES_NODE_NAME__\"");
        assertThat(b.embedded(Embedded.CLOUDCORE_CONFIG).orElseThrow().tree().at("/modules/cloudHub/nodeLimit")
                .asInt()).isEqualTo(1000);

        assertThat(b.controlPlane().keySet()).containsExactly("master-1");
        Baseline.ControlPlaneFiles m = b.controlPlane().get("master-1");
        assertThat(m.manifests().keySet()).containsExactlyInAnyOrder(NodeFile.KUBE_APISERVER,
                NodeFile.KUBE_CONTROLLER_MANAGER, NodeFile.ETCD);
        assertThat(m.manifest(NodeFile.KUBE_APISERVER).orElseThrow().tree().at("/spec/containers/0/command/0")
                .asText()).isEqualTo("kube-apiserver");
        assertThat(m.text(NodeFile.APISERVER_SANS).orElseThrow().text()).contains("IP Address:192.0.2.10");
        assertThat(m.text(NodeFile.KUBELET_UNIT).orElseThrow().name())
                .isEqualTo("baseline/control-plane/master-1/kubelet.service");

        assertThat(b.edgeDefault().orElseThrow().tree().at("/modules/edged/tailoredKubeletConfig/maxPods").asInt()).isEqualTo(110);
        assertThat(b.edgeNodes().keySet()).containsExactly("edge-0002");
        assertThat(b.edgeNodes().get("edge-0002").tree().at("/modules/edged/tailoredKubeletConfig/maxPods").asInt()).isEqualTo(60);
    }

    @Test
    void notesBesideTheCaptureAreNeitherReadNorWarnedAbout() {
        fx.write("README.md", "Captured on 2025-01-10 from the live cluster.\n");
        assertThat(fx.problems()).isEmpty();
        fx.write("cluster/README.md", "x");
        assertThat(fx.problems()).containsExactly("baseline/cluster/README.md:1:1: warning: is not part of a baseline;"
                + " ignored (dualstack capture prints what a baseline holds)");
    }

    @Test
    void theBrownfieldSamplesBaselineIsRead() throws Exception {
        Path site = Path.of("..", "samples", "brownfield-kubeadm", "site.yaml");
        io.github.dualstack.core.Report.Validate r = io.github.dualstack.core.Dualstack.validate(
                io.github.dualstack.core.Request.Validate.of(site));
        assertThat(r.errors()).isEmpty();
        assertThat(r.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(site.toString()));
        assertThat(r.site()).isPresent();
    }

    @Test
    void theNodesListKeepsOfEachNodeWhatIsReadOfIt() {
        Baseline b = fx.load().baseline().orElseThrow();
        var master = b.cluster(ClusterFile.NODES).orElseThrow().tree().path("items").get(0);
        assertThat(master.path("metadata").path("name").asText()).isEqualTo("master-1");
        assertThat(master.path("metadata").path("labels").has("node-role.kubernetes.io/control-plane")).isTrue();
        assertThat(master.at("/spec/podCIDRs/0").asText()).isEqualTo("10.244.0.0/24");
        assertThat(master.at("/status/addresses/0/address").asText()).isEqualTo("192.0.2.10");
        assertThat(master.path("status").has("images")).as("images dropped").isFalse();
        assertThat(master.path("metadata").has("annotations")).isFalse();
        assertThat(master.path("spec").has("taints")).isFalse();
        assertThat(b.cluster(ClusterFile.NODES).orElseThrow().tree().path("items")).hasSize(4);
    }

    @Test
    void aKeptFileIsLocatedByReadingItAgain() {
        Baseline b = fx.load().baseline().orElseThrow();
        CapturedFile pod = b.controlPlane().get("master-1").manifest(NodeFile.KUBE_APISERVER).orElseThrow();
        assertThat(pod.at(io.github.dualstack.core.FieldPath.of("spec.containers[0].command[8]")))
                .containsExactly(23, 7);
        CapturedFile nodes = b.cluster(ClusterFile.NODES).orElseThrow();
        assertThat(nodes.at(io.github.dualstack.core.FieldPath.of("items[1].spec.podCIDRs[0]")))
                .containsExactly(43, 7);
        CapturedFile proxy = b.embedded(Embedded.KUBE_PROXY_CONFIGURATION).orElseThrow();
        assertThat(proxy.at(io.github.dualstack.core.FieldPath.of("clusterCIDR"))).containsExactly(13, 18);
        assertThat(proxy.problems().list()).isEmpty();
        var p = proxy.problems();
        p.error(io.github.dualstack.core.FieldPath.of("clusterCIDR"), "x");
        assertThat(p.list()).singleElement().asString()
                .isEqualTo("baseline/cluster/kube-proxy.configmap.yaml:13:18: data.\"config.conf\".clusterCIDR: x");
    }
}
