package io.github.dualstack.core.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.dualstack.core.Dualstack;
import io.github.dualstack.core.DualstackException.InputException;
import io.github.dualstack.core.Problem;
import io.github.dualstack.core.Report;
import io.github.dualstack.core.Request;
import io.github.dualstack.core.RunOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * init on baselines other than the sample's: what it refuses, what it warns about, and how each captured value
 * becomes a descriptor value.
 */
class InitBaselineTest {

    private static final String NODES = "cluster/nodes.yaml";
    private static final YAMLMapper YAML = new YAMLMapper();

    @TempDir
    Path dir;
    InitFixture fx;

    @BeforeEach
    void copy() {
        fx = new InitFixture(dir.resolve("plant"));
    }

    // ---- what is refused

    @Test
    void aMissingBaselineDirectoryIsTheUsersMistake() {
        fx.delete("");
        assertThatThrownBy(fx::init).isInstanceOf(InputException.class).hasMessage("baseline directory not found: "
                + fx.baseline + "; dualstack capture --baseline " + fx.baseline + " prints the commands that capture it");
        assertThat(fx.site).doesNotExist();
    }

    @Test
    void aBaselineThatIsAFileIsTheUsersMistake() throws Exception {
        fx.delete("");
        Files.writeString(fx.baseline, "x");
        assertThatThrownBy(fx::init).isInstanceOf(InputException.class)
                .hasMessage("the baseline " + fx.baseline + " is a regular file, not a directory");
    }

    @Test
    void aBaselineOutsideTheDescriptorsDirectoryCannotBeNamedByIt() throws Exception {
        Path site = Files.createDirectories(dir.resolve("other")).resolve("site.yaml");
        assertThatThrownBy(() -> Dualstack.init(new Request.Init(fx.baseline, site, Optional.empty(), false,
                RunOptions.defaults()))).isInstanceOf(InputException.class).hasMessage("the baseline " + fx.baseline
                + " must be a directory inside the directory of the descriptor " + site + ", which names it relative"
                + " to itself (no '..'); write the descriptor in a directory that holds the baseline");
        assertThat(site).doesNotExist();
    }

    @Test
    void aBaselineLinkedFromOutsideIsRefused() throws Exception {
        Path site = Files.createDirectories(dir.resolve("other")).resolve("site.yaml");
        Path link = Files.createSymbolicLink(dir.resolve("other/baseline"), fx.baseline.toAbsolutePath());
        assertThatThrownBy(() -> Dualstack.init(new Request.Init(link, site, Optional.empty(), false,
                RunOptions.defaults()))).isInstanceOf(InputException.class)
                .hasMessageEndingWith(", and it leads through a symbolic link to " + fx.baseline.toRealPath());
        assertThat(site).doesNotExist();
    }

    @Test
    void whatInitCannotStartFromIsAnErrorAndNothingIsWritten() throws Exception {
        fx.delete(NODES).delete("cluster/kubernetes.service.yaml");
        Report.Init r = fx.init();
        String shown = fx.baseline.toString();
        assertThat(r.problems()).extracting(Problem::toString).containsExactly(
                shown + "/cluster/kubernetes.service.yaml:1:1: missing; init reads the running site from it; capture"
                        + " it with: kubectl -n default get service kubernetes -o yaml > " + shown
                        + "/cluster/kubernetes.service.yaml || rm -f " + shown + "/cluster/kubernetes.service.yaml",
                shown + "/cluster/nodes.yaml:1:1: missing; init reads the running site from it; capture it with:"
                        + " kubectl get nodes -o yaml > " + shown + "/cluster/nodes.yaml || rm -f " + shown
                        + "/cluster/nodes.yaml");
        assertThat(r.ok()).isFalse();
        assertThat(r.text()).isEmpty();
        assertThat(r.summary()).startsWith("2 problem(s) in the baseline; nothing written (");
        assertThat(fx.site).doesNotExist();
    }

    @Test
    void withoutAnyControlPlaneNodesApiServerThereIsNoStarter() throws Exception {
        fx.delete("control-plane");
        Report.Init r = fx.init();
        String shown = fx.baseline.toString();
        assertThat(r.errors()).extracting(Problem::toString).containsExactly(shown + "/control-plane:1:1: holds no"
                + " control-plane node's kube-apiserver.yaml (nodes labelled node-role.kubernetes.io/control-plane:"
                + " cp-1, cp-2, cp-3); init reads the running service ranges from it; dualstack capture --baseline "
                + shown + " prints the command for each control-plane node");
        assertThat(r.warnings()).extracting(Problem::message).allSatisfy(m -> assertThat(m)
                .contains(" has no captured files; validate and generate will need them; capture them with: "));
        assertThat(r.warnings()).hasSize(3);
        assertThat(fx.site).doesNotExist();
    }

