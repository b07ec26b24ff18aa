package io.github.dualstack.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runbook of a conversion, rendered from the brownfield sample and variants of its baseline: it says what the
 * plan read from the captured state (which API server certificates lack which addresses, who owns CloudCore and
 * where it runs, what stays single-stack), and names the namespace of CloudCore's certificate secrets right.
 */
class ConversionRunbookTest {

    private static final String RENEWAL = "The API server certificate of ";
    private static final String HELM = "helm upgrade cloudcore CHART --namespace kubeedge --reuse-values \\\n"
            + "  -f cluster/kubeedge/cloudcore.helm-values.yaml\n```";
    private static final String PATCH = "kubectl --namespace kubeedge patch service cloudcore --type strategic"
            + " --patch-file cluster/kubeedge/cloudcore.service.patch.yaml";
    private static final String VALUES = "cluster/kubeedge/cloudcore.helm-values.yaml";
    private static final String PINNED = "CloudCore runs on the host's network, so edges dial the node it runs on: cp-1.\n"
            + "Its Deployment is pinned there already.\n";
    private static final String NOT_PINNED = "CloudCore runs on the host's network, so edges dial the node it runs on:"
            + " cp-1.\nIts Deployment is not pinned to it: a restart may move CloudCore to another cloud node, which"
            + " edges do not dial. Pin it (the Helm values above do) before the restart.\n";
    private static final String KUBE_DNS = "- Service `kube-system/kube-dns` keeps one cluster IP until its policy changes";

    @TempDir
    Path dir;

    private static String runbook(Brownfield b) throws DualstackException {
        return b.generated().get("README.md");
    }

    @Test
    void theSamplesRunbookSaysWhatTheConversionFound() throws Exception {
        String r = runbook(new Brownfield(dir));
        assertThat(r).contains("This converts the running site captured in `baseline/`.")
                .contains("kubectl diff -f cluster/kube-system/kubeadm-config.configmap.yaml; kubectl apply -f"
                        + " cluster/kube-system/kubeadm-config.configmap.yaml")
                .contains(RENEWAL + "cp-1, cp-2, cp-3 lacks `2001:db8:1::11, 2001:db8:1::12, 2001:db8:1::13`,\n")
                .contains("kubeadm init phase certs apiserver --config /root/dualstack-pki/cluster.yaml")
                .contains("KubeEdge's cloudcore chart owns CloudCore (installed by helm: Helm release `cloudcore` in\n"
                        + "namespace `kubeedge`).")
                .contains(HELM)
                .contains(PATCH)
                .contains(PINNED)
                .contains(KUBE_DNS)
                .contains("- 9 existing nodes keep their single-stack podCIDR")
                .contains("With Calico IPAM (here: `calico-ipam`)")
                .contains("kubectl -n kubeedge delete secrets tokensecret casecret cloudcoresecret");
        assertThat(r.indexOf("kubeadm-config.configmap.yaml;")).as("kubeadm-config first")
                .isLessThan(r.indexOf(RENEWAL)).isLessThan(r.indexOf("NODE=cp-1"));
        assertThat(r).doesNotContain("cloudCore.nodeSelector", "A new site installs CloudCore", "helm install");
    }

    /** The release's values are the file's, one home for the helm line and the values: what the runbook names. */
    @Test
    void theHelmReleaseGetsTheValuesFileAndThePatch() throws Exception {
        Map<String, String> tree = new Brownfield(dir).generated();
        assertThat(tree.get(VALUES)).contains("""
                cloudCore:
                  hostNetWork: true
                  modules:
                    cloudHub:
                      advertiseAddress:
                      - 192.0.2.11
                      - 2001:db8:1::11
                      dnsNames:
                      - cloudcore.plant-north.example.com
                      nodeLimit: "1000"
                """).doesNotContain("nodeSelector");
        assertThat(tree.get("cluster/kubeedge/cloudcore.service.patch.yaml"))
                .contains("  ipFamilyPolicy: \"PreferDualStack\"\n").doesNotContain("type:");
        assertThat(tree.get("cluster/kustomization.yaml")).doesNotContain("helm-values", "service.patch");
    }

