package io.github.dualstack.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.dualstack.fixtures.TreeCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calico installed by the Tigera operator ({@code spec.calico.installedBy: operator}): the Installation instead of
 * calico-config and the calico-node patch, for a new site and over a running site's captured Installation, whose
 * fields are all kept, with the guards that refuse what the operator cannot take after install.
 */
class CalicoOperatorTest {

    private static final Path SMALL = Path.of("src", "test", "resources", "baselines", "small");
    private static final Path INSTALLATION = Path.of("src", "test", "resources", "baselines", "operator",
            "calico.installation.yaml");
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String OPERATOR = "    installedBy: operator";
    private static final String INSTALLATION_FILE = "cluster/calico.installation.yaml";

    @TempDir
    Path tmp;
    private Path dir;
    private int runs;

    // ---------------------------------------------------------------- a new site

    @Test
    void aNewSiteGetsTheInstallationAndNothingForCalicoNode() throws Exception {
        Path out = generate(Descriptors.Base.DUAL.edit().after(16, OPERATOR).text());
        assertThat(out.resolve("cluster/kube-system/calico-config.configmap.yaml")).doesNotExist();
        assertThat(out.resolve("cluster/kube-system/calico-node.patch.yaml")).doesNotExist();
        assertThat(out.resolve("cluster/kube-system/calico.ippools.yaml")).doesNotExist();

        JsonNode inst = read(out.resolve(INSTALLATION_FILE));
        assertThat(inst.path("apiVersion").asText()).isEqualTo("operator.tigera.io/v1");
        assertThat(inst.path("kind").asText()).isEqualTo("Installation");
        assertThat(inst.path("metadata").path("name").asText()).isEqualTo("default");
        JsonNode net = inst.path("spec").path("calicoNetwork");
        assertThat(net.path("ipPools")).hasSize(2);
        assertThat(net.path("ipPools").get(0).toString()).isEqualTo("{\"blockSize\":26,\"cidr\":\"10.244.0.0/16\","
                + "\"encapsulation\":\"IPIP\",\"name\":\"default-ipv4-ippool\",\"natOutgoing\":\"Enabled\","
                + "\"nodeSelector\":\"all()\"}");
        assertThat(net.path("ipPools").get(1).path("cidr").asText()).isEqualTo("fd00:10:244::/56");
        assertThat(net.path("ipPools").get(1).path("encapsulation").asText()).isEqualTo("None");
        assertThat(net.path("nodeAddressAutodetectionV4").toString()).isEqualTo("{\"interface\":\"^eth0$\"}");
        assertThat(net.path("nodeAddressAutodetectionV6").toString()).isEqualTo("{\"interface\":\"^eth0$\"}");
        assertThat(terms(inst)).isEqualTo("[{\"matchExpressions\":[{\"key\":\"node-role.kubernetes.io/edge\","
                + "\"operator\":\"DoesNotExist\"}]}]");
        assertThat(inst.has("status")).isFalse();

        assertThat(Files.readString(out.resolve("cluster/kustomization.yaml"))).contains("- \"calico.installation.yaml\"");
        assertThat(Files.readString(out.resolve("scripts/verify.sh")))
                .contains("KEPT_OFF_EDGE=(kube-system/kube-proxy calico-system/calico-node)");
        String runbook = Files.readString(out.resolve("README.md"));
        assertThat(runbook).contains("`cluster/calico.installation.yaml` is the\noperator's `Installation` `default`")
                .contains("kubectl wait --for=condition=Available tigerastatus/calico --timeout=10m")
                .contains("calico-node's affinity is part of the Calico operator's Installation, applied in step 4.")
                .doesNotContain("calico-node.patch.yaml").doesNotContain("calico-system calico-node\n");
    }