    @Test
    void aNodeNameNoNodeCanHaveIsRefusedBeforeItReachesAPathOrTheDescriptor() throws Exception {
        fx.replace(NODES, "    name: worker-2\n", "    name: \"worker-2\\n  - name: x; $(id) #\"\n");
        Report.Init r = fx.init();
        assertThat(r.errors()).extracting(Problem::toString).containsExactly(fx.baseline + "/cluster/nodes.yaml:386:11:"
                + " items[4].metadata.name: \"worker-2\\n  - name: x; $(id) #\" is no name a Kubernetes node can have"
                + " (a DNS-1123 subdomain), so this is not what kubectl get nodes printed");
        assertThat(fx.site).doesNotExist();
    }

    @Test
    void aRunningClusterWhosePrimaryFamilyCannotBeToldHasNoStarter() throws Exception {
        fx.replace("cluster/kubernetes.service.yaml", "  clusterIP: 10.96.0.1\n", "");
        fx.replace("control-plane/cp-1/kube-apiserver.yaml", "    - --service-cluster-ip-range=10.96.0.0/12\n", "");
        fx.replace("cluster/kubeadm-config.configmap.yaml", "      serviceSubnet: 10.96.0.0/12\n", "");
        Report.Init r = fx.init();
        assertThat(r.errors()).extracting(Problem::toString).containsExactly(fx.baseline
                + "/cluster/kubernetes.service.yaml:14:3: spec.clusterIP: init cannot tell the running cluster's primary"
                + " IP family: the kubernetes Service has no cluster IP, and neither a kube-apiserver's"
                + " --service-cluster-ip-range nor kubeadm-config's networking.serviceSubnet names a range");
        assertThat(fx.site).doesNotExist();
    }

    // ---- the families

    @Test
    void thePrimaryFamilyIsTheKubernetesServicesThenTheApiServersRange() throws Exception {
        fx.replace("cluster/kubernetes.service.yaml", "  clusterIP: 10.96.0.1\n", "");
        fx.init();
        assertThat(fx.descriptor()).contains("\n  ipFamilies: [IPv4, IPv6]\n");

        InitFixture v6 = new InitFixture(dir.resolve("v6"));
        v6.replace("cluster/kubernetes.service.yaml", "  clusterIP: 10.96.0.1\n", "  clusterIP: fd00:10:96::1\n");
        v6.init();
        assertThat(v6.descriptor()).contains("\n  ipFamilies: [IPv6, IPv4]\n")
                .contains("\n    podSubnets: {ipv4: 10.244.0.0/16}   # TODO: add ipv6: the IPv6 pod subnet\n")
                .contains("\n      hubFamily: IPv6\n");
    }

    @Test
    void aCapturedInstallationMakesTheStarterOperatorInstalled() throws Exception {
        fx.delete("cluster/calico-config.configmap.yaml").delete("cluster/calico-node.daemonset.yaml")
                .write("cluster/calico.installation.yaml", Files.readString(Path.of("src", "test", "resources",
                        "baselines", "operator", "calico.installation.yaml")));
        fx.init();
        assertThat(fx.descriptor()).contains("\n    autodetection: {ipv4: first-found}")
                .contains("\n    installedBy: operator   # the captured Installation: the Tigera operator owns"
                        + " calico-node\n");
    }

    // ---- hostile values are printed safely

