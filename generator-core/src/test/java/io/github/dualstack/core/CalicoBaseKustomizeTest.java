package io.github.dualstack.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With calico.base, {@code kubectl kustomize cluster/} builds the upstream Calico install with our calico-node
 * environment and IPAM merged in (kubectl must be installed; the test is skipped without it).
 */
class CalicoBaseKustomizeTest {

    @TempDir
    Path dir;

    @Test
    void theBaseIsPatchedNotReplaced() throws Exception {
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
                  typha_service_name: "none"
                  upstream_only: "kept"
                ---
                apiVersion: apps/v1
                kind: DaemonSet
                metadata:
                  name: calico-node
                  namespace: kube-system
                spec:
                  selector:
                    matchLabels: {k8s-app: calico-node}
                  template:
                    metadata:
                      labels: {k8s-app: calico-node}
                    spec:
                      containers:
                      - name: calico-node
                        image: docker.io/calico/node:v3.30.0
                        env:
                        - name: FELIX_IPV6SUPPORT
                          value: "false"
                        - name: DATASTORE_TYPE
                          value: kubernetes
                """);
        String site = Files.readString(Path.of("..", "samples", "dual-stack-site", "site.yaml"))
                .replace("  calico:\n", "  calico:\n    base: ../../upstream\n");
        Path descriptorDir = Files.createDirectories(dir.resolve("site"));
        Path descriptor = Files.writeString(descriptorDir.resolve("site.yaml"), site);
        Report r = Dualstack.generate(Request.Generate.of(descriptor, dir.resolve("gen")));
        assertThat(r.ok()).as(r.summary()).isTrue();
        String kustomization = Files.readString(dir.resolve("gen/cluster/kustomization.yaml"));
        assertThat(kustomization).contains("- \"../../upstream\"", "patches:",
                "- path: \"kube-system/calico-node.patch.yaml\"", "- path: \"kube-system/calico-config.configmap.yaml\"");

        String built = kustomize(dir.resolve("gen/cluster"));
        assertThat(built).contains("image: docker.io/calico/node:v3.30.0", "name: DATASTORE_TYPE", "upstream_only: kept",
                "name: IP6", "value: autodetect", "\"assign_ipv6\": \"true\"", "name: cloudcore");
        assertThat(built).doesNotContain("value: \"false\"");   // FELIX_IPV6SUPPORT is now "true"
        assertThat(built.split("\nkind: DaemonSet", -1)).hasSize(2);   // patched, not added a second time
    }

    /** An operator base (its sample custom-resources.yaml): our Installation patches it; its pool list is ours. */
    @Test
    void theOperatorsInstallationInTheBaseIsPatched() throws Exception {
        assumeTrue(kubectlAvailable(), "kubectl not installed");
        Path upstream = Files.createDirectories(dir.resolve("upstream"));
        Files.writeString(upstream.resolve("kustomization.yaml"), "resources:\n- custom-resources.yaml\n");
        Files.writeString(upstream.resolve("custom-resources.yaml"), """
                apiVersion: operator.tigera.io/v1
                kind: Installation
                metadata:
                  name: default
                spec:
                  registry: registry.example.com
                  calicoNetwork:
                    ipPools:
                    - name: default-ipv4-ippool
                      blockSize: 26
                      cidr: 192.168.0.0/16
                      encapsulation: VXLANCrossSubnet
                      natOutgoing: Enabled
                      nodeSelector: all()
                ---
                apiVersion: operator.tigera.io/v1
                kind: APIServer
                metadata:
                  name: default
                spec: {}
                """);
        String site = Files.readString(Path.of("..", "samples", "dual-stack-site", "site.yaml"))
                .replace("  calico:\n", "  calico:\n    installedBy: operator\n    base: ../../upstream\n");
        Path descriptor = Files.writeString(Files.createDirectories(dir.resolve("site")).resolve("site.yaml"), site);
        Report r = Dualstack.generate(Request.Generate.of(descriptor, dir.resolve("gen")));
        assertThat(r.ok()).as(r.summary()).isTrue();
        assertThat(Files.readString(dir.resolve("gen/cluster/kustomization.yaml")))
                .contains("- \"../../upstream\"", "patches:\n- path: \"calico.installation.yaml\"");

        String built = kustomize(dir.resolve("gen/cluster"));
        assertThat(built.split("\nkind: Installation", -1)).hasSize(2);
        assertThat(built).contains("registry: registry.example.com", "kind: APIServer", "cidr: 10.244.0.0/16",
                "cidr: fd00:10:244::/56", "key: node-role.kubernetes.io/edge").doesNotContain("192.168.0.0/16");
    }

    private static boolean kubectlAvailable() {
        try {
            Process p = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String kustomize(Path cluster) throws Exception {
        Process p = new ProcessBuilder("kubectl", "kustomize", cluster.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
