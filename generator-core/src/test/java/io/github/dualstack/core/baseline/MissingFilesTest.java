package io.github.dualstack.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.Descriptors;
import io.github.dualstack.core.baseline.BaselineLayout.ClusterFile;
import io.github.dualstack.core.baseline.BaselineLayout.Needed;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every file the descriptor makes necessary, missing: one error each, naming the command that captures it. */
class MissingFilesTest {

    @TempDir
    Path dir;
    BaselineFixture fx;

    @BeforeEach
    void copy() {
        fx = new BaselineFixture(dir);
    }

    @ParameterizedTest
    @EnumSource(value = ClusterFile.class, names = {"KUBEADM_CONFIG", "KUBE_PROXY_CONFIG", "KUBE_PROXY_DAEMONSET",
            "CLOUDCORE_CONFIG", "CLOUDCORE_SERVICE", "CLOUDCORE_DEPLOYMENT", "NODES", "KUBERNETES_SERVICE"})
    void aClusterFileThatIsAlwaysNeeded(ClusterFile f) {
        assertThat(f.needed()).isEqualTo(Needed.ALWAYS);
        fx.delete(f.path());
        assertThat(fx.problems()).containsExactly("baseline/" + f.path() + ":1:1: missing; capture it with: "
                + new CaptureCommands("baseline", "kubeedge").cluster(f));
    }

    @Test
    void theAlwaysNeededFilesAreTheOnesTestedAbove() {
        assertThat(Arrays.stream(ClusterFile.values()).filter(f -> f.needed() == Needed.ALWAYS)).hasSize(8);
    }

    @Test
    void theCommandNamesTheDescriptorsCloudCoreNamespace() {
        fx.descriptor = Descriptors.Base.DUAL.edit().after(8, BaselineFixture.REFERENCE)
                .after(19, "    namespace: edge-system").text();
        fx.replace("cluster/cloudcore.service.yaml", "namespace: kubeedge", "namespace: edge-system")
                .replace("cluster/cloudcore.configmap.yaml", "namespace: kubeedge", "namespace: edge-system")
                .delete("cluster/cloudcore.deployment.yaml");
        assertThat(fx.problems()).containsExactly("baseline/cluster/cloudcore.deployment.yaml:1:1: missing; capture"
                + " it with: kubectl -n edge-system get deployment cloudcore -o yaml > baseline/cluster/cloudcore.deployment.yaml"
                + " || rm -f baseline/cluster/cloudcore.deployment.yaml");
    }

    @ParameterizedTest
    @ValueSource(strings = {"calico-config.configmap.yaml", "calico-node.daemonset.yaml"})
    void aCalicoManifestFileWhenTheDescriptorHasCalico(String file) {
        fx.delete("cluster/" + file);
        assertThat(fx.problems()).singleElement().asString().startsWith("baseline/cluster/" + file + ":1:1: missing"
                + " (the descriptor has spec.calico, installed from its manifest: spec.calico.installedBy); capture it"
                + " with: kubectl -n kube-system get ");
    }

    @Test
    void anOperatorInstallNeedsTheInstallationAndNoManifestFiles() {
        fx.descriptor = Descriptors.Base.DUAL.edit().after(8, BaselineFixture.REFERENCE)
                .after(16, "    installedBy: operator").text();
        fx.delete("cluster/calico-config.configmap.yaml").delete("cluster/calico-node.daemonset.yaml");
        assertThat(fx.problems()).containsExactly("baseline/cluster/calico.installation.yaml:1:1: missing"
                + " (spec.calico.installedBy is operator); capture it with: kubectl get installations.operator.tigera.io"
                + " default -o yaml > baseline/cluster/calico.installation.yaml || rm -f"
                + " baseline/cluster/calico.installation.yaml");
        fx.write("cluster/calico.installation.yaml", """
                        apiVersion: operator.tigera.io/v1
                        kind: Installation
                        metadata:
                          name: default
                        spec:
                          calicoNetwork:
                            ipPools:
                            - cidr: 10.244.0.0/16
                        """);
        BaselineLoader.Result r = fx.load();
        assertThat(r.problems()).isEmpty();
        assertThat(r.baseline().orElseThrow().cluster(ClusterFile.CALICO_INSTALLATION)).isPresent();
        assertThat(r.baseline().orElseThrow().embedded(BaselineLayout.Embedded.CNI_NETWORK_CONFIG)).isEmpty();
    }

