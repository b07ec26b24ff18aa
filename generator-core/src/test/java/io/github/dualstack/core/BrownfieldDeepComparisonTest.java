package io.github.dualstack.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * For realistic baselines, a deep comparison of each captured object and the generated one differs in the managed
 * fields alone: every generated file whose header says it is "The captured …" is parsed beside that captured
 * file, and the set of fields at which the two differ ({@link DeepDiff}) is exactly what the conversion changes,
 * plus the server's fields ({@code status}, uid, resourceVersion, creationTimestamp, managedFields, the
 * last-applied annotation) removed from cluster objects. Each variant of the sample's baseline is also checked
 * against the managed set of each kind, so no variant changes a field of the site's own.
 */
class BrownfieldDeepComparisonTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern CAPTURED = Pattern.compile("^# The captured \"([^\"]+)\" with only the fields", Pattern.MULTILINE);

    private static final String APISERVER = "etc/kubernetes/manifests/kube-apiserver.yaml";
    private static final String KCM = "etc/kubernetes/manifests/kube-controller-manager.yaml";
    private static final String KUBE_PROXY = "cluster/kube-system/kube-proxy.configmap.yaml";
    private static final String CALICO_CONFIG = "cluster/kube-system/calico-config.configmap.yaml";
    private static final String KUBEADM_CONFIG = "cluster/kube-system/kubeadm-config.configmap.yaml";
    private static final String CLOUDCORE_CONFIG = "cluster/kubeedge/cloudcore.configmap.yaml";
    private static final String CLOUDCORE_SERVICE = "cluster/kubeedge/cloudcore.service.yaml";
    private static final String EDGECORE = "etc/kubeedge/config/edgecore.yaml";
    private static final List<String> CONTROL_PLANE = List.of("cp-1", "cp-2", "cp-3");
    private static final List<String> EDGES = List.of("edge-0001", "edge-0002", "edge-0003", "edge-0004");

    /** What the API server wrote into each captured cluster object of the sample, removed from the generated one. */
    private static final List<String> SERVER = List.of("- metadata.creationTimestamp", "- metadata.resourceVersion",
            "- metadata.uid");

    private static final String KCM_COMMAND = "spec.containers[kube-controller-manager].command";
    private static final String CLUSTER_CONFIGURATION = "data.ClusterConfiguration: ";

    @TempDir
    Path dir;

    // ---- the managed set of each kind: what any conversion may change

    private static final String SERVER_FIELDS = "- (metadata\\.(uid|resourceVersion|generation|creationTimestamp"
            + "|managedFields|selfLink)|metadata\\.annotations\\[\"(kubectl\\.kubernetes\\.io/last-applied-configuration"
            + "|deprecated\\.daemonset\\.template\\.generation|deployment\\.kubernetes\\.io/revision)\"\\]|status)";

    private enum Kind {
        KUBE_APISERVER("nodes/[^/]+/" + APISERVER,
                "[~+-] spec\\.containers\\[kube-apiserver\\]\\.command\\[--service-cluster-ip-range\\]"),
        KUBE_CONTROLLER_MANAGER("nodes/[^/]+/" + KCM, "[~+-] spec\\.containers\\[kube-controller-manager\\]\\.command"
                + "\\[--(cluster-cidr|service-cluster-ip-range|node-cidr-mask-size|node-cidr-mask-size-ipv4"
                + "|node-cidr-mask-size-ipv6)\\]"),
        KUBE_PROXY_CONFIGMAP(KUBE_PROXY, SERVER_FIELDS, "~ data\\[\"config\\.conf\"\\]: clusterCIDR"),
        CALICO_CONFIGMAP(CALICO_CONFIG, SERVER_FIELDS,
                "[~+] data\\.cni_network_config: plugins\\[calico\\]\\.ipam\\.assign_ipv[46]"),
        CLOUDCORE_CONFIGMAP(CLOUDCORE_CONFIG, SERVER_FIELDS, "[~+] data\\[\"cloudcore\\.yaml\"\\]: ("
                + "modules\\.cloudHub\\.(advertiseAddress|dnsNames|nodeLimit)|kubeAPIConfig\\.(qps|burst)"
                + "|modules\\.edgeController\\.load\\.(queryNodeWorkers|patchNodeWorkers|createLeaseWorkers)"
                + "|modules\\.edgeController\\.buffer\\.(patchNode|queryNode|createLease))"),
        CLOUDCORE_SVC(CLOUDCORE_SERVICE, SERVER_FIELDS, "[~+] spec\\.(ipFamilies|ipFamilyPolicy)",
                "[~+] spec\\.ports\\[[a-z-]+\\](\\.(port|protocol|targetPort|nodePort))?"),
        EDGECORE_CONFIG("edge/[^/]+/" + EDGECORE, "[~+] modules\\.(edged\\.(nodeIP|hostnameOverride)"
                + "|edgeHub\\.(httpServer|websocket\\.server|quic\\.server)|edgeStream\\.server)"),
        KUBEADM_CLUSTER_CONFIGURATION(KUBEADM_CONFIG, SERVER_FIELDS,
                "[~+] data\\.ClusterConfiguration: networking\\.(podSubnet|serviceSubnet)",
                "[~+-] data\\.ClusterConfiguration: (apiServer|controllerManager)\\.extraArgs(\\[[^\\]]+\\]|\\.[a-z0-9-]+)",
                "[~+] data\\.ClusterConfiguration: (apiServer|controllerManager)\\.extraVolumes(\\[[^\\]]+\\].*)?",
                "[~+] data\\.ClusterConfiguration: apiServer\\.certSANs");

        final Pattern path;
        final List<Pattern> managed = new ArrayList<>();

        Kind(String path, String... managed) {
            this.path = Pattern.compile(path);
            for (String m : managed) {
                this.managed.add(Pattern.compile(m));
            }
        }

        static Kind of(String generated) {
            for (Kind k : values()) {
                if (k.path.matcher(generated).matches()) {
                    return k;
                }
            }
            throw new AssertionError("a merged file of no known kind: " + generated);
        }

        boolean manages(String entry) {
            return managed.stream().anyMatch(p -> p.matcher(entry).matches());
        }
    }

    // ---- the comparison

    /** A generated merged file: what it was merged from, both parsed, and the fields its header lists. */
    private record MergedFile(String path, String source, JsonNode captured, JsonNode generated, List<String> header) {
        Set<String> differences() {
            return DeepDiff.of(captured, generated);
        }
    }

    private static Map<String, MergedFile> merged(Brownfield b, Map<String, String> tree) {
        Map<String, MergedFile> out = new TreeMap<>();
        tree.forEach((path, text) -> {
            Matcher m = CAPTURED.matcher(text);
            if (!m.find()) {
                return;
            }
            String source = m.group(1);
            List<String> header = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (line.startsWith("#   ")) {
                    header.add(line.substring(4).replaceAll("^\"(.*)\"$", "$1"));
                } else if (!line.startsWith("#")) {
                    break;
                }
            }
            out.put(path, new MergedFile(path, source, yaml(Brownfield.read(b.root.resolve(source))), yaml(text), header));
        });
        return out;
    }

    private static JsonNode yaml(String text) {
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The generated merged files are exactly {@code expected}'s, each differs from its capture in exactly the
     * expected fields, all of them in the managed set of its kind, and its header lists changes exactly when one
     * of them is a managed field.
     */
    private static Map<String, MergedFile> assertDiffers(Brownfield b, Map<String, Set<String>> expected)
            throws DualstackException {
        Map<String, MergedFile> merged = merged(b, b.generated());
        assertThat(merged.keySet()).as("the merged files").containsExactlyInAnyOrderElementsOf(expected.keySet());
        Map<String, Set<String>> actual = new TreeMap<>();
        merged.forEach((path, f) -> actual.put(path, f.differences()));
        assertThat(actual).isEqualTo(expected);
        for (MergedFile f : merged.values()) {
            Kind kind = Kind.of(f.path());
            assertThat(f.differences()).as("%s (%s): the fields outside the managed set of %s", f.path(), f.source(), kind)
                    .filteredOn(e -> !kind.manages(e)).isEmpty();
            boolean changed = f.differences().stream().anyMatch(e -> !e.matches(SERVER_FIELDS));
            assertThat(f.header().isEmpty()).as("%s: its header lists changes: %s", f.path(), f.header())
                    .isEqualTo(!changed);
        }
        return merged;
    }

    /** The merged files of the sample and how each differs from its capture. */
    private static Map<String, Set<String>> sample() {
        Map<String, Set<String>> e = new TreeMap<>();
        for (String cp : CONTROL_PLANE) {
            e.put("nodes/" + cp + "/" + APISERVER, Set.of("~ spec.containers[kube-apiserver].command[--service-cluster-ip-range]"));
            e.put("nodes/" + cp + "/" + KCM, Set.of("~ " + KCM_COMMAND + "[--cluster-cidr]",
                    "~ " + KCM_COMMAND + "[--service-cluster-ip-range]", "- " + KCM_COMMAND + "[--node-cidr-mask-size]",
                    "+ " + KCM_COMMAND + "[--node-cidr-mask-size-ipv4]", "+ " + KCM_COMMAND + "[--node-cidr-mask-size-ipv6]"));
        }
        e.put(KUBE_PROXY, server("~ data[\"config.conf\"]: clusterCIDR"));
        e.put(CALICO_CONFIG, server("- metadata.annotations[\"kubectl.kubernetes.io/last-applied-configuration\"]",
                "+ data.cni_network_config: plugins[calico].ipam.assign_ipv4",
                "+ data.cni_network_config: plugins[calico].ipam.assign_ipv6"));
        e.put(CLOUDCORE_CONFIG, server("~ data[\"cloudcore.yaml\"]: modules.cloudHub.advertiseAddress"));
        e.put(CLOUDCORE_SERVICE, server("- status", "~ spec.ipFamilies", "~ spec.ipFamilyPolicy"));
        e.put(KUBEADM_CONFIG, server("~ " + CLUSTER_CONFIGURATION + "networking.podSubnet",
                "~ " + CLUSTER_CONFIGURATION + "networking.serviceSubnet",
                "- " + CLUSTER_CONFIGURATION + "controllerManager.extraArgs[node-cidr-mask-size]",
                "+ " + CLUSTER_CONFIGURATION + "controllerManager.extraArgs[node-cidr-mask-size-ipv4]",
                "+ " + CLUSTER_CONFIGURATION + "controllerManager.extraArgs[node-cidr-mask-size-ipv6]",
                "~ " + CLUSTER_CONFIGURATION + "apiServer.certSANs"));
        for (String edge : EDGES) {
            // edge-0001's is the fleet's default file, edge-0003 has its own: both name the node already
            e.put("edge/" + edge + "/" + EDGECORE, edge.equals("edge-0001") || edge.equals("edge-0003")
                    ? Set.of("+ modules.edged.nodeIP") : Set.of("+ modules.edged.nodeIP", "~ modules.edged.hostnameOverride"));
        }
        return e;
    }

    private static Set<String> server(String... more) {
        Set<String> s = new TreeSet<>(SERVER);
        s.addAll(List.of(more));
        return s;
    }

    private static JsonNode embedded(MergedFile f, String key) {
        return yaml(f.generated().path("data").path(key).asText());
    }

    // ---- the sample and its variants

    @Test
    void theSampleDiffersFromItsBaselineInTheManagedFieldsAlone() throws Exception {
        Brownfield b = new Brownfield(dir);
        Map<String, MergedFile> merged = assertDiffers(b, sample());
        JsonNode conf = embedded(merged.get(KUBE_PROXY), "config.conf");
        assertThat(conf.path("clusterCIDR").asText()).isEqualTo("10.244.0.0/16,fd00:10:244::/56");
        assertThat(conf.path("mode").asText()).isEqualTo("ipvs");
        assertThat(conf.path("ipvs").path("strictARP").asBoolean()).isTrue();
        JsonNode svc = merged.get(CLOUDCORE_SERVICE).generated();
        assertThat(svc.path("spec").path("ipFamilies")).extracting(JsonNode::asText).containsExactly("IPv4", "IPv6");
        assertThat(svc.path("spec").path("ipFamilyPolicy").asText()).isEqualTo("PreferDualStack");
        assertThat(svc.path("spec").path("clusterIP").asText()).isEqualTo("10.107.81.23");
        // the captured header lines list what changed, in the words of the merge
        assertThat(merged.get(KUBEADM_CONFIG).header()).contains("apiServer.certSANs: 2001:db8:1::11 (added)",
                "controllerManager.extraArgs.node-cidr-mask-size (removed)");
    }

    @Test
    void aKubeadmV1beta3ClusterConfigurationKeepsItsMapFormExtraArgs() throws Exception {
        Brownfield b = new Brownfield(dir);
        String cm = b.baselineText("cluster/kubeadm-config.configmap.yaml");
        String v1beta3 = cm.replace("apiVersion: kubeadm.k8s.io/v1beta4", "apiVersion: kubeadm.k8s.io/v1beta3")
                .replace("    caCertificateValidityPeriod: 87600h0m0s\n", "")
                .replace("    certificateValidityPeriod: 8760h0m0s\n", "")
                .replace("    encryptionAlgorithm: RSA-2048\n", "")
                .replace("""
                              extraArgs:
                              - name: audit-log-maxage
                                value: "30"
                              - name: audit-log-maxbackup
                                value: "10"
                              - name: audit-log-maxsize
                                value: "100"
                              - name: audit-log-path
                                value: /var/log/kubernetes/audit/audit.log
                              - name: audit-policy-file
                                value: /etc/kubernetes/audit-policy.yaml
                              - name: encryption-provider-config
                                value: /etc/kubernetes/enc/encryption-config.yaml
                        """, """
                              extraArgs:
                                audit-log-maxage: "30"
                                audit-log-maxbackup: "10"
                                audit-log-maxsize: "100"
                                audit-log-path: /var/log/kubernetes/audit/audit.log
                                audit-policy-file: /etc/kubernetes/audit-policy.yaml
                                encryption-provider-config: /etc/kubernetes/enc/encryption-config.yaml
                        """)
                .replace("""
                              extraArgs:
                              - name: node-cidr-mask-size
                                value: "24"
                        """, """
                              extraArgs:
                                node-cidr-mask-size: "24"
                        """);
        assertThat(v1beta3).contains("v1beta3", "    audit-log-maxage: \"30\"", "    node-cidr-mask-size: \"24\"")
                .doesNotContain("- name: ", "encryptionAlgorithm");
        b.writeBaseline("cluster/kubeadm-config.configmap.yaml", v1beta3);

        Map<String, Set<String>> expected = sample();
        expected.put(KUBEADM_CONFIG, server("~ " + CLUSTER_CONFIGURATION + "networking.podSubnet",
                "~ " + CLUSTER_CONFIGURATION + "networking.serviceSubnet",
                "- " + CLUSTER_CONFIGURATION + "controllerManager.extraArgs.node-cidr-mask-size",
                "+ " + CLUSTER_CONFIGURATION + "controllerManager.extraArgs.node-cidr-mask-size-ipv4",
                "+ " + CLUSTER_CONFIGURATION + "controllerManager.extraArgs.node-cidr-mask-size-ipv6",
                "~ " + CLUSTER_CONFIGURATION + "apiServer.certSANs"));
        JsonNode conf = embedded(assertDiffers(b, expected).get(KUBEADM_CONFIG), "ClusterConfiguration");
        assertThat(conf.path("apiVersion").asText()).isEqualTo("kubeadm.k8s.io/v1beta3");
        assertThat(conf.path("controllerManager").path("extraArgs").isObject()).isTrue();
        assertThat(conf.path("controllerManager").path("extraArgs").path("node-cidr-mask-size-ipv6").asText()).isEqualTo("64");
        assertThat(conf.path("apiServer").path("extraArgs").path("audit-log-maxage").asText()).isEqualTo("30");
    }

    @Test
    void aCalicoVxlanBackendKeepsItsBackendAndGetsFelixOnlyProbes() throws Exception {
        Brownfield b = new Brownfield(dir)
                .edit("encapsulation: IPIP}", "encapsulation: VXLAN}")
                .edit("encapsulation: None}", "encapsulation: VXLAN}")
                .replace("cluster/calico-config.configmap.yaml", "  calico_backend: bird\n", "  calico_backend: vxlan\n")
                .replace("cluster/calico-node.daemonset.yaml", "            - -bird-live\n", "")
                .replace("cluster/calico-node.daemonset.yaml", "            - -bird-ready\n", "")
                .replace("cluster/calico-node.daemonset.yaml", "          value: k8s,bgp\n", "          value: k8s\n")
                .replace("cluster/calico-node.daemonset.yaml", "- name: CALICO_IPV4POOL_IPIP\n          value: Always",
                        "- name: CALICO_IPV4POOL_IPIP\n          value: Never")
                .replace("cluster/calico-node.daemonset.yaml", "- name: CALICO_IPV4POOL_VXLAN\n          value: Never",
                        "- name: CALICO_IPV4POOL_VXLAN\n          value: Always")
                .replace("cluster/calico.ippools.yaml", "ipipMode: Always", "ipipMode: Never")
                .replace("cluster/calico.ippools.yaml", "vxlanMode: Never", "vxlanMode: Always");
        Map<String, MergedFile> merged = assertDiffers(b, sample());
        assertThat(merged.get(CALICO_CONFIG).generated().path("data").path("calico_backend").asText()).isEqualTo("vxlan");
        JsonNode patch = yaml(b.tree().get("cluster/kube-system/calico-node.patch.yaml"));
        JsonNode node = patch.path("spec").path("template").path("spec").path("containers").path(0);
        assertThat(node.path("livenessProbe").path("exec").path("command")).extracting(JsonNode::asText)
                .containsExactly("/bin/calico-node", "-felix-live");
        assertThat(node.path("readinessProbe").path("exec").path("command")).extracting(JsonNode::asText)
                .containsExactly("/bin/calico-node", "-felix-ready");
        assertThat(b.tree().get("cluster/kube-system/calico-node.patch.yaml")).doesNotContain("bird");
        assertThat(b.tree().get("cluster/kube-system/calico.ippools.yaml")).contains("vxlanMode: \"Always\"");
    }

    /**
     * A site captured again once converted: every merged object is already what the descriptor asks for, so the
     * merge changes nothing, each header says so, and no certificate is renewed.
     */
    @Test
    void aSiteCapturedAfterItsConversionNeedsNothingMore() throws Exception {
        Brownfield b = new Brownfield(dir);
        Map<String, String> first = b.generated();
        Map<String, String> copies = new TreeMap<>(Map.of(
                KUBEADM_CONFIG, "cluster/kubeadm-config.configmap.yaml",
                KUBE_PROXY, "cluster/kube-proxy.configmap.yaml",
                CALICO_CONFIG, "cluster/calico-config.configmap.yaml",
                CLOUDCORE_CONFIG, "cluster/cloudcore.configmap.yaml",
                CLOUDCORE_SERVICE, "cluster/cloudcore.service.yaml"));
        for (String cp : CONTROL_PLANE) {
            copies.put("nodes/" + cp + "/" + APISERVER, "control-plane/" + cp + "/kube-apiserver.yaml");
            copies.put("nodes/" + cp + "/" + KCM, "control-plane/" + cp + "/kube-controller-manager.yaml");
            b.replace("control-plane/" + cp + "/apiserver.sans.txt", "IP Address:192.0.2.13", "IP Address:192.0.2.13,"
                    + " IP Address:2001:DB8:1:0:0:0:0:11, IP Address:2001:DB8:1:0:0:0:0:12, IP Address:2001:DB8:1:0:0:0:0:13");
        }
        for (String edge : EDGES) {
            copies.put("edge/" + edge + "/" + EDGECORE, "edge/" + edge + "/edgecore.yaml");
        }
        copies.forEach((generated, captured) -> b.writeBaseline(captured, first.get(generated)));
        String pool = yaml(first.get("cluster/kube-system/calico.ippools.yaml")).toString();
        b.replace("cluster/calico.ippools.yaml", "kind: List\n", "- " + pool + "\nkind: List\n");

        Map<String, Set<String>> expected = new TreeMap<>();
        copies.keySet().forEach(path -> expected.put(path, Set.of()));
        Map<String, MergedFile> merged = assertDiffers(b, expected);
        assertThat(merged.values()).allSatisfy(f -> assertThat(b.tree().get(f.path()))
                .contains("\n# Nothing needed to change.\n"));
        assertThat(b.tree()).doesNotContainKey("cluster/kube-system/calico.ippools.yaml");
        assertThat(b.tree().get("README.md")).doesNotContain("The API server certificate of");
    }

    /** A descriptor that restates the flags and volumes the site runs with changes nothing more. */
    @Test
    void aDescriptorThatRestatesTheCapturedFlagsAndVolumesChangesNothingMore() throws Exception {
        Brownfield b = new Brownfield(dir).edit("    kubeProxy:\n", String.join("\n",
                "    apiServer:",
                "      extraArgs:",
                "        audit-log-maxage: \"30\"",
                "        audit-log-maxbackup: \"10\"",
                "        audit-log-maxsize: \"100\"",
                "        audit-log-path: /var/log/kubernetes/audit/audit.log",
                "        audit-policy-file: /etc/kubernetes/audit-policy.yaml",
                "        encryption-provider-config: /etc/kubernetes/enc/encryption-config.yaml",
                "      extraVolumes:",
                "        - {name: audit-policy, hostPath: /etc/kubernetes/audit-policy.yaml,"
                        + " mountPath: /etc/kubernetes/audit-policy.yaml, readOnly: true, pathType: File}",
                "        - {name: audit-log, hostPath: /var/log/kubernetes/audit, mountPath: /var/log/kubernetes/audit,"
                        + " pathType: DirectoryOrCreate}",
                "        - {name: enc, hostPath: /etc/kubernetes/enc, mountPath: /etc/kubernetes/enc, readOnly: true,"
                        + " pathType: DirectoryOrCreate}",
                "    kubeProxy:\n"));
        assertThat(Descriptors.withoutMetricsWarningLine(b.lines(b.validate())))
                .filteredOn(l -> !l.contains("spec.cloudCore.regenerateCertificates")).isEmpty();
        assertDiffers(b, sample());
    }

    /**
     * CloudCore raises a worker count or buffer below what its nodeLimit needs and leaves a higher one alone
     * (AdjustCloudCoreConfig), so a site's higher value is its own and stays; qps and burst are set to their formula.
     */
    @Test
    void cloudCoreTuningChangesOnlyWhatCloudCoreWouldAdjust() throws Exception {
        String cm = "cluster/cloudcore.configmap.yaml";
        Brownfield b = new Brownfield(dir).replace(cm, "queryNodeWorkers: 1000", "queryNodeWorkers: 4000")
                .replace(cm, "patchNode: 1524", "patchNode: 3000")
                .replace(cm, "qps: 5000", "qps: 2500");
        Map<String, Set<String>> expected = sample();
        expected.put(CLOUDCORE_CONFIG, server("~ data[\"cloudcore.yaml\"]: modules.cloudHub.advertiseAddress",
                "~ data[\"cloudcore.yaml\"]: kubeAPIConfig.qps"));
        JsonNode conf = embedded(assertDiffers(b, expected).get(CLOUDCORE_CONFIG), "cloudcore.yaml");
        assertThat(conf.at("/modules/edgeController/load/queryNodeWorkers").asInt()).isEqualTo(4000);
        assertThat(conf.at("/modules/edgeController/buffer/patchNode").asInt()).isEqualTo(3000);
        assertThat(conf.at("/kubeAPIConfig/qps").asInt()).isEqualTo(5000);

        b.edit("nodeLimit: 1000", "nodeLimit: 3000");
        String t = "~ data[\"cloudcore.yaml\"]: ";
        expected.put(CLOUDCORE_CONFIG, server(t + "modules.cloudHub.advertiseAddress", t + "modules.cloudHub.nodeLimit",
                t + "kubeAPIConfig.qps", t + "kubeAPIConfig.burst", t + "modules.edgeController.load.patchNodeWorkers",
                t + "modules.edgeController.load.createLeaseWorkers", t + "modules.edgeController.buffer.queryNode",
                t + "modules.edgeController.buffer.createLease"));
        conf = embedded(assertDiffers(b, expected).get(CLOUDCORE_CONFIG), "cloudcore.yaml");
        assertThat(conf.at("/modules/edgeController/load/queryNodeWorkers").asInt()).isEqualTo(4000);
        assertThat(conf.at("/modules/edgeController/load/createLeaseWorkers").asInt()).isEqualTo(3000);
        assertThat(conf.at("/modules/edgeController/buffer/patchNode").asInt()).isEqualTo(3000);
        assertThat(conf.at("/kubeAPIConfig/burst").asInt()).isEqualTo(30000);
    }

    @Test
    void aKubeProxyInNftablesModeStaysInIt() throws Exception {
        Brownfield b = new Brownfield(dir).edit("mode: ipvs", "mode: nftables")
                .replace("cluster/kube-proxy.configmap.yaml", "    mode: ipvs\n", "    mode: nftables\n");
        Map<String, MergedFile> merged = assertDiffers(b, sample());
        JsonNode conf = embedded(merged.get(KUBE_PROXY), "config.conf");
        assertThat(conf.path("mode").asText()).isEqualTo("nftables");
        assertThat(conf.path("clusterCIDR").asText()).isEqualTo("10.244.0.0/16,fd00:10:244::/56");
        assertThat(b.validate().problems()).extracting(Problem::path).doesNotContain("spec.kubernetes.kubeProxy.mode");
    }

    @Test
    void anEdgeWithoutACapturedEdgecoreGetsAGeneratedOne() throws Exception {
        Brownfield b = new Brownfield(dir).delete("edge/edgecore.yaml");
        Map<String, Set<String>> expected = sample();
        for (String edge : List.of("edge-0001", "edge-0002", "edge-0004")) {
            expected.remove("edge/" + edge + "/" + EDGECORE);
        }
        assertDiffers(b, expected);
        String generated = b.tree().get("edge/edge-0002/" + EDGECORE);
        assertThat(generated).doesNotContain("The captured").contains("nodeIP: \"198.51.100.102,2001:db8:2::102\"",
                "hostnameOverride: \"edge-0002\"", "server: \"192.0.2.11:10000\"");
        assertThat(b.tree().get("edge/edge-0003/" + EDGECORE)).contains("The captured \"baseline/edge/edge-0003/edgecore.yaml\"");
        Report.Check check = b.check();
        assertThat(check.ok()).as(check.summary()).isTrue();
    }

    @Test
    void anIpv6PrimaryClusterBecomesDualStackIpv6Primary() throws Exception {
        Brownfield b = ipv6Primary(new Brownfield(dir));
        // the running cluster is IPv6-primary already: no guard objects, only the descriptor's own warnings
        assertThat(b.validate().problems()).extracting(Problem::severity, Problem::path).containsExactly(
                org.assertj.core.api.Assertions.tuple(Problem.Severity.WARNING, "spec.ipFamilies"),
                org.assertj.core.api.Assertions.tuple(Problem.Severity.WARNING, "spec.cloudCore.regenerateCertificates"));

        Map<String, Set<String>> expected = sample();
        expected.put(CALICO_CONFIG, server("- metadata.annotations[\"kubectl.kubernetes.io/last-applied-configuration\"]",
                "~ data.cni_network_config: plugins[calico].ipam.assign_ipv4"));
        Map<String, MergedFile> merged = assertDiffers(b, expected);

        JsonNode command = merged.get("nodes/cp-2/" + APISERVER).generated().path("spec").path("containers").path(0)
                .path("command");
        assertThat(command).extracting(JsonNode::asText).contains("--service-cluster-ip-range=fd00:10:96::/112,10.96.0.0/12",
                "--etcd-servers=https://[::1]:2379", "--advertise-address=2001:db8:1::12");
        assertThat(embedded(merged.get(KUBE_PROXY), "config.conf").path("clusterCIDR").asText())
                .isEqualTo("fd00:10:244::/56,10.244.0.0/16");
        assertThat(merged.get(CLOUDCORE_SERVICE).generated().path("spec").path("ipFamilies"))
                .extracting(JsonNode::asText).containsExactly("IPv6", "IPv4");
        assertThat(embedded(merged.get(CLOUDCORE_CONFIG), "cloudcore.yaml").path("modules").path("cloudHub")
                .path("advertiseAddress")).extracting(JsonNode::asText).containsExactly("2001:db8:1::11", "192.0.2.11");
        JsonNode edged = merged.get("edge/edge-0002/" + EDGECORE).generated().path("modules").path("edged");
        assertThat(edged.path("nodeIP").asText()).isEqualTo("2001:db8:2::102,198.51.100.102");
        assertThat(merged.get("edge/edge-0002/" + EDGECORE).generated().path("modules").path("edgeHub")
                .path("websocket").path("server").asText()).isEqualTo("[2001:db8:1::11]:10000");
        assertThat(b.tree().get("cluster/kube-system/calico.ippools.yaml")).contains("name: \"default-ipv4-ippool\"",
                "cidr: \"10.244.0.0/16\"").doesNotContain("default-ipv6-ippool");
    }

    /**
     * The sample as if it had been built IPv6-only: every captured IPv4 address, range and pool its IPv6
     * counterpart (etcd on [::1], as kubeadm makes it with an IPv6 advertise address), and the descriptor
     * IPv6-primary with the same values.
     */
    static Brownfield ipv6Primary(Brownfield b) {
        b.rewriteAll(text -> text
                        .replaceAll("(?m)^ *projectcalico\\.org/IPv4(Address|IPIPTunnelAddr): .*\n", "")
                        .replaceAll("https://127\\.0\\.0\\.1:2379", "https://[::1]:2379")
                        .replaceAll(": 192\\.0\\.2\\.(\\d+):(\\d+)\n", ": \"[2001:db8:1::$1]:$2\"\n")
                        .replaceAll("192\\.0\\.2\\.(\\d+):(\\d+)", "[2001:db8:1::$1]:$2")
                        .replaceAll("192\\.0\\.2\\.(\\d+)", "2001:db8:1::$1")
                        .replaceAll("198\\.51\\.100\\.(\\d+)", "2001:db8:2::$1")
                        .replace("10.244.0.0/16", "fd00:10:244::/56")
                        .replaceAll("10\\.244\\.(\\d+)\\.0/24", "fd00:10:244:$1::/64")
                        .replace("10.96.0.0/12", "fd00:10:96::/112")
                        .replace("10.96.0.10", "fd00:10:96::a")
                        .replace("10.96.0.1", "fd00:10:96::1")
                        .replace("10.107.81.23", "fd00:10:96::5117")
                        .replace("- IPv4\n", "- IPv6\n"))
                .replace("control-plane/cp-1/kube-controller-manager.yaml", "--node-cidr-mask-size=24", "--node-cidr-mask-size=64")
                .replace("control-plane/cp-2/kube-controller-manager.yaml", "--node-cidr-mask-size=24", "--node-cidr-mask-size=64")
                .replace("control-plane/cp-3/kube-controller-manager.yaml", "--node-cidr-mask-size=24", "--node-cidr-mask-size=64")
                .replace("cluster/kubeadm-config.configmap.yaml", "value: \"24\"", "value: \"64\"")
                .replace("cluster/kube-proxy.configmap.yaml", "bindAddress: 0.0.0.0\n", "bindAddress: '::'\n")
                .replace("cluster/calico-config.configmap.yaml", "\"type\": \"calico-ipam\"",
                        "\"type\": \"calico-ipam\",\n            \"assign_ipv4\": \"false\",\n            \"assign_ipv6\": \"true\"")
                .replace("cluster/calico-node.daemonset.yaml", "- name: IP\n          value: autodetect",
                        "- name: IP\n          value: none\n        - name: IP6\n          value: autodetect")
                .replace("cluster/calico-node.daemonset.yaml", "- name: IP_AUTODETECTION_METHOD",
                        "- name: IP6_AUTODETECTION_METHOD")
                .replace("cluster/calico-node.daemonset.yaml", "- name: CALICO_IPV4POOL_CIDR", "- name: CALICO_IPV6POOL_CIDR")
                .replace("cluster/calico-node.daemonset.yaml", "- name: FELIX_IPV6SUPPORT\n          value: \"false\"",
                        "- name: FELIX_IPV6SUPPORT\n          value: \"true\"")
                .replace("cluster/calico.ippools.yaml", "name: default-ipv4-ippool", "name: default-ipv6-ippool")
                .replace("cluster/calico.ippools.yaml", "blockSize: 26", "blockSize: 122")
                .replace("cluster/calico.ippools.yaml", "ipipMode: Always", "ipipMode: Never");
        assertThat(b.baselineText("cluster/nodes.yaml")).doesNotContain("192.0.2.", "10.244.");
        return b.edit("ipFamilies: [IPv4, IPv6]", "ipFamilies: [IPv6, IPv4]")
                .edit("advertiseAddresses: [192.0.2.11, \"2001:db8:1::11\"]", "advertiseAddresses: [\"2001:db8:1::11\", 192.0.2.11]")
                .edit("hubFamily: IPv4 ", "hubFamily: IPv6 ");
    }
}