    @Test
    void hostileLabelsReadBackExactlyAndAddNothing() throws Exception {
        String evilValue = "a: #b\nc: d\n- e";
        String evilKey = "x.example.com/k: #\n  injected: true";
        for (String edge : List.of("edge-0001", "edge-0002", "edge-0003", "edge-0004")) {
            fx.replace(NODES, "      node-role.kubernetes.io/edge: \"\"\n    name: " + edge + "\n",
                    "      node-role.kubernetes.io/edge: \"\"\n      line.example.com/hall: \"h: #1\"\n"
                            + (edge.equals("edge-0002") ? "      \"" + evilKey.replace("\n", "\\n") + "\": \""
                            + evilValue.replace("\n", "\\n") + "\"\n      zone: \"\\u2028}\"\n" : "")
                            + "    name: " + edge + "\n");
        }
        Report.Init r = fx.init();
        assertThat(r.problems()).isEmpty();
        JsonNode tree = YAML.readTree(fx.descriptor());
        assertThat(tree.path("spec").path("edge").path("defaults").path("labels").toString())
                .isEqualTo("{\"line.example.com/hall\":\"h: #1\"}");
        Map<String, String> own = new TreeMap<>();
        tree.at("/spec/edge/nodes/1/labels").properties().forEach(e -> own.put(e.getKey(), e.getValue().asText()));
        assertThat(own).containsExactly(Map.entry(evilKey, evilValue), Map.entry("zone", "\u2028}"));
        assertThat(tree.at("/spec/edge/nodes/0").has("labels")).as("the kubernetes.io labels are not copied").isFalse();
        assertThat(tree.at("/spec/edge/nodes/1").properties()).extracting(Map.Entry::getKey)
                .containsExactly("name", "addresses", "labels");
        assertThat(tree.path("spec").properties()).extracting(Map.Entry::getKey)
                .containsExactly("ipFamilies", "baseline", "kubernetes", "calico", "cloudCore", "nodes", "edge");

        // dualstack's own reader reads it too, and validate names the labels Kubernetes would refuse, one line each
        Files.writeString(fx.site, InitSampleTest.withInterfaces(fx.descriptor()));
        Report.Validate v = Dualstack.validate(Request.Validate.of(fx.site));
        String badValue = "label value must be empty or letters, digits, '-', '_' or '.', starting and ending with a"
                + " letter or digit";
        assertThat(v.errors()).extracting(p -> p.line() + ":" + p.column() + ": " + p.path() + ": " + p.message())
                .containsExactly(
                        "66:32: spec.edge.defaults.labels.\"line.example.com/hall\": " + badValue,
                        "75:11: spec.edge.nodes[1].labels: property 'x.example.com/k: #\\n  injected: true' name is not"
                                + " valid: label key must be [prefix/]name: name at most 63 letters, digits, '-', '_' or"
                                + " '.', starting and ending with a letter or digit",
                        "75:51: spec.edge.nodes[1].labels.\"x.example.com/k: #\\n  injected: true\": " + badValue,
                        "76:17: spec.edge.nodes[1].labels.zone: " + badValue);
        assertThat(v.errors()).extracting(Problem::toString).allSatisfy(l -> assertThat(l).doesNotContain("\n"));
    }

    // ---- names

    @Test
    void kubeadmsDefaultClusterNameNamesNoSiteTheDirectoryDoes() throws Exception {
        InitFixture named = new InitFixture(dir.resolve("Plant_North 2"));
        named.replace("cluster/kubeadm-config.configmap.yaml", "clusterName: plant-north", "clusterName: kubernetes");
        named.init();
        assertThat(named.descriptor()).contains("\nmetadata:\n  name: plant-north-2\n");
    }

    @Test
    void aClusterNameThatIsNoLabelIsMadeOneAndSaidSo() throws Exception {
        fx.replace("cluster/kubeadm-config.configmap.yaml", "clusterName: plant-north", "clusterName: Plant.North");
        Report.Init r = fx.init();
        assertThat(r.problems()).extracting(Problem::toString).containsExactly(fx.baseline
                + "/cluster/kubeadm-config.configmap.yaml:42:18: warning: data.ClusterConfiguration.clusterName: is no"
                + " DNS-1123 label, so the site is named plant-north (init --name sets another name)");
        assertThat(fx.descriptor()).contains("\nmetadata:\n  name: plant-north\n");
    }

    @Test
    void theNameGivenWins() throws Exception {
        fx.init(Optional.of("lab-1"), false);
        assertThat(fx.descriptor()).contains("\nmetadata:\n  name: lab-1\n");
    }

    @Test
    void aNameGivenThatIsNoLabelIsTheUsersMistake() {
        assertThatThrownBy(() -> fx.init(Optional.of("Lab_1\n"), false)).isInstanceOf(InputException.class)
                .hasMessage("the site name must be a DNS-1123 label (lowercase letters, digits and '-', at most 63,"
                        + " starting and ending with a letter or digit), not \"Lab_1\\n\"");
        assertThat(fx.site).doesNotExist();
    }

    @ParameterizedTest
    @CsvSource({"plant-north,plant-north", "Plant North!,plant-north", "---,site", "9Lives_,9lives"})
    void labelsOfDirectoryNames(String name, String label) {
        assertThat(StarterDescriptor.label(name)).isEqualTo(label);
    }