    @Test
    void autodetectionIsTranslatedToTheOperatorsFieldsAndOnlyTheSitesFamiliesGetOne() throws Exception {
        Path out = generate(Descriptors.Base.IPV6_ONLY.text().replace("  calico:\n",
                "  calico:\n" + OPERATOR + "\n    autodetection: {ipv6: \"cidr=2001:db8::/64,2001:db8:1::/64\"}\n"));
        JsonNode net = read(out.resolve(INSTALLATION_FILE)).path("spec").path("calicoNetwork");
        assertThat(net.has("nodeAddressAutodetectionV4")).as("IPv4 off: the operator sets IP=none").isFalse();
        assertThat(net.path("nodeAddressAutodetectionV6").toString())
                .isEqualTo("{\"cidrs\":[\"2001:db8::/64\",\"2001:db8:1::/64\"]}");
        assertThat(net.path("ipPools")).hasSize(1);
        assertThat(net.path("ipPools").get(0).path("name").asText()).isEqualTo("default-ipv6-ippool");
    }

    @Test
    void withACalicoBaseTheInstallationIsAPatchOfTheBasesOwn() throws Exception {
        Path out = generate(Descriptors.Base.DUAL.edit().after(16, OPERATOR + "\n    base: ../upstream/calico").text());
        String k = Files.readString(out.resolve("cluster/kustomization.yaml"));
        assertThat(k).contains("patches:\n- path: \"calico.installation.yaml\"").doesNotContain("- \"calico.installation.yaml\"");
    }

    @Test
    void aSiteWithoutTheFieldRendersTheManifestInstall() throws Exception {
        Path out = generate(Descriptors.Base.DUAL.text());
        assertThat(out.resolve(INSTALLATION_FILE)).doesNotExist();
        assertThat(out.resolve("cluster/kube-system/calico-node.patch.yaml")).exists();
        assertThat(Files.readString(out.resolve("cluster/kube-system/calico.ippools.yaml")))
                .contains("apiVersion: crd.projectcalico.org/v1");
    }

    // ---------------------------------------------------------------- a running site

    @Test
    void theCapturedInstallationKeepsEveryFieldAndGainsOnlyTheDualStackOnes() throws Exception {
        Path out = brownfield(Files.readString(INSTALLATION));
        JsonNode captured = read(INSTALLATION);
        ObjectNode merged = (ObjectNode) read(out.resolve(INSTALLATION_FILE));
        String text = Files.readString(out.resolve(INSTALLATION_FILE));
        assertThat(text).contains("# Changed:\n#   \"spec.calicoNetwork.ipPools[default-ipv6-ippool] (added)\"\n"
                + "#   \"spec.calicoNetwork.nodeAddressAutodetectionV6\"\n"
                + "#   \"spec.calicoNodeDaemonSet.spec.template.spec.affinity.nodeAffinity"
                + ".requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms\"\n");

        JsonNode net = merged.path("spec").path("calicoNetwork");
        assertThat(net.path("ipPools")).hasSize(2);
        assertThat(net.path("ipPools").get(0)).as("the running pool, untouched")
                .isEqualTo(captured.path("spec").path("calicoNetwork").path("ipPools").get(0));
        assertThat(net.path("ipPools").get(1).path("cidr").asText()).isEqualTo("fd00:10:244::/56");
        assertThat(net.path("nodeAddressAutodetectionV4").toString()).as("the site's own method stays")
                .isEqualTo("{\"firstFound\":true}");
        assertThat(net.path("nodeAddressAutodetectionV6").toString()).isEqualTo("{\"interface\":\"^eth0$\"}");
        assertThat(terms(merged)).contains("node-role.kubernetes.io/edge");
        // the server's fields are gone; everything else is the captured object's
        assertThat(merged.has("status")).isFalse();
        assertThat(merged.path("metadata").toString()).as("the server's fields and the operator's finalizers are gone")
                .isEqualTo("{\"name\":\"default\"}");
        ObjectNode spec = (ObjectNode) merged.path("spec").deepCopy();
        ((ObjectNode) spec.path("calicoNetwork")).remove("nodeAddressAutodetectionV6");
        ((com.fasterxml.jackson.databind.node.ArrayNode) spec.path("calicoNetwork").path("ipPools")).remove(1);
        spec.remove("calicoNodeDaemonSet");
        assertThat(spec).isEqualTo(captured.path("spec"));

        assertThat(out.resolve("cluster/kube-system/calico.ippools.yaml")).doesNotExist();
        String runbook = Files.readString(out.resolve("README.md"));
        assertThat(runbook).contains("with only these fields changed")
                .contains("kubectl wait --for=condition=Available tigerastatus/apiserver --timeout=5m")
                .contains("kubectl wait --for=condition=Available tigerastatus/ippools --timeout=5m");
    }

