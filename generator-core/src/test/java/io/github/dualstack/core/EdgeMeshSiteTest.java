package io.github.dualstack.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A greenfield site that runs EdgeMesh (kubeedge/edgemesh: CloudCore's dynamicController, each edge's MetaServer, its
 * DNS on 169.254.96.16), with CloudCore installed by the Helm chart (its iptables-manager DaemonSet: external mode)
 * and one air-gapped edge with a mirrored pause image: generated end to end, self-checked, and read back as edgecore
 * and CloudCore parse their files.
 */
class EdgeMeshSiteTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String EDGE_CONFIG = "edge/%s/etc/kubeedge/config/edgecore.yaml";

    @TempDir
    Path dir;

    @Test
    void edgeMeshSettingsReachEveryEdgeAndCloudCore() throws Exception {
        Path out = generate(Descriptors.Base.DUAL.edit()
                .after(11, "    clusterName: factory-east")
                .after(22, "    dynamicController: true\n    iptablesManager: external")
                .after(34, "      metaServer: true\n      clusterDNS: [169.254.96.16]")
                .after(54, "        podSandboxImage: registry.factory-east.local:5000/kubeedge/pause:3.6\n"
                        + "        maxPods: 40\n        clusterDNS: [169.254.96.16, \"fd00:10:96::a\"]"));

        for (String edge : List.of("edge-0001", "edge-0002", "edge-0003")) {
            JsonNode modules = yaml(out, EDGE_CONFIG.formatted(edge)).path("modules");
            assertThat(modules.path("metaManager").path("metaServer").path("enable").asBoolean()).as(edge).isTrue();
            assertThat(modules.path("metaManager").path("enable").asBoolean()).as(edge).isTrue();
            JsonNode kubelet = modules.path("edged").path("tailoredKubeletConfig");
            assertThat(kubelet.path("clusterDomain").asText()).as(edge).isEqualTo("cluster.local");
        }
        JsonNode fleet = yaml(out, EDGE_CONFIG.formatted("edge-0001")).path("modules").path("edged");
        assertThat(texts(fleet.path("tailoredKubeletConfig").path("clusterDNS"))).containsExactly("169.254.96.16");
        assertThat(fleet.has("podSandboxImage")).as("EdgeCore's default is left to it").isFalse();
        assertThat(fleet.path("tailoredKubeletConfig").has("maxPods")).isFalse();
        JsonNode airGapped = yaml(out, EDGE_CONFIG.formatted("edge-0003")).path("modules").path("edged");
        assertThat(airGapped.path("podSandboxImage").asText()).isEqualTo("registry.factory-east.local:5000/kubeedge/pause:3.6");
        assertThat(airGapped.path("tailoredKubeletConfig").path("maxPods").isInt()).isTrue();
        assertThat(airGapped.path("tailoredKubeletConfig").path("maxPods").asInt()).isEqualTo(40);
        assertThat(texts(airGapped.path("tailoredKubeletConfig").path("clusterDNS")))
                .containsExactly("169.254.96.16", "fd00:10:96::a");

        JsonNode cloudCore = YAML.readTree(yaml(out, "cluster/kubeedge/cloudcore.configmap.yaml")
                .path("data").path("cloudcore.yaml").asText()).path("modules");
        assertThat(cloudCore.path("dynamicController").path("enable").asBoolean()).isTrue();
        assertThat(cloudCore.path("iptablesManager").path("enable").asBoolean()).isTrue();
        assertThat(cloudCore.path("iptablesManager").path("mode").asText()).isEqualTo("external");

        JsonNode kcm = yaml(out, "nodes/master-1/etc/kubernetes/manifests/kube-controller-manager.yaml");
        assertThat(texts(kcm.at("/spec/containers/0/command"))).contains("--cluster-name=factory-east")
                .doesNotContain("--cluster-name=kubernetes");
    }

    @Test
    void aDisabledIptablesManagerIsWrittenAsSuch() throws Exception {
        Path out = generate(Descriptors.Base.DUAL.edit().after(22, "    iptablesManager: disabled"));
        JsonNode cloudCore = YAML.readTree(yaml(out, "cluster/kubeedge/cloudcore.configmap.yaml")
                .path("data").path("cloudcore.yaml").asText()).path("modules");
        assertThat(cloudCore.path("iptablesManager").path("enable").isBoolean()).isTrue();
        assertThat(cloudCore.path("iptablesManager").path("enable").asBoolean()).isFalse();
        assertThat(cloudCore.path("iptablesManager").has("mode")).isFalse();
        assertThat(cloudCore.has("dynamicController")).as("KubeEdge's default, off, is left to it").isFalse();
    }

    private Path generate(Descriptors.Edited edited) throws IOException, DualstackException {
        Path site = Files.writeString(Files.createDirectories(dir.resolve("site")).resolve("site.yaml"), edited.text());
        Path out = dir.resolve("generated");
        Report.Generate r = Dualstack.generate(new Request.Generate(site, out, false, RunOptions.builder().build()));
        assertThat(r.ok()).as(r.summary() + r.problems()).isTrue();
        return out;
    }

    private static JsonNode yaml(Path out, String path) throws IOException {
        return YAML.readTree(out.resolve(path).toFile());
    }

    private static List<String> texts(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false).map(JsonNode::asText).toList();
    }
}