    @Test
    void certificatesThatCoverTheNewAddressesAreNotRenewed() throws Exception {
        Brownfield b = new Brownfield(dir);
        for (String cp : List.of("cp-1", "cp-2", "cp-3")) {
            // as openssl prints IPv6 addresses
            b.replace("control-plane/" + cp + "/apiserver.sans.txt", "IP Address:192.0.2.13", "IP Address:192.0.2.13,"
                    + " IP Address:2001:DB8:1:0:0:0:0:11, IP Address:2001:DB8:1:0:0:0:0:12, IP Address:2001:DB8:1:0:0:0:0:13");
        }
        String r = runbook(b);
        assertThat(r).doesNotContain(RENEWAL, "kubeadm init phase certs apiserver")
                .contains("kubectl diff -f cluster/kube-system/kubeadm-config.configmap.yaml");
    }

    /** Each renewed certificate lacks the addresses it lacks, whatever another node's certificate covers. */
    @Test
    void onlyTheNodesWhoseCertificateLacksAnAddressAreRenewedWithTheAddressesTheyLack() throws Exception {
        Brownfield b = new Brownfield(dir);
        b.replace("control-plane/cp-1/apiserver.sans.txt", "IP Address:192.0.2.13", "IP Address:192.0.2.13,"
                + " IP Address:2001:DB8:1:0:0:0:0:11, IP Address:2001:DB8:1:0:0:0:0:12, IP Address:2001:DB8:1:0:0:0:0:13");
        b.replace("control-plane/cp-2/apiserver.sans.txt", "IP Address:192.0.2.13", "IP Address:192.0.2.13,"
                + " IP Address:2001:DB8:1:0:0:0:0:12");
        String r = runbook(b);
        assertThat(r).contains(RENEWAL + "cp-2, cp-3 lacks `2001:db8:1::11, 2001:db8:1::12, 2001:db8:1::13`,\n");
    }

    @Test
    void aCloudCoreHelmDoesNotOwnGetsNoHelmUpgrade() throws Exception {
        Brownfield b = new Brownfield(dir);
        for (String f : List.of("cloudcore.configmap.yaml", "cloudcore.service.yaml")) {
            b.replace("cluster/" + f, "  annotations:\n    meta.helm.sh/release-name: cloudcore\n"
                    + "    meta.helm.sh/release-namespace: kubeedge\n", "");
        }
        b.replace("cluster/cloudcore.deployment.yaml", "    meta.helm.sh/release-name: cloudcore\n"
                + "    meta.helm.sh/release-namespace: kubeedge\n", "");
        for (String f : List.of("cloudcore.configmap.yaml", "cloudcore.service.yaml", "cloudcore.deployment.yaml")) {
            b.replace("cluster/" + f, "    app.kubernetes.io/managed-by: Helm\n", "");
        }
        String r = runbook(b);
        assertThat(r).doesNotContain("helm upgrade", "Helm release", "--set-json", PATCH).contains(PINNED);
        assertThat(b.generated()).doesNotContainKey(VALUES);
    }

    @Test
    void aCloudCoreOnTheHostNetworkThatIsNotPinnedIsPinnedByTheHelmValues() throws Exception {
        Brownfield b = new Brownfield(dir).replace("cluster/cloudcore.deployment.yaml",
                "      nodeSelector:\n        kubernetes.io/hostname: cp-1\n", "");
        String r = runbook(b);
        assertThat(r).contains(NOT_PINNED).doesNotContain(PINNED).contains(HELM);
        assertThat(b.generated().get(VALUES)).contains("  nodeSelector:\n    kubernetes.io/hostname: cp-1\n");
    }