    @Test
    void capturedAffinityTermsEachGainTheEdgeExpression() throws Exception {
        Path out = brownfield(Files.readString(INSTALLATION).replace("  variant: Calico\nstatus:", """
                  variant: Calico
                  calicoNodeDaemonSet:
                    spec:
                      template:
                        spec:
                          affinity:
                            nodeAffinity:
                              requiredDuringSchedulingIgnoredDuringExecution:
                                nodeSelectorTerms:
                                - matchExpressions:
                                  - key: kubernetes.io/os
                                    operator: In
                                    values: [linux]
                          nodeSelector:
                            pool: cloud
                status:"""));
        JsonNode merged = read(out.resolve(INSTALLATION_FILE));
        assertThat(terms(merged)).isEqualTo("[{\"matchExpressions\":[{\"key\":\"kubernetes.io/os\",\"operator\":\"In\","
                + "\"values\":[\"linux\"]},{\"key\":\"node-role.kubernetes.io/edge\",\"operator\":\"DoesNotExist\"}]}]");
        assertThat(merged.at("/spec/calicoNodeDaemonSet/spec/template/spec/nodeSelector/pool").asText()).isEqualTo("cloud");
    }

    @Test
    void anInstallationThatManagesNoPoolsGetsAProjectcalicoV3PoolBeside() throws Exception {
        Path out = brownfield(Files.readString(INSTALLATION).replaceFirst("(?s)    ipPools:\n.*?    linuxDataplane",
                "    ipPools: []\n    linuxDataplane"));
        JsonNode net = read(out.resolve(INSTALLATION_FILE)).path("spec").path("calicoNetwork");
        assertThat(net.path("ipPools")).isEmpty();
        String pools = Files.readString(out.resolve("cluster/kube-system/calico.ippools.yaml"));
        assertThat(pools).contains("apiVersion: projectcalico.org/v3").contains("cidr: \"fd00:10:244::/56\"")
                .doesNotContain("10.244.0.0/16");
        assertThat(Files.readString(out.resolve("README.md"))).contains("This Installation manages no pools");
    }

    @Test
    void aManifestDescriptorOverACapturedInstallationIsRefused() throws Exception {
        assertThat(problems(Descriptors.Base.DUAL.edit().after(8, "  baseline: {directory: baseline}").text(),
                Files.readString(INSTALLATION))).contains("baseline/cluster/calico-config.configmap.yaml:1:1: missing"
                + " (the descriptor has spec.calico, installed from its manifest, but the baseline holds the Tigera"
                + " operator's cluster/calico.installation.yaml: if the operator installed Calico, set"
                + " spec.calico.installedBy: operator); capture it with: kubectl -n kube-system get configmap"
                + " calico-config -o yaml > baseline/cluster/calico-config.configmap.yaml || rm -f"
                + " baseline/cluster/calico-config.configmap.yaml");
    }

    @Test
    void aChangedPoolIsRefusedWithTheOperatorsReason() throws Exception {
        String moved = Files.readString(INSTALLATION).replace("cidr: 10.244.0.0/16", "cidr: 10.244.0.0/17")
                .replace("blockSize: 26", "blockSize: 27");
        assertThat(problems(operatorSite(), moved)).anySatisfy(p -> assertThat(p).contains(
                "spec.calico.ipv4Pool.cidr: the Installation's IPv4 pool default-ipv4-ippool is 10.244.0.0/17: the"
                        + " operator matches pools by CIDR"));
        String bigger = Files.readString(INSTALLATION).replace("blockSize: 26", "blockSize: 24");
        assertThat(problems(operatorSite(), bigger)).anySatisfy(p -> assertThat(p).contains(
                "spec.calico.ipv4Pool.blockSize: the Installation's pool default-ipv4-ippool (10.244.0.0/16) has"
                        + " blockSize 24"));
    }

