package io.github.dualstack.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new site whose CloudCore KubeEdge's cloudcore chart installs, generated end to end: the values overlay and the
 * Service patch are written and self-checked, kustomize leaves them alone, and the runbook installs CloudCore
 * before anything applies the generated objects over the chart's.
 */
class ChartInstalledCloudCoreTest {

    @TempDir
    Path dir;

    private Path generate(String cloudCoreLines) throws Exception {
        Path site = dir.resolve("site.yaml");
        Files.writeString(site, Descriptors.Base.DUAL.edit().after(22, cloudCoreLines).text());
        Report.Generate r = Dualstack.generate(Request.Generate.of(site, dir.resolve("generated")));
        assertThat(r.ok()).as(r.summary()).isTrue();
        return dir.resolve("generated");
    }

    @Test
    void keadmSite() throws Exception {
        Path out = generate("    installedBy: keadm");
        assertThat(Files.readString(out.resolve("cluster/kubeedge/cloudcore.helm-values.yaml")))
                .contains("  hostNetWork: false\n", "      - 2001:db8::10\n", "    type: NodePort\n");
        assertThat(Files.readString(out.resolve("cluster/kubeedge/cloudcore.service.patch.yaml")))
                .contains("kind: Service\n", "  ipFamilyPolicy: \"RequireDualStack\"\n");
        assertThat(Files.readString(out.resolve("cluster/kustomization.yaml")))
                .doesNotContain("helm-values", "service.patch").contains("kubeedge/cloudcore.service.yaml");
        String runbook = Files.readString(out.resolve("README.md"));
        assertThat(runbook).contains("""
                ```sh
                keadm init \\
                  --advertise-address=192.0.2.10,2001:db8::10 \\
                  --set cloudCore.hostNetWork=false \\
                """)
                .contains("  --set cloudCore.service.tunnelNodePort=30004\n```")
                .contains("keadm upgrade cloud --reuse-values \\\n  --values cluster/kubeedge/cloudcore.helm-values.yaml\n")
                .contains("Right after the install of step 0 this changes nothing.")
                .doesNotContain("CHART", "helm install", "It also sets the Service's type");
        assertThat(runbook.indexOf("keadm init")).as("installed before step 1").isLessThan(runbook.indexOf("## 1."))
                .isGreaterThan(runbook.indexOf("## 0."));
    }

    @Test
    void helmSiteBehindALoadBalancer() throws Exception {
        Path out = generate("    installedBy: helm\n    helmRelease: edge-cloud");
        String patch = Files.readString(generateLoadBalancer().resolve("cluster/kubeedge/cloudcore.service.patch.yaml"));
        assertThat(patch).contains("  type: \"LoadBalancer\"\n");
        String runbook = Files.readString(out.resolve("README.md"));
        assertThat(runbook).contains("helm install edge-cloud CHART --namespace kubeedge --create-namespace \\\n"
                        + "  -f cluster/kubeedge/cloudcore.helm-values.yaml\n")
                .contains("helm upgrade edge-cloud CHART --namespace kubeedge --reuse-values \\\n")
                .contains("CHART is the cloudcore chart of the site's KubeEdge version");
    }

    private Path generateLoadBalancer() throws Exception {
        Path site = dir.resolve("lb.yaml");
        Files.writeString(site, Descriptors.Base.DUAL.edit().sub(20, "NodePort", "LoadBalancer")
                .after(22, "    installedBy: helm").text());
        Report.Generate r = Dualstack.generate(Request.Generate.of(site, dir.resolve("lb")));
        assertThat(r.ok()).as(r.summary()).isTrue();
        return dir.resolve("lb");
    }

    /** kubectl's own strategic merge ({@code kubectl patch --local}) of the patch over the chart's Service. */
    @Test
    void thePatchGivesTheChartsServiceBothFamiliesAndKeepsItsPorts() throws Exception {
        assumeTrue(Commands.installed("kubectl", "version", "--client"), "kubectl not installed");
        Path chartService = Path.of("src", "test", "resources", "io", "github", "dualstack", "core", "services",
                "cloudcore.chart.yaml");
        JsonNode keadm = patch(chartService, generate("    installedBy: keadm")
                .resolve("cluster/kubeedge/cloudcore.service.patch.yaml"));
        assertThat(keadm.at("/spec/ipFamilies").toString()).isEqualTo("[\"IPv4\",\"IPv6\"]");
        assertThat(keadm.at("/spec/ipFamilyPolicy").asText()).isEqualTo("RequireDualStack");
        assertThat(keadm.at("/spec/type").asText()).isEqualTo("ClusterIP");
        assertThat(keadm.at("/spec/ports")).hasSize(5);
        assertThat(keadm.at("/spec/ports/1/protocol").asText()).isEqualTo("UDP");
        JsonNode lb = patch(chartService, generateLoadBalancer().resolve("cluster/kubeedge/cloudcore.service.patch.yaml"));
        assertThat(lb.at("/spec/type").asText()).isEqualTo("LoadBalancer");
        assertThat(lb.at("/spec/selector/kubeedge").asText()).isEqualTo("cloudcore");
    }

    /** bash reads each line of the keadm init command back as exactly the arguments it was built from. */
    @Test
    void theKeadmInitLineIsTheArgumentsItSays() throws Exception {
        assumeTrue(Commands.installed("bash", "-c", "true"), "bash not installed");
        String runbook = Files.readString(generate("    installedBy: keadm\n    dnsNames: [cloudcore.example.com]")
                .resolve("README.md"));
        int start = runbook.indexOf("keadm init \\\n");
        String command = runbook.substring(start, runbook.indexOf("\n```", start));
        String argv = Commands.run("bash", "-c", "printf '%s\\n' " + command.substring("keadm init".length()));
        assertThat(argv.lines().toList()).contains("--advertise-address=192.0.2.10,2001:db8::10", "--set",
                "cloudCore.modules.cloudHub.dnsNames[0]=cloudcore.example.com", "cloudCore.hostNetWork=false");
        assertThat(argv.lines().filter("--set"::equals).count()).isEqualTo(10);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode patch(Path object, Path patch) throws Exception {
        return JSON.readTree(Commands.run("kubectl", "patch", "--local", "-f", object.toString(), "--type", "strategic",
                "--patch-file", patch.toString(), "-o", "json"));
    }
}