    @Test
    void aCloudCoreOffTheHostNetworkSaysNothingOfPinning() throws Exception {
        Brownfield b = new Brownfield(dir).edit("exposure: HostNetwork", "exposure: LoadBalancer")
                .replace("cluster/cloudcore.deployment.yaml", "      hostNetwork: true\n", "");
        String r = runbook(b);
        assertThat(r).doesNotContain("CloudCore runs on the host's network");
        assertThat(b.generated().get(VALUES)).doesNotContain("nodeSelector").contains("  hostNetWork: false\n");
    }

    @Test
    void kubeDnsIsListedOnlyWhileItIsSingleStack() throws Exception {
        Brownfield dual = new Brownfield(dir.resolve("dual")).replace("cluster/kube-dns.service.yaml",
                "  ipFamilyPolicy: SingleStack", "  ipFamilyPolicy: PreferDualStack");
        assertThat(runbook(dual)).doesNotContain(KUBE_DNS).contains("- Your own Services likewise");
        Brownfield none = new Brownfield(dir.resolve("none")).delete("cluster/kube-dns.service.yaml");
        assertThat(runbook(none)).doesNotContain(KUBE_DNS).contains("## 9. What stays single-stack");
    }

    /** KubeEdge's SystemNamespace: CloudCore keeps casecret, cloudcoresecret and tokensecret in kubeedge. */
    @Test
    void certificateSecretsAreInKubeedgeWhateverCloudCoresNamespace() throws Exception {
        Brownfield b = new Brownfield(dir).edit("  cloudCore:\n", "  cloudCore:\n    namespace: edge-system\n");
        for (String f : List.of("cloudcore.configmap.yaml", "cloudcore.service.yaml", "cloudcore.deployment.yaml")) {
            b.replace("cluster/" + f, "  namespace: kubeedge\n", "  namespace: edge-system\n")
                    .replace("cluster/" + f, "meta.helm.sh/release-namespace: kubeedge", "meta.helm.sh/release-namespace: edge-system");
        }
        Map<String, String> tree = b.generated();
        assertThat(tree.get("README.md"))
                .contains("kubectl -n kubeedge delete secrets tokensecret casecret cloudcoresecret")
                .contains("kubectl -n edge-system rollout restart deployment cloudcore")
                .contains("helm upgrade cloudcore CHART --namespace edge-system --reuse-values")
                .contains("kubectl --namespace edge-system patch service cloudcore")
                .doesNotContain("kubectl -n edge-system delete secrets");
        assertThat(tree.get("scripts/regenerate-cloudcore-certs.sh"))
                .contains("\nNAMESPACE=edge-system\n", "\nSECRETS_NAMESPACE=kubeedge\n",
                        "run kubectl -n \"$SECRETS_NAMESPACE\" delete secret");
        assertThat(tree.get("cluster/kubeedge/cloudcore.service.yaml")).contains("  namespace: edge-system\n");
    }

    @Test
    void certificateSecretsAreInKubeedgeForAGreenfieldSiteToo() throws Exception {
        Path site = dir.resolve("site.yaml");
        Files.writeString(site, Descriptors.Base.DUAL.edit()
                .after(19, "    namespace: edge-system\n    regenerateCertificates: true").text());
        Report.Generate r = Dualstack.generate(Request.Generate.of(site, dir.resolve("generated")));
        assertThat(r.ok()).as(r.summary()).isTrue();
        assertThat(Files.readString(dir.resolve("generated/scripts/regenerate-cloudcore-certs.sh")))
                .contains("\nNAMESPACE=edge-system\n", "\nSECRETS_NAMESPACE=kubeedge\n",
                        "run kubectl -n \"$SECRETS_NAMESPACE\" delete secret");
        assertThat(Files.readString(dir.resolve("generated/README.md")))
                .contains("kubectl -n kubeedge delete secrets tokensecret casecret cloudcoresecret")
                .contains("kubectl -n edge-system rollout restart deployment cloudcore")
                .doesNotContain("This converts the running site");
    }
}
