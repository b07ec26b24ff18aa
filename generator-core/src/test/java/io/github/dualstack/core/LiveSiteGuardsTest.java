package io.github.dualstack.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every guard of the running site (validate/LiveSiteRules), end to end on the brownfield sample: the descriptor or
 * the captured state edited so that the conversion is unsafe, then the exact located line validate and generate
 * print, and a generate with an error writes nothing. A warning lets the run go on.
 */
class LiveSiteGuardsTest {

    /** The sample's own warning, which every run of it prints. */
    private static final String CERTIFICATES = "warning: spec.cloudCore.regenerateCertificates: the runbook re-signs";

    @TempDir
    Path dir;

    /**
     * A row: what is edited, and the line expected, made from the edited descriptor (so its location is where
     * the edited text is): {@code at} the text the problem points at.
     */
    private record Guard(String name, Consumer<Brownfield> edit, Function<Brownfield, String> line) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Guard error(String name, Consumer<Brownfield> edit, String at, String pathAndMessage) {
        return new Guard(name, edit, b -> Brownfield.SITE + ":" + b.at(at) + ": " + pathAndMessage);
    }

    private static Guard warning(String name, Consumer<Brownfield> edit, String at, String pathAndMessage) {
        return new Guard(name, edit, b -> Brownfield.SITE + ":" + b.at(at) + ": warning: " + pathAndMessage);
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                error("primary family flipped", b -> b.edit("ipFamilies: [IPv4, IPv6]", "ipFamilies: [IPv6, IPv4]"),
                        "IPv6, IPv4]", "spec.ipFamilies[0]: the running cluster is IPv4-primary (the kubernetes Service's"
                                + " cluster IP is 10.96.0.1); a running cluster's primary family cannot change (KEP-563:"
                                + " the first --service-cluster-ip-range keeps its family, existing Services keep theirs):"
                                + " list IPv4 first, or set spec.baseline.rebuildingCluster: true if the cluster is being"
                                + " rebuilt"),
                error("primary service range changed",
                        b -> b.edit("serviceSubnets: {ipv4: 10.96.0.0/12,", "serviceSubnets: {ipv4: 10.96.0.0/16,"),
                        "10.96.0.0/16", "spec.kubernetes.serviceSubnets.ipv4: the running cluster's primary service range"
                                + " is 10.96.0.0/12 (cp-1's --service-cluster-ip-range): a running cluster keeps it and"
                                + " only adds a secondary range (kubernetes/website reconfigure-default-service-ip-ranges);"
                                + " set 10.96.0.0/12"),
                error("a node's podCIDR outside the pod subnet",
                        b -> b.replaceEvery("cluster/nodes.yaml", "10.244.4.0/24", "10.245.4.0/24"),
                        "10.244.0.0/16, ipv6: \"fd00:10:244::/56\"}", "spec.kubernetes.podSubnets.ipv4: node worker-2 has"
                                + " podCIDR 10.245.4.0/24, outside 10.244.0.0/16: kube-controller-manager would crash-loop"
                                + " on it (\"CIDR out of range\", nodeipam range_allocator); keep a pod subnet that holds"
                                + " every existing node's podCIDR"),
                error("the running IPv4 pool has another cidr",
                        b -> b.replace("cluster/calico.ippools.yaml", "cidr: 10.244.0.0/16", "cidr: 10.244.0.0/17"),
                        "10.244.0.0/16, blockSize", "spec.calico.ipv4Pool.cidr: the running IPPool default-ipv4-ippool has"
                                + " cidr 10.244.0.0/17: applying another would rewrite it silently (crd.projectcalico.org/v1"
                                + " has no validation) and orphan its allocated blocks; set 10.244.0.0/17 or migrate the"
                                + " pool first (Calico's migrate-pools procedure)"),
                error("the running pool of the same cidr has another blockSize",
                        b -> b.replace("cluster/calico.ippools.yaml", "blockSize: 26", "blockSize: 24"),
                        "26, natOutgoing", "spec.calico.ipv4Pool.blockSize: the running IPPool default-ipv4-ippool"
                                + " (10.244.0.0/16) has blockSize 24, which cannot change while blocks are allocated; set 24"),
                error("a pool of another name with the same cidr and another blockSize",
                        b -> b.replace("cluster/calico.ippools.yaml", "name: default-ipv4-ippool", "name: pods-v4")
                                .replace("cluster/calico.ippools.yaml", "blockSize: 26", "blockSize: 27"),
                        "26, natOutgoing", "spec.calico.ipv4Pool.blockSize: the running IPPool pods-v4 (10.244.0.0/16)"
                                + " has blockSize 27, which cannot change while blocks are allocated; set 27"),
                error("the node mask size changed",
                        b -> b.edit("nodeMaskSizes:  {ipv4: 24,", "nodeMaskSizes:  {ipv4: 25,"),
                        "25, ipv6: 64}", "spec.kubernetes.nodeMaskSizes.ipv4: the running kube-controller-manager on cp-1"
                                + " gives each node a /24 IPv4 range, and the nodes hold them: changing the mask size makes"
                                + " new ranges overlap allocated ones; set 24"),
                error("three control-plane nodes, no endpoint anywhere",
                        b -> b.edit("    controlPlaneEndpoint: api.plant-north.example.com:6443\n", "")
                                .replace("cluster/kubeadm-config.configmap.yaml",
                                        "    controlPlaneEndpoint: api.plant-north.example.com:6443\n", ""),
                        "version: v1.32.4", "spec.kubernetes.controlPlaneEndpoint: is required: the site has 3"
                                + " control-plane nodes and its kubeadm-config has no controlPlaneEndpoint, so kube-proxy"
                                + " and the kubelets would pin one of them"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void refusedAtTheDescriptorsFieldAndNothingIsWritten(Guard g) throws Exception {
        Brownfield b = new Brownfield(dir);
        g.edit().accept(b);
        String expected = g.line().apply(b);
        Report.Validate v = b.validate();
        assertThat(v.errors()).extracting(b::line).containsExactly(expected);
        assertThat(v.site()).isEmpty();
        Report.Generate r = b.generate();
        assertThat(r.errors()).extracting(b::line).containsExactly(expected);
        assertThat(r.write()).isEmpty();
        assertThat(b.out).doesNotExist();
        Report.Check c = b.check();
        assertThat(c.errors()).extracting(b::line).containsExactly(expected);
        assertThat(c.drift()).isEmpty();
    }

    static Stream<Arguments> warnings() {
        String singleStack = "spec.kubernetes.podSubnets: 9 existing nodes keep a single-stack podCIDR"
                + " (kube-controller-manager never adds a family to a node that has one: cp-1, cp-2, cp-3, worker-1,"
                + " worker-2 and 4 more); with ";
        String until = " until each Node object is re-created (drain, kubectl delete node, rejoin)";
        return Stream.of(
                warning("host-local IPAM", b -> b.replace("cluster/calico-config.configmap.yaml",
                                "\"type\": \"calico-ipam\"", "\"type\": \"host-local\",\n              \"subnet\": \"usePodCidr\""),
                        "{ipv4: 10.244.0.0/16", singleStack + "host-local IPAM their pods get no address of the new family" + until),
                warning("kube-proxy's detectLocalMode NodeCIDR", b -> b.replace("cluster/kube-proxy.configmap.yaml",
                                "detectLocalMode: \"\"", "detectLocalMode: NodeCIDR"),
                        "{ipv4: 10.244.0.0/16", singleStack + "kube-proxy's detectLocalMode NodeCIDR their new family's traffic is"
                                + " not seen as local" + until),
                warning("the endpoint differs from kubeadm-config's", b -> b.edit(
                                "controlPlaneEndpoint: api.plant-north.example.com:6443",
                                "controlPlaneEndpoint: api2.plant-north.example.com:6443"),
                        "api2.plant-north", "spec.kubernetes.controlPlaneEndpoint: differs from the running cluster's"
                                + " api.plant-north.example.com:6443 (kubeadm-config): kubelets and kube-proxy keep dialing"
                                + " that one until their kubeconfigs change"),
                warning("CloudCore's dynamicController in the descriptor of a converted site",
                        b -> b.edit("    nodeLimit: 1000", "    nodeLimit: 1000\n    dynamicController: true"), "true\n",
                        "spec.cloudCore.dynamicController: applies to a CloudCore ConfigMap rendered from the descriptor;"
                                + " with spec.baseline the captured ConfigMap keeps its own dynamicController, so set it"
                                + " where CloudCore was installed (its Helm values)"),
                warning("CloudCore's iptablesManager in the descriptor of a converted site",
                        b -> b.edit("    nodeLimit: 1000", "    nodeLimit: 1000\n    iptablesManager: external"), "external",
                        "spec.cloudCore.iptablesManager: applies to a CloudCore ConfigMap rendered from the descriptor;"
                                + " with spec.baseline the captured ConfigMap keeps its own iptablesManager, so set it"
                                + " where CloudCore was installed (its Helm values)"),
                warning("kube-proxy runs in another mode", b -> b.edit("mode: ipvs", "mode: iptables"),
                        "iptables", "spec.kubernetes.kubeProxy.mode: is iptables but kube-proxy runs in ipvs mode; the"
                                + " conversion changes only clusterCIDR and keeps ipvs (set mode: ipvs to say so)"),
                warning("kube-proxy's mode left empty, which is iptables",
                        b -> b.replace("cluster/kube-proxy.configmap.yaml", "    mode: ipvs\n", "    mode: \"\"\n"),
                        "ipvs", "spec.kubernetes.kubeProxy.mode: is ipvs but kube-proxy runs in iptables mode (its"
                                + " config.conf leaves mode empty: kube-proxy's default); the conversion changes only"
                                + " clusterCIDR and keeps iptables (set mode: iptables to say so)"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("warnings")
    void warnedAboutAtTheDescriptorsFieldAndTheRunGoesOn(Guard g) throws Exception {
        Brownfield b = new Brownfield(dir);
        g.edit().accept(b);
        String expected = g.line().apply(b);
        Report.Validate v = b.validate();
        assertThat(v.errors()).isEmpty();
        assertThat(Descriptors.withoutMetricsWarningLine(v.warnings().stream().map(b::line).toList()))
                .filteredOn(l -> !l.contains(CERTIFICATES)).containsExactly(expected);
        Report.Generate r = b.generate();
        assertThat(r.ok()).as(r.summary()).isTrue();
        assertThat(r.warnings()).extracting(b::line).contains(expected);
        assertThat(b.tree()).containsKey("README.md");
    }

    @Test
    void calicoIpamAndKubeProxysDefaultDetectLocalModeGiveNoSingleStackWarning() throws Exception {
        Brownfield b = new Brownfield(dir);
        assertThat(b.baselineText("cluster/calico-config.configmap.yaml")).contains("\"type\": \"calico-ipam\"");
        assertThat(Descriptors.withoutMetricsWarningLine(b.lines(b.validate()))).singleElement().asString()
                .contains(CERTIFICATES);
    }

    @Test
    void anEmptyKubeProxyModeIsIptablesAsTheDescriptorsDefault() throws Exception {
        Brownfield b = new Brownfield(dir).edit("    kubeProxy:\n      mode: ipvs\n", "")
                .replace("cluster/kube-proxy.configmap.yaml", "    mode: ipvs\n", "    mode: \"\"\n");
        assertThat(Descriptors.withoutMetricsWarningLine(b.lines(b.validate()))).singleElement().asString()
                .contains(CERTIFICATES);
    }

    /** Several control-plane nodes, no endpoint in the descriptor: kubeadm-config's is the site's, and no problem. */
    @Test
    void theEndpointOnlyInKubeadmConfigIsTakenFromIt() throws Exception {
        Brownfield b = new Brownfield(dir).edit("    controlPlaneEndpoint: api.plant-north.example.com:6443\n", "");
        assertThat(Descriptors.withoutMetricsWarningLine(b.lines(b.validate()))).singleElement().asString()
                .contains(CERTIFICATES);
        Report.Generate r = b.generate();
        assertThat(r.ok()).as(r.summary()).isTrue();
    }

    @Test
    void aRebuiltClusterMayChangeItsPrimaryFamily() throws Exception {
        Brownfield b = new Brownfield(dir).edit("ipFamilies: [IPv4, IPv6]", "ipFamilies: [IPv6, IPv4]")
                .edit("    directory: baseline\n", "    directory: baseline\n    rebuildingCluster: true\n");
        Report.Validate v = b.validate();
        assertThat(v.errors()).extracting(b::line).isEmpty();
        assertThat(v.site()).isPresent();
        assertThat(b.generated()).containsKey("nodes/cp-1/etc/kubernetes/manifests/kube-apiserver.yaml");
    }

    /**
     * kubeadm's local etcd listens on 127.0.0.1 unless the cluster was made with an IPv6 advertise address: the
     * endpoint is the captured manifest's, not one derived from the descriptor's family order.
     */
    @Test
    void theMergedApiServerKeepsTheCapturedEtcdServersWhateverTheDescriptorsFamilyOrder() throws Exception {
        Brownfield b = new Brownfield(dir).edit("ipFamilies: [IPv4, IPv6]", "ipFamilies: [IPv6, IPv4]")
                .edit("    directory: baseline\n", "    directory: baseline\n    rebuildingCluster: true\n");
        for (String cp : List.of("cp-1", "cp-2", "cp-3")) {
            String apiServer = b.generated().get("nodes/" + cp + "/etc/kubernetes/manifests/kube-apiserver.yaml");
            assertThat(apiServer).contains("    - --etcd-servers=https://127.0.0.1:2379\n")
                    .doesNotContain("[::1]:2379")
                    .contains("    - --service-cluster-ip-range=fd00:10:96::/112,10.96.0.0/12\n");
        }
    }
}