    // ---- writing

    @Test
    void anExistingDescriptorIsKeptUnlessForced() throws Exception {
        Files.writeString(fx.site, "mine\n");
        Report.Init kept = fx.init();
        assertThat(kept.ok()).isFalse();
        assertThat(kept.refusal()).contains(fx.site + " exists; init does not replace it unless asked to (--force)");
        assertThat(kept.summary()).startsWith("refused: " + fx.site + " exists; ");
        assertThat(kept.text()).isEmpty();
        assertThat(fx.descriptor()).isEqualTo("mine\n");

        Report.Init forced = fx.init(Optional.empty(), true);
        assertThat(forced.ok()).isTrue();
        assertThat(fx.descriptor()).isEqualTo(forced.text().orElseThrow()).startsWith("# yaml-language-server: ");
    }

    @Test
    void aLinkAtTheDescriptorIsReplacedWhenForcedNeverWrittenThrough() throws Exception {
        Path elsewhere = Files.writeString(dir.resolve("elsewhere.yaml"), "theirs\n");
        Files.createSymbolicLink(fx.site, elsewhere.toAbsolutePath());
        assertThat(fx.init().refusal()).isPresent();
        assertThat(fx.init(Optional.empty(), true).ok()).isTrue();
        assertThat(Files.isSymbolicLink(fx.site)).isFalse();
        assertThat(Files.readString(elsewhere)).isEqualTo("theirs\n");
    }

    @Test
    void aDirectoryAtTheDescriptorIsNeverReplaced() throws Exception {
        Files.createDirectories(fx.site.resolve("kept"));
        Report.Init r = fx.init(Optional.empty(), true);
        assertThat(r.refusal()).contains(fx.site + " is a directory; init writes the descriptor as a regular file,"
                + " and never in place of anything else");
        assertThat(fx.site.resolve("kept")).isDirectory();
    }

    // ---- mappings

    @Test
    void aNodePortServiceOffTheHostNetworkIsNodePortExposureWithItsNodePorts() throws Exception {
        fx.replace("cluster/cloudcore.deployment.yaml", "      hostNetwork: true\n", "");
        fx.replace("cluster/cloudcore.service.yaml", "  type: ClusterIP", "  type: NodePort");
        for (String[] p : new String[][] {{"10000", "30100"}, {"10001", "30101"}, {"10002", "30102"},
                {"10003", "30103"}, {"10004", "30104"}}) {
            fx.replace("cluster/cloudcore.service.yaml", "    targetPort: " + p[0] + "\n",
                    "    targetPort: " + p[0] + "\n    nodePort: " + p[1] + "\n");
        }
        assertThat(fx.init().problems()).isEmpty();
        assertThat(fx.descriptor()).contains("\n    exposure: NodePort\n").contains("\n    nodePorts: {websocket: 30100,"
                + " quic: 30101, https: 30102, stream: 30103, tunnel: 30104}\n");
    }

    @Test
    void aClusterIpServiceOffTheHostNetworkIsTakenForAnIngressAndSaidSo() throws Exception {
        fx.replace("cluster/cloudcore.deployment.yaml", "      hostNetwork: true\n", "");
        Report.Init r = fx.init();
        assertThat(r.problems()).extracting(Problem::toString).containsExactly(fx.baseline
                + "/cluster/cloudcore.service.yaml:49:9: warning: spec.type: CloudCore's Service is ClusterIP and"
                + " CloudCore is not on the host network, so edges reach it through something in front of it: the"
                + " descriptor says exposure Ingress; check that this is how the edges reach it");
        assertThat(fx.descriptor()).contains("\n    exposure: Ingress\n").doesNotContain("nodePorts");
    }

    @Test
    void theRunningFlagsWinOverKubeadmConfigAndTheDifferenceIsSaid() throws Exception {
        fx.replace("cluster/kubeadm-config.configmap.yaml", "podSubnet: 10.244.0.0/16", "podSubnet: 10.240.0.0/12");
        Report.Init r = fx.init();
        assertThat(r.problems()).extracting(Problem::toString).containsExactly(fx.baseline
                + "/cluster/kubeadm-config.configmap.yaml:58:18: warning: data.ClusterConfiguration.networking.podSubnet:"
                + " is 10.240.0.0/12 but cp-1's kube-controller-manager runs --cluster-cidr=10.244.0.0/16; the"
                + " descriptor takes the running value, and the merged kubeadm-config will carry it");
        assertThat(fx.descriptor()).contains("\n    podSubnets: {ipv4: 10.244.0.0/16}   # TODO: add ipv6: ");
    }