    @Test
    void anOperatorBeforeCalico328CannotTakeANewPool() throws Exception {
        String old = Files.readString(INSTALLATION).replace("calicoVersion: v3.29.3", "calicoVersion: v3.27.4");
        assertThat(problems(operatorSite(), old)).anySatisfy(p -> assertThat(p).contains("spec.calico.ipv6Pool: the"
                + " running operator installed Calico v3.27.4").contains("operator v1.34 (Calico v3.28)"));
    }

    @Test
    void whatTheOperatorsValidationRefusesIsRefusedHere() throws Exception {
        String noBgp = Files.readString(INSTALLATION).replace("    bgp: Enabled", "    bgp: Disabled")
                .replace("encapsulation: IPIP", "encapsulation: VXLAN");
        assertThat(problems(operatorSite(), noBgp)).anySatisfy(p -> assertThat(p).contains(
                "spec.calico.ipv6Pool.encapsulation: the Installation has calicoNetwork.bgp Disabled"));
        String otherCni = Files.readString(INSTALLATION).replace("    type: Calico\n  controlPlaneReplicas",
                "    type: AmazonVPC\n  controlPlaneReplicas");
        assertThat(problems(operatorSite(), otherCni)).anySatisfy(p -> assertThat(p).contains(
                "spec.calico: the Installation's spec.cni.type is AmazonVPC"));
    }

    @Test
    void anOperatorDescriptorNeedsTheCapturedInstallation() throws Exception {
        List<String> p = problems(operatorSite(), null);
        assertThat(p).anySatisfy(s -> assertThat(s).startsWith("baseline/cluster/calico.installation.yaml:1:1: missing"
                + " (spec.calico.installedBy is operator); capture it with: kubectl get installations.operator.tigera.io"
                + " default -o yaml"));
    }

    // ---------------------------------------------------------------- helpers

    private static String operatorSite() {
        return Descriptors.Base.DUAL.edit().after(8, "  baseline: {directory: baseline}").after(16, OPERATOR).text();
    }

    private Path generate(String descriptor) throws Exception {
        dir = dir != null ? dir : next();
        Path site = dir.resolve("site/site.yaml");
        Files.createDirectories(site.getParent());
        Files.writeString(site, descriptor);
        Path out = dir.resolve("site/generated");
        dir = null;
        Report.Generate r = Dualstack.generate(Request.Generate.of(site, out));
        assertThat(r.ok()).as(r.summary() + " " + r.errors()).isTrue();
        return out;
    }

    /** The small baseline, its Calico captured from the operator: {@code installation} replaces calico-node's files. */
    private Path brownfield(String installation) throws Exception {
        baseline(installation);
        return generate(operatorSite());
    }

    /** A fresh site directory: a test may build several. */
    private Path next() {
        return tmp.resolve("run" + runs++);
    }

    private void baseline(String installation) throws IOException {
        dir = next();
        Path baseline = dir.resolve("site/baseline");
        TreeCopy.copy(SMALL, baseline);
        Files.delete(baseline.resolve("cluster/calico-config.configmap.yaml"));
        Files.delete(baseline.resolve("cluster/calico-node.daemonset.yaml"));
        if (installation != null) {
            Files.writeString(baseline.resolve("cluster/calico.installation.yaml"), installation);
        }
    }

    private List<String> problems(String descriptor, String installation) throws Exception {
        baseline(installation);
        Path site = dir.resolve("site/site.yaml");
        Files.writeString(site, descriptor);
        dir = null;
        Report.Validate r = Dualstack.validate(Request.Validate.of(site));
        assertThat(r.ok()).isFalse();
        List<String> out = new ArrayList<>();
        r.problems().forEach(p -> out.add(p.toString()));
        return out;
    }

    private static JsonNode read(Path file) throws IOException {
        return YAML.readTree(file.toFile());
    }

    private static String terms(JsonNode installation) {
        return installation.at("/spec/calicoNodeDaemonSet/spec/template/spec/affinity/nodeAffinity"
                + "/requiredDuringSchedulingIgnoredDuringExecution/nodeSelectorTerms").toString();
    }
}
