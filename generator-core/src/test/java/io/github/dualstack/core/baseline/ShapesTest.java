package io.github.dualstack.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each captured file whose shape is not what its readers rely on: one problem at the offending field, as
 * {@code file:line:column: path: message}; a document held in a ConfigMap's string is located at its own line of
 * the ConfigMap when the string is a literal block, else at the string.
 */
class ShapesTest {

    private static final String APISERVER = "control-plane/master-1/kube-apiserver.yaml";
    private static final String PROXY = "cluster/kube-proxy.configmap.yaml";
    private static final String CALICO = "cluster/calico-config.configmap.yaml";
    private static final String SERVICE = "cluster/cloudcore.service.yaml";
    private static final String NODES = "cluster/nodes.yaml";

    @TempDir
    Path dir;

    static Arguments edit(String file, String from, String to, String problem) {
        UnaryOperator<BaselineFixture> e = fx -> fx.replace(file, from, to);
        return Arguments.of(file + ": " + from.strip() + " -> " + to.strip(), e, problem);
    }

    static Stream<Arguments> shapes() {
        return Stream.of(
                edit(APISERVER, "    - kube-apiserver\n", "    - kube-apiserverx\n", "baseline/" + APISERVER
                        + ":15:7: spec.containers[0].command[0]: must be kube-apiserver (the component this file runs),"
                        + " got \"kube-apiserverx\""),
                edit(APISERVER, "kind: Pod", "kind: Deployment",
                        "baseline/" + APISERVER + ":2:7: kind: must be Pod, got \"Deployment\""),
                edit(APISERVER, "apiVersion: v1\n", "apiVersion: v2\n",
                        "baseline/" + APISERVER + ":1:13: apiVersion: must be v1, got \"v2\""),
                edit(APISERVER, "  - command:\n", "  - args:\n",
                        "baseline/" + APISERVER + ":14:5: spec.containers[0].command: is required"),
                edit(APISERVER, "    - --secure-port=6443\n", "    - 6443\n",
                        "baseline/" + APISERVER + ":22:7: spec.containers[0].command[7]: must be a string, got an integer"),
                edit(APISERVER, "  - hostPath:\n      path: /etc/ssl/certs\n      type: DirectoryOrCreate\n    name: ca-certs",
                        "  - emptyDir: {}\n    name: ca-certs", "baseline/" + APISERVER + ":56:5: spec.volumes[0].hostPath:"
                                + " is required: a control-plane static pod mounts paths of its node"),
                edit(APISERVER, "      path: /etc/kubernetes/pki\n", "      paths: /etc/kubernetes/pki\n",
                        "baseline/" + APISERVER + ":61:7: spec.volumes[1].hostPath.path: is required"),
                edit(APISERVER, "    - mountPath: /etc/ssl/certs\n      name: ca-certs\n", "    - name: ca-certs\n",
                        "baseline/" + APISERVER + ":43:7: spec.containers[0].volumeMounts[0].mountPath: is required"),
                edit(PROXY, "  name: kube-proxy\n", "  name: kube-proxy-x\n",
                        "baseline/" + PROXY + ":59:9: metadata.name: must be kube-proxy, got \"kube-proxy-x\""),
                edit(PROXY, "  namespace: kube-system\n", "  namespace: default\n",
                        "baseline/" + PROXY + ":60:14: metadata.namespace: must be kube-system, got \"default\""),
                edit(PROXY, "  config.conf: |-", "  config: |-",
                        "baseline/" + PROXY + ":3:3: data.\"config.conf\": is required"),
                edit(CALICO, "  calico_backend: bird\n", "", "baseline/" + CALICO + ":3:3: data.calico_backend: is required"),
                edit(CALICO, "veth_mtu: \"0\"", "veth_mtu: 0",
                        "baseline/" + CALICO + ":33:13: data.veth_mtu: must be a string, got an integer"),
                edit(SERVICE, "namespace: kubeedge", "namespace: kube-system", "baseline/" + SERVICE
                        + ":8:14: metadata.namespace: must be kubeedge (spec.cloudCore.namespace), got \"kube-system\""),
                edit(SERVICE, "  - IPv4", "  - IPv5",
                        "baseline/" + SERVICE + ":16:5: spec.ipFamilies[0]: must be IPv4 or IPv6, got \"IPv5\""),
                edit(SERVICE, "  clusterIPs:\n  - 10.101.20.30\n", "  clusterIPs: 10.101.20.30\n",
                        "baseline/" + SERVICE + ":11:15: spec.clusterIPs: must be a list, got a string"),
                edit(NODES, "    name: worker-1\n", "", "baseline/" + NODES + ":37:5: items[1].metadata.name: is required"),
                edit(NODES, "  kind: Node\n  metadata:\n    labels:\n      kubernetes.io/hostname: worker-1",
                        "  kind: Pod\n  metadata:\n    labels:\n      kubernetes.io/hostname: worker-1",
                        "baseline/" + NODES + ":35:9: items[1].kind: must be Node, got \"Pod\""),
                edit(NODES, "    podCIDRs:\n    - 10.244.1.0/24\n", "    podCIDRs: 10.244.1.0/24\n",
                        "baseline/" + NODES + ":42:15: items[1].spec.podCIDRs: must be a list, got a string"),
                edit(NODES, "    - address: 192.0.2.11\n", "    - address: 11\n",
                        "baseline/" + NODES + ":46:16: items[1].status.addresses[0].address: must be a non-empty"
                                + " string, got an integer 11"),
                edit(NODES, "      node-role.kubernetes.io/edge: \"\"\n    name: edge-0002",
                        "      node-role.kubernetes.io/edge: true\n    name: edge-0002", "baseline/" + NODES
                                + ":67:37: items[3].metadata.labels.\"node-role.kubernetes.io/edge\": must be a string,"
                                + " got a boolean"),
                edit(NODES, "kind: List\nmetadata:\n  resourceVersion", "kind: NodeLst\nmetadata:\n  resourceVersion",
                        "baseline/" + NODES + ":74:7: kind: must be List or NodeList, got \"NodeLst\""),
                edit("cluster/calico.ippools.yaml", "    cidr: 10.244.0.0/16\n", "",
                        "baseline/cluster/calico.ippools.yaml:8:5: items[0].spec.cidr: is required"),
                edit("cluster/calico.ippools.yaml", "  kind: IPPool", "  kind: IPAMBlock",
                        "baseline/cluster/calico.ippools.yaml:4:9: items[0].kind: must be IPPool, got \"IPAMBlock\""),
                edit("cluster/kube-proxy.daemonset.yaml", "      containers:\n      - command:",
                        "      initContainers:\n      - command:", "baseline/cluster/kube-proxy.daemonset.yaml:19:7:"
                                + " spec.template.spec.containers: is required"),
                edit("cluster/cloudcore.deployment.yaml", "apps/v1", "extensions/v1beta1",
                        "baseline/cluster/cloudcore.deployment.yaml:1:13: apiVersion: must be apps/v1, got"
                                + " \"extensions/v1beta1\""),
                // documents held in strings: at their own line of the ConfigMap (literal blocks)
                edit(PROXY, "    kind: KubeProxyConfiguration", "    kind: KubeletConfiguration", "baseline/" + PROXY
                        + ":29:11: data.\"config.conf\".kind: must be KubeProxyConfiguration, got \"KubeletConfiguration\""),
                edit(PROXY, "    mode: \"\"\n", "    mode: \"\"\n    clusterCIDR: 10.0.0.0/8\n", "baseline/" + PROXY
                        + ":32:5: data.\"config.conf\".clusterCIDR: duplicate key 'clusterCIDR'; each key may appear once"),
                edit(PROXY, "    mode: \"\"\n", "    mode: yes\n", "baseline/" + PROXY + ":31:11: data.\"config.conf\".mode:"
                        + " 'yes' is read as the boolean true (YAML 1.1); write true, or quote \"yes\" if it is meant as text"),
                edit("cluster/kubeadm-config.configmap.yaml", "    apiVersion: kubeadm.k8s.io/v1beta4", "    apiVersion: v1",
                        "baseline/cluster/kubeadm-config.configmap.yaml:5:17: data.ClusterConfiguration.apiVersion: must"
                                + " be kubeadm.k8s.io/<version>, got \"v1\""),
                edit("cluster/cloudcore.configmap.yaml", "    kind: CloudCore", "    kind: EdgeCore",
                        "baseline/cluster/cloudcore.configmap.yaml:5:11: data.\"cloudcore.yaml\".kind: must be CloudCore,"
                                + " got \"EdgeCore\""),
                edit(CALICO, "          \"log_level\": \"info\",\n", "          \"log_level\": \"info\",\n          \"type\": \"x\",\n",
                        "baseline/" + CALICO + ":12:11: data.cni_network_config.plugins[0].type: duplicate key 'type';"
                                + " each key may appear once"),
                edit(CALICO, "          \"log_level\": \"info\",\n", "          \"log_level\": \"info\"\n",
                        "baseline/" + CALICO + ":12:11: data.cni_network_config: not valid JSON: Unexpected character"
                                + " ('\"'): was expecting comma to separate Object entries"),
                edit(CALICO, "  cni_network_config: |-\n    {", "  cni_network_config: |-\n    [",
                        "baseline/" + CALICO + ":6:13: data.cni_network_config: not valid JSON: Unexpected character"
                                + " (':'): was expecting comma to separate Array entries"),
                // the join token
                edit("edge/edge-0002/edgecore.yaml", "    token: \"\"", "    token: abc.def",
                        "baseline/edge/edge-0002/edgecore.yaml:25:12: modules.edgeHub.token: holds a join token, a"
                                + " secret, and the baseline is committed to git: blank it (token: \"\"), as the command of"
                                + " dualstack capture does"),
                edit("edge/edgecore.yaml", "kind: EdgeCore", "kind: CloudCore",
                        "baseline/edge/edgecore.yaml:6:7: kind: must be EdgeCore, got \"CloudCore\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void oneLocatedProblem(String name, UnaryOperator<BaselineFixture> edit, String problem) {
        BaselineFixture fx = edit.apply(new BaselineFixture(dir));
        BaselineLoader.Result r = fx.load();
        assertThat(r.problems()).singleElement().asString().isEqualTo(problem);
        assertThat(r.baseline()).isEmpty();
    }

    @Test
    void aDocumentInAQuotedStringIsLocatedAtTheString() {
        BaselineFixture fx = new BaselineFixture(dir).write(PROXY, """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: kube-proxy
                  namespace: kube-system
                data:
                  config.conf: "apiVersion: kubeproxy.config.k8s.io/v1alpha1\\nkind: Wrong\\n"
                """);
        assertThat(fx.problems()).containsExactly("baseline/" + PROXY + ":7:16: data.\"config.conf\".kind: must be"
                + " KubeProxyConfiguration, got \"Wrong\"");
    }

    @Test
    void aDocumentWithAnExplicitIndentationIsLocatedAtItsLine() {
        BaselineFixture fx = new BaselineFixture(dir).write(PROXY, """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: kube-proxy
                  namespace: kube-system
                data:
                  config.conf: |2-
                      apiVersion: kubeproxy.config.k8s.io/v1alpha1
                      kind: Wrong
                """);
        // indented 2 past the mapping's 2: the document's own lines start with two spaces
        assertThat(fx.problems()).containsExactly("baseline/" + PROXY + ":9:13: data.\"config.conf\".kind: must be"
                + " KubeProxyConfiguration, got \"Wrong\"");
    }

    @Test
    void textsMustBeWhatTheirCommandsPrint() {
        BaselineFixture fx = new BaselineFixture(dir)
                .write("control-plane/master-1/kubelet.service", "No files found for kubelet.service.\n")
                .write("control-plane/master-1/apiserver.sans.txt", "x509: Unknown option -ext\n");
        assertThat(fx.problems()).containsExactly(
                "baseline/control-plane/master-1/apiserver.sans.txt:1:1: holds no Subject Alternative Name, so it is not"
                        + " what openssl x509 -noout -ext subjectAltName prints (OpenSSL 1.1.1 or newer); capture the"
                        + " node's files again (dualstack capture prints the command for master-1)",
                "baseline/control-plane/master-1/kubelet.service:1:1: holds no [Service] section, so it is not what"
                        + " systemctl cat kubelet prints; capture the node's files again (dualstack capture prints the"
                        + " command for master-1)");
    }

    @Test
    void anEmptyTextAndAControlCharacter() {
        BaselineFixture fx = new BaselineFixture(dir).write("control-plane/master-1/apiserver.sans.txt", " \n")
                .write("control-plane/master-1/kubelet.service", "[Service]\nExecStart=/usr/bin/kubelet\u001b[2J\n");
        assertThat(fx.problems()).containsExactly(
                "baseline/control-plane/master-1/apiserver.sans.txt:1:1: is empty; capture the node's files again"
                        + " (dualstack capture prints the command for master-1)",
                "baseline/control-plane/master-1/kubelet.service:2:27: holds the control character U+001B, which no"
                        + " captured text has; capture the file again");
    }

    @Test
    void everyProblemOfEveryFileAtOnceSortedPerFile() {
        BaselineFixture fx = new BaselineFixture(dir)
                .replace(SERVICE, "  - IPv4", "  - IPv5")
                .replace(SERVICE, "namespace: kubeedge", "namespace: kube-system")
                .replace(APISERVER, "kind: Pod", "kind: Deployment")
                .replace(NODES, "    name: worker-1\n", "");
        assertThat(fx.problems()).extracting(s -> s.substring(0, s.indexOf(": "))).containsExactly(
                "baseline/cluster/cloudcore.service.yaml:8:14", "baseline/cluster/cloudcore.service.yaml:16:5",
                "baseline/cluster/nodes.yaml:37:5", "baseline/" + APISERVER + ":2:7");
    }
}
