package io.github.dualstack.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.dualstack.core.check.SelfCheck;
import io.github.dualstack.core.plan.FileKind;
import io.github.dualstack.core.plan.view.CalicoNodePatchView;
import io.github.dualstack.core.plan.view.EdgeAffinityPatchView;
import io.github.dualstack.core.plan.view.NodeSelectorTerm.Requirement;
import io.github.dualstack.core.plan.view.NodeSelectorTerm;
import io.github.dualstack.core.render.TemplateEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated patches applied by kubectl's own strategic merge ({@code kubectl patch --local}, the code the API
 * server runs for {@code kubectl patch}) over DaemonSets in their upstream shapes: kubeadm's kube-proxy, Calico's
 * calico-node from calico.yaml and calico-vxlan.yaml, and captured ones that have node affinity terms of their own.
 * Every term of the result must keep its own requirements and exclude edge nodes; env entries merge by name; the
 * probes match the backend. Skipped without kubectl.
 */
class EdgeAffinityKubectlTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EDGE = "node-role.kubernetes.io/edge DoesNotExist []";
    private static final Path SMALL = Path.of("src", "test", "resources", "baselines", "small");

    @TempDir
    Path dir;

    @Test
    void greenfieldBirdPatchesOverKubeadmsKubeProxyAndCalicoYaml() throws Exception {
        assumeTrue(kubectlAvailable(), "kubectl not installed");
        Path gen = generate(sample("dual-stack-site"), null);

        JsonNode proxy = patch(fixture("kube-proxy.kubeadm.yaml"), gen.resolve("cluster/kube-system/kube-proxy.edge-affinity.patch.yaml"));
        assertThat(terms(proxy)).containsExactly(List.of(EDGE));
        assertThat(podSpec(proxy).path("tolerations").toString()).isEqualTo("[{\"operator\":\"Exists\"}]");
        assertThat(podSpec(proxy).path("nodeSelector").path("kubernetes.io/os").asText()).isEqualTo("linux");
        assertThat(container(proxy, "kube-proxy").path("image").asText()).isEqualTo("registry.k8s.io/kube-proxy:v1.32.4");

        JsonNode calico = patch(fixture("calico-node.calico.yaml"), gen.resolve("cluster/kube-system/calico-node.patch.yaml"));
        assertThat(terms(calico)).containsExactly(List.of(EDGE));
        JsonNode node = container(calico, "calico-node");
        assertEnvMergedByName(node);
        assertThat(env(node, "FELIX_IPINIPMTU").path("valueFrom").path("configMapKeyRef").path("key").asText())
                .isEqualTo("veth_mtu");
        assertThat(strings(node.path("livenessProbe").path("exec").path("command")))
                .containsExactly("/bin/calico-node", "-felix-live", "-bird-live");
        assertThat(strings(node.path("readinessProbe").path("exec").path("command")))
                .containsExactly("/bin/calico-node", "-felix-ready", "-bird-ready");
        assertThat(node.path("livenessProbe").path("failureThreshold").asInt()).isEqualTo(6);   // only the command changes
        assertThat(podSpec(calico).path("tolerations")).hasSize(3);
        assertThat(podSpec(calico).path("initContainers").get(0).path("name").asText()).isEqualTo("install-cni");
    }

    @Test
    void greenfieldVxlanProbesAreFelixOnlyOverCalicoVxlanYamlAndOverCalicoYaml() throws Exception {
        assumeTrue(kubectlAvailable(), "kubectl not installed");
        Path gen = generate(sample("ipv6-primary-hostnetwork"), null);   // VXLAN pools: calico_backend vxlan
        assertThat(Files.readString(gen.resolve("cluster/kube-system/calico-config.configmap.yaml")))
                .contains("calico_backend: \"vxlan\"");
        for (String upstream : List.of("calico-node.calico-vxlan.yaml", "calico-node.calico.yaml")) {
            JsonNode calico = patch(fixture(upstream), gen.resolve("cluster/kube-system/calico-node.patch.yaml"));
            JsonNode node = container(calico, "calico-node");
            assertThat(strings(node.path("livenessProbe").path("exec").path("command"))).as(upstream)
                    .containsExactly("/bin/calico-node", "-felix-live");
            assertThat(strings(node.path("readinessProbe").path("exec").path("command"))).as(upstream)
                    .containsExactly("/bin/calico-node", "-felix-ready");
            assertThat(terms(calico)).as(upstream).containsExactly(List.of(EDGE));
            assertEnvMergedByName(node);
        }
        // the DaemonSet the site lists gets its own patch, of the same shape as kube-proxy's
        JsonNode listed = patch(fixture("node-local-dns.yaml"),
                gen.resolve("cluster/kube-system/node-local-dns.edge-affinity.patch.yaml"));
        assertThat(terms(listed)).containsExactly(List.of(EDGE));
        assertThat(podSpec(listed).path("tolerations")).hasSize(3);
        assertThat(container(listed, "node-cache").path("image").asText())
                .isEqualTo("registry.k8s.io/dns/k8s-dns-node-cache:1.26.4");
    }

    @Test
    void capturedTermsAreEachKeptWithTheEdgeExpressionAdded() throws Exception {
        assumeTrue(kubectlAvailable(), "kubectl not installed");
        Path site = baselineSite();
        Files.copy(fixture("kube-proxy.two-terms.yaml"), baseline(site, "kube-proxy.daemonset.yaml"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(fixture("calico-node.one-term.yaml"), baseline(site, "calico-node.daemonset.yaml"),
                StandardCopyOption.REPLACE_EXISTING);
        Path gen = generate(site, null);

        Path captured = baseline(site, "kube-proxy.daemonset.yaml");
        JsonNode proxy = patch(captured, gen.resolve("cluster/kube-system/kube-proxy.edge-affinity.patch.yaml"));
        assertThat(terms(proxy)).containsExactly(
                List.of("kubernetes.io/arch In [amd64, arm64]", EDGE),
                List.of("node.kubernetes.io/instance-type Exists []", EDGE, "fields: metadata.name NotIn [legacy-1]"));
        JsonNode nodeAffinity = podSpec(proxy).path("affinity").path("nodeAffinity");
        assertThat(nodeAffinity.path("preferredDuringSchedulingIgnoredDuringExecution").toString())
                .isEqualTo(podSpec(read(captured)).path("affinity").path("nodeAffinity")
                        .path("preferredDuringSchedulingIgnoredDuringExecution").toString());
        assertThat(podSpec(proxy).path("volumes")).hasSize(3);

        Path calicoCaptured = baseline(site, "calico-node.daemonset.yaml");
        JsonNode calico = patch(calicoCaptured, gen.resolve("cluster/kube-system/calico-node.patch.yaml"));
        assertThat(terms(calico)).containsExactly(List.of("kubernetes.io/arch In [amd64, arm64]", EDGE));
        JsonNode node = container(calico, "calico-node");
        assertEnvMergedByName(node);
        assertThat(env(node, "NODENAME").path("valueFrom").path("fieldRef").path("fieldPath").asText())
                .isEqualTo("spec.nodeName");
        assertThat(strings(node.path("livenessProbe").path("exec").path("command")))
                .containsExactly("/bin/calico-node", "-felix-live", "-bird-live");   // the captured backend is bird
    }

    @Test
    void aCapturedAffinityThatKeepsItOffAlreadyNeedsNoPatch() throws Exception {
        Path site = baselineSite();   // its kube-proxy has the edge term, its calico-node no affinity
        Path gen = generate(site, null);
        assertThat(gen.resolve("cluster/kube-system/kube-proxy.edge-affinity.patch.yaml")).doesNotExist();
        assertThat(Files.readString(gen.resolve("cluster/kube-system/calico-node.patch.yaml"))).contains("affinity");
        String runbook = Files.readString(gen.resolve("README.md"));
        // both captured: nothing to check before patching, and no kubectl patch in step 3
        assertThat(runbook).contains("Kept off edge nodes already, as captured: kube-system/kube-proxy.")
                .doesNotContain("edge-affinity.patch.yaml\n").doesNotContain("STOP");
        assertThat(Files.readString(gen.resolve("scripts/verify.sh")))
                .contains("KEPT_OFF_EDGE=(kube-system/kube-proxy kube-system/calico-node)");
    }

    @Test
    void withTheCalicoOperatorCalicoNodeIsKeptOffThroughTheInstallation() throws Exception {
        Path site = baselineSite();
        Files.writeString(site, Descriptors.Base.DUAL.edit().after(8, "  baseline: {directory: baseline}")
                .after(16, "    installedBy: operator").text());
        Files.delete(baseline(site, "calico-config.configmap.yaml"));
        Files.delete(baseline(site, "calico-node.daemonset.yaml"));
        Files.writeString(baseline(site, "calico.installation.yaml"), """
                apiVersion: operator.tigera.io/v1
                kind: Installation
                metadata:
                  name: default
                spec:
                  calicoNetwork:
                    ipPools:
                    - cidr: 10.244.0.0/16
                """);
        Path gen = generate(site, null);
        assertThat(gen.resolve("cluster/kube-system/calico-node.patch.yaml")).doesNotExist();
        assertThat(gen.resolve("cluster/kube-system/calico-node.edge-affinity.patch.yaml")).doesNotExist();
        assertThat(gen.resolve("cluster/calico-system/calico-node.edge-affinity.patch.yaml")).doesNotExist();
        assertThat(Files.readString(gen.resolve("cluster/calico.installation.yaml")))
                .contains("operator: DoesNotExist");
        assertThat(Files.readString(gen.resolve("scripts/verify.sh")))
                .contains("KEPT_OFF_EDGE=(kube-system/kube-proxy calico-system/calico-node)");
    }

    @Test
    void kustomizeMergesTheAffinityIntoAnUpstreamCalicoBase() throws Exception {
        assumeTrue(kubectlAvailable(), "kubectl not installed");
        Path upstream = Files.createDirectories(dir.resolve("upstream"));
        Files.writeString(upstream.resolve("kustomization.yaml"), "resources:\n- calico.yaml\n");
        Files.writeString(upstream.resolve("calico.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: calico-config
                  namespace: kube-system
                data:
                  calico_backend: "bird"
                ---
                """ + Files.readString(fixture("calico-node.calico.yaml")));
        Path gen = generate(sample("dual-stack-site"), "../../upstream");
        JsonNode calico = null;
        List<JsonNode> docs = YAML.readerFor(JsonNode.class).<JsonNode>readValues(kustomize(gen.resolve("cluster"))).readAll();
        for (JsonNode doc : docs) {
            if (doc.path("kind").asText().equals("DaemonSet")) {
                assertThat(calico).as("one DaemonSet").isNull();
                calico = doc;
            }
        }
        assertThat(calico).isNotNull();
        assertThat(terms(calico)).containsExactly(List.of(EDGE));
        assertEnvMergedByName(container(calico, "calico-node"));
        assertThat(strings(container(calico, "calico-node").path("livenessProbe").path("exec").path("command")))
                .containsExactly("/bin/calico-node", "-felix-live", "-bird-live");
    }

    /** Every term shape a capture can hold renders, passes the self-check and merges as it was computed. */
    @Test
    void everyTermShapeRendersAndMergesAsComputed() throws Exception {
        assumeTrue(kubectlAvailable(), "kubectl not installed");
        Requirement edge = new Requirement("node-role.kubernetes.io/edge", "DoesNotExist", List.of());
        List<NodeSelectorTerm> terms = List.of(
                new NodeSelectorTerm(List.of(), List.of()),   // matches no node: kept as it is
                new NodeSelectorTerm(List.of(edge), List.of(new Requirement("metadata.name", "NotIn", List.of("legacy-1")))),
                new NodeSelectorTerm(List.of(new Requirement("kubernetes.io/arch", "In", List.of("amd64", "arm64")),
                        new Requirement("example.com/rack", "Gt", List.of("3")), edge), List.of()));
        TemplateEngine engine = new TemplateEngine(Optional.empty());
        String own = engine.render("edge-affinity.patch.yaml.ftl",
                new EdgeAffinityPatchView("kube-system", "kube-proxy", terms, Optional.of("baseline/cluster/kube-proxy.daemonset.yaml")));
        String calico = engine.render("calico-node.patch.yaml.ftl", new CalicoNodePatchView(
                List.of(new CalicoNodePatchView.EnvVar("IP6", "autodetect")), List.of("/bin/calico-node", "-felix-live"),
                List.of("/bin/calico-node", "-felix-ready"), terms));
        List<List<String>> expected = List.of(List.of(),
                List.of(EDGE, "fields: metadata.name NotIn [legacy-1]"),
                List.of("kubernetes.io/arch In [amd64, arm64]", "example.com/rack Gt [3]", EDGE));
        for (String[] c : new String[][] {{own, "kube-proxy.kubeadm.yaml"}, {calico, "calico-node.calico.yaml"}}) {
            // the renderer puts the header on every file; the self-check requires it
            new SelfCheck().check("cluster/kube-system/x.patch.yaml", ("# Generated by dualstack (a test)\n" + c[0])
                    .getBytes(StandardCharsets.UTF_8), FileKind.KUSTOMIZE);
            Path patch = Files.writeString(dir.resolve("shapes.patch.yaml"), c[0]);
            assertThat(terms(read(patch))).isEqualTo(expected);
            assertThat(terms(patch(fixture(c[1]), patch))).as(c[1]).isEqualTo(expected);
        }
    }

    // ------------------------------------------------------------------ helpers

    /** The upstream env entries stay, ours replace theirs by name, and no name appears twice. */
    private static void assertEnvMergedByName(JsonNode container) {
        List<String> names = new ArrayList<>();
        container.path("env").forEach(e -> names.add(e.path("name").asText()));
        assertThat(names).doesNotHaveDuplicates().contains("DATASTORE_TYPE", "CALICO_NETWORKING_BACKEND",
                "FELIX_IPV6SUPPORT", "IP", "IP6");
        assertThat(env(container, "FELIX_IPV6SUPPORT").path("value").asText()).isEqualTo("true");
        assertThat(env(container, "IP6").path("value").asText()).isEqualTo("autodetect");
        assertThat(env(container, "CALICO_NETWORKING_BACKEND").path("valueFrom").path("configMapKeyRef").path("key")
                .asText()).isEqualTo("calico_backend");
    }

    private static JsonNode env(JsonNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (e.path("name").asText().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no env " + name + " in " + container.path("env"));
    }

    /** Each required term as its requirements, "key operator [values]", matchFields prefixed with "fields: ". */
    private static List<List<String>> terms(JsonNode ds) {
        List<List<String>> out = new ArrayList<>();
        for (JsonNode t : podSpec(ds).path("affinity").path("nodeAffinity")
                .path("requiredDuringSchedulingIgnoredDuringExecution").path("nodeSelectorTerms")) {
            List<String> term = new ArrayList<>();
            t.path("matchExpressions").forEach(r -> term.add(requirement(r)));
            t.path("matchFields").forEach(r -> term.add("fields: " + requirement(r)));
            out.add(term);
        }
        return out;
    }

    private static String requirement(JsonNode r) {
        return r.path("key").asText() + " " + r.path("operator").asText() + " " + strings(r.path("values"));
    }

    private static List<String> strings(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static JsonNode podSpec(JsonNode ds) {
        return ds.path("spec").path("template").path("spec");
    }

    private static JsonNode container(JsonNode ds, String name) {
        for (JsonNode c : podSpec(ds).path("containers")) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no container " + name);
    }

    private static Path fixture(String name) {
        return Path.of("src", "test", "resources", "io", "github", "dualstack", "core", "daemonsets", name);
    }

    private static JsonNode read(Path yaml) throws IOException {
        return YAML.readTree(yaml.toFile());
    }

    private Path sample(String name) throws IOException {
        Path site = Files.createDirectories(dir.resolve("site")).resolve("site.yaml");
        Files.copy(Path.of("..", "samples", name, "site.yaml"), site);
        return site;
    }

    /** The dual-stack sample converting the small baseline, copied beside it. */
    private Path baselineSite() throws IOException {
        Path site = Files.createDirectories(dir.resolve("site")).resolve("site.yaml");
        Files.writeString(site, Descriptors.Base.DUAL.edit().after(8, "  baseline: {directory: baseline}").text());
        try (Stream<Path> walk = Files.walk(SMALL)) {
            for (Path p : walk.toList()) {
                Path to = site.resolveSibling("baseline").resolve(SMALL.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return site;
    }

    private static Path baseline(Path site, String clusterFile) {
        return site.resolveSibling("baseline").resolve("cluster").resolve(clusterFile);
    }

    /** Generates the site into a fresh directory; {@code calicoBase} adds {@code calico.base}. */
    private Path generate(Path site, String calicoBase) throws IOException, DualstackException {
        if (calicoBase != null) {
            Files.writeString(site, Files.readString(site).replace("  calico:\n", "  calico:\n    base: " + calicoBase + "\n"));
        }
        Path out = dir.resolve("gen");
        Report r = Dualstack.generate(Request.Generate.of(site, out));
        assertThat(r.ok()).as(r.summary()).isTrue();
        return out;
    }

    private JsonNode patch(Path daemonSet, Path patch) throws IOException, InterruptedException {
        return JSON.readTree(kubectl("patch", "--local", "-f", daemonSet.toString(), "--type", "strategic",
                "--patch-file", patch.toString(), "-o", "json"));
    }

    private static String kustomize(Path cluster) throws IOException, InterruptedException {
        return kubectl("kustomize", cluster.toString());
    }

    private static String kubectl(String... args) {
        List<String> cmd = new ArrayList<>(List.of("kubectl"));
        cmd.addAll(List.of(args));
        return Commands.run(cmd.toArray(String[]::new));
    }

    private static boolean kubectlAvailable() {
        return Commands.installed("kubectl", "version", "--client");
    }
}