    @Test
    void thePoolsWhenTheDescriptorHasCalico() {
        fx.delete("cluster/calico.ippools.yaml");
        assertThat(fx.problems()).containsExactly("baseline/cluster/calico.ippools.yaml:1:1: missing (the descriptor"
                + " has spec.calico); capture it with: kubectl get ippools.crd.projectcalico.org -o yaml >"
                + " baseline/cluster/calico.ippools.yaml || rm -f baseline/cluster/calico.ippools.yaml");
    }

    @Test
    void withoutCalicoNoCalicoFileIsNeeded() {
        fx.descriptor = Descriptors.Base.DUAL.edit().after(8, BaselineFixture.REFERENCE).delete(16, 18).text();
        fx.delete("cluster/calico.ippools.yaml").delete("cluster/calico-config.configmap.yaml")
                .delete("cluster/calico-node.daemonset.yaml");
        assertThat(fx.problems()).isEmpty();
    }

    @Test
    void theOptionalFilesAreNeverNeeded() {
        fx.delete("cluster/kubernetes.service.yaml").write("cluster/kubernetes.service.yaml",
                new BaselineFixture(dir.resolve("again")).read("cluster/kubernetes.service.yaml"));
        fx.delete("edge");
        assertThat(fx.load().problems()).isEmpty();
        assertThat(fx.load().baseline().orElseThrow().edgeDefault()).isEmpty();
    }

    @Test
    void aControlPlaneNodesDirectory() {
        fx.delete("control-plane/master-1");
        assertThat(fx.problems()).containsExactly("baseline/control-plane/master-1:1:1: missing: the descriptor's"
                + " control-plane node master-1 has no captured files; capture them with: "
                + new CaptureCommands("baseline", "kubeedge").controlPlane("master-1"));
    }

    @Test
    void theWholeControlPlaneDirectory() {
        fx.delete("control-plane");
        assertThat(fx.problems()).singleElement().asString().startsWith("baseline/control-plane/master-1:1:1: missing:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"kube-apiserver.yaml", "kube-controller-manager.yaml", "kubelet.service",
            "apiserver.sans.txt"})
    void aRequiredFileOfTheNode(String file) {
        fx.delete("control-plane/master-1/" + file);
        assertThat(fx.problems()).containsExactly("baseline/control-plane/master-1/" + file + ":1:1: missing;"
                + " capture the node's files with: " + new CaptureCommands("baseline", "kubeedge").controlPlane("master-1"));
    }

    @Test
    void etcdIsOptionalForAnExternalEtcd() {
        fx.delete("control-plane/master-1/etcd.yaml");
        BaselineLoader.Result r = fx.load();
        assertThat(r.problems()).isEmpty();
        assertThat(r.baseline().orElseThrow().controlPlane().get("master-1").manifest(BaselineLayout.NodeFile.ETCD))
                .isEmpty();
    }

    @Test
    void everyMissingFileAtOnce() {
        fx.delete("cluster/nodes.yaml").delete("cluster/kubeadm-config.configmap.yaml")
                .delete("control-plane/master-1/kubelet.service");
        assertThat(fx.problems()).extracting(s -> s.substring(0, s.indexOf(": ")))
                .containsExactly("baseline/cluster/kubeadm-config.configmap.yaml:1:1", "baseline/cluster/nodes.yaml:1:1",
                        "baseline/control-plane/master-1/kubelet.service:1:1");
    }
}