    @ParameterizedTest
    @CsvSource({"Always,Never,IPIP", "CrossSubnet,Never,IPIPCrossSubnet", "Never,Always,VXLAN",
            "Never,CrossSubnet,VXLANCrossSubnet", "Never,Never,None"})
    void poolModesAreTheDescriptorsEncapsulation(String ipip, String vxlan, String encapsulation) throws Exception {
        fx.replace("cluster/calico.ippools.yaml", "    ipipMode: Always\n", "    ipipMode: " + ipip + "\n");
        fx.replace("cluster/calico.ippools.yaml", "    vxlanMode: Never\n", "    vxlanMode: " + vxlan + "\n");
        fx.init();
        assertThat(fx.descriptor()).contains("\n    ipv4Pool: {cidr: 10.244.0.0/16, blockSize: 26, natOutgoing: true,"
                + " encapsulation: " + encapsulation + "}\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"interface=^ens3$|ens3", "interface=eth0\\.100|eth0.100",
            "interface=eth.*|", "interface=eth0,eth1|", "can-reach=192.0.2.1|", "first-found|"})
    void aCloudNodesInterfaceIsTheOneTheAutodetectionNames(String method, String iface) throws Exception {
        fx.replace("cluster/calico-node.daemonset.yaml", "          value: interface=eth0\n",
                "          value: " + method + "\n");
        Report.Init r = fx.init();
        String text = fx.descriptor();
        if (iface == null) {
            assertThat(r.todos()).isEqualTo(17 + 5);
            assertThat(text).contains("\n      role: worker\n      # TODO: add interface: the node's network interface"
                    + " that carries its addresses\n");
        } else {
            assertThat(r.todos()).isEqualTo(17);
            assertThat(text.split("\n      interface: " + iface.replace(".", "\\.") + "\n", -1)).hasSize(5 + 1);
        }
    }

    @Test
    void anEdgeKeepsItsOwnVersionRuntimeAndTheAddressItDials() throws Exception {
        fx.replace(NODES, "      kubeletVersion: v1.31.12-kubeedge-v1.22.0\n      machineID: 7fffa1f7f6490626297ae6b6ac60770f",
                "      kubeletVersion: v1.30.14-kubeedge-v1.21.3\n      machineID: 7fffa1f7f6490626297ae6b6ac60770f");
        fx.replace("edge/edge-0003/edgecore.yaml", "      containerRuntimeEndpoint: unix:///run/containerd/containerd.sock",
                "      containerRuntimeEndpoint: unix:///run/crio/crio.sock");
        fx.replace("edge/edgecore.yaml", "      server: 192.0.2.11:10000", "      server: cloudcore.plant-north.example.com:10000");
        assertThat(fx.init().problems()).isEmpty();
        String text = fx.descriptor();
        assertThat(text).contains("\n      kubeedgeVersion: v1.22.0\n");
        assertThat(text).contains("\n      - name: edge-0002\n"
                + "        # TODO: add interface: the edge's network interface that carries its addresses\n"
                + "        addresses: {ipv4: 198.51.100.102}   # TODO: add ipv6: the edge's IPv6 address\n"
                + "        kubeedgeVersion: v1.21.3\n"
                + "        cloudCoreAddress: cloudcore.plant-north.example.com\n");
        assertThat(text).contains("\n        cgroupDriver: cgroupfs\n"
                + "        containerRuntimeEndpoint: unix:///run/crio/crio.sock\n      - name: edge-0004\n");
        assertThat(text.split("cloudCoreAddress: ", -1)).as("edge-0003 dials as its own edgecore.yaml says").hasSize(3 + 1);
    }

    @Test
    void withoutCalicoThereIsNoCalicoSection() throws Exception {
        fx.delete("cluster/calico.ippools.yaml").delete("cluster/calico-node.daemonset.yaml")
                .delete("cluster/calico-config.configmap.yaml");
        Report.Init r = fx.init();
        assertThat(r.problems()).isEmpty();
        assertThat(fx.descriptor()).contains("\n  # calico: not captured, so no Calico files are rendered; capture Calico"
                + " to have them\n  cloudCore:\n");
        assertThat(r.todos()).as("neither a pool nor the cloud nodes' interfaces").isEqualTo(17 - 1 + 5);
    }
}
