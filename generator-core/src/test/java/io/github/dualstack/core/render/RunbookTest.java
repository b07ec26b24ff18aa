package io.github.dualstack.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
/** The site's runbook: the order of the steps, the files they use, and what each site shape adds. */
class RunbookTest extends ScriptHarness {

    @Test
    void runbookOrdersTheStepsAndNamesTheFilesTheyUse() {
        String book = runbook(load("dual-stack-site"));
        List<String> headings = book.lines().filter(l -> l.startsWith("## ")).toList();
        assertThat(headings).hasSize(9);
        for (int i = 0; i < 9; i++) {
            assertThat(headings.get(i)).startsWith("## " + i + ". ");
        }
        assertThat(book).contains("scripts/preflight.sh --prerequisites")
                .contains("nodes/$NODE/etc/kubernetes/manifests/kube-apiserver.yaml")
                .contains("diff -u /etc/kubernetes/manifests/kube-controller-manager.yaml")
                .contains("--service-cluster-ip-range=10.96.0.0/12,fd00:10:96::/112")
                .contains("sysctl --system").contains("systemctl daemon-reload && systemctl restart kubelet")
                .contains("kubectl get node \"$NODE\" -o jsonpath='{.status.addresses}'")
                .contains("kubectl -n kube-system rollout restart daemonset kube-proxy")
                .contains("kubectl -n kube-system patch daemonset calico-node --patch-file cluster/kube-system/calico-node.patch.yaml")
                .contains("calico.ippools.yaml").contains("immutable")
                .contains("kubectl apply -k cluster/").contains("kubectl -n kubeedge rollout restart deployment cloudcore")
                .contains("(umask 077 && keadm gettoken --kube-config \"$HOME/.kube/config\" >join-token)")
                .contains("scp -r edge/join.sh edge/edge-0001 join-token root@EDGE-ADDRESS: && rm -f join-token")
                .contains("ssh root@EDGE-ADDRESS './join.sh edge-0001 --token-file join-token; rc=$?;"
                        + " rm -f join-token; exit $rc'")
                .contains("scripts/verify.sh")
                .contains("regenerateCertificates: false").contains("--cacert")
                .doesNotContain("regenerate-cloudcore-certs.sh --new-ca");
        // one example edge node, never a list of them
        assertThat(book).contains("3 edge nodes").contains("edge/edge-0001/").doesNotContain("edge-0002");
    }

    /** A new cluster: kubeadm init and the joins replace the static-pod and kubelet steps; no secret is in the book. */
    @Test
    void newClusterRunbookBuildsTheSiteWithKubeadm() {
        String book = runbook(load("new-cluster-kubeadm"));
        List<String> headings = book.lines().filter(l -> l.startsWith("## ")).toList();
        assertThat(headings).hasSize(9).element(1).isEqualTo("## 1. kubeadm init on cp-1");
        assertThat(headings.get(2)).isEqualTo("## 2. Join the other nodes");
        assertThat(book).contains("kubeadm config validate --config kubeadm/cp-1.yaml")
                .contains("kubeadm init --config kubeadm/cp-1.yaml --upload-certs")
                .contains("kubeadm token create --ttl 2h --print-join-command")
                .contains("kubeadm init phase upload-certs --upload-certs | tail -n 1")
                .contains("STOP unless it prints 3.")
                .contains("sed -f /run/dualstack-join/fill.sed kubeadm/$NODE.yaml | ssh root@$NODE")
                .contains("kubeadm join --config /run/kubeadm-join.yaml")
                .contains("control-plane nodes first\n(cp-2, cp-3)").contains("Then the workers, the same way: worker-1.")
                .contains("install -D -m 0644 nodes/$NODE/etc/sysctl.d/99-dualstack.conf")
                .contains("`[2001:db8:32::100]:6443` (controlPlaneEndpoint)")
                .contains("keadm init")
                .doesNotContain("kube-apiserver.yaml").doesNotContain("20-dualstack.conf")
                .doesNotContain("kubectl apply -f cluster/kube-system/kube-proxy.configmap.yaml")
                .doesNotContain("--token ");
    }

    /** Without other control-plane nodes the join step needs no certificate key. */
    @Test
    void aSingleControlPlaneJoinsWorkersWithoutACertificateKey() throws IOException {
        String text = Files.readString(Path.of("..", "samples", "new-cluster-kubeadm", "site.yaml"))
                .replace("    controlPlaneEndpoint: \"[2001:db8:32::100]:6443\"\n", "")
                .replaceAll("(?s)    - name: cp-2\n.*?    - name: worker-1", "    - name: worker-1");
        assertThat(text).doesNotContain("cp-2").doesNotContain("controlPlaneEndpoint");
        String book = runbook(loadText(text));
        assertThat(book).contains("STOP unless it prints 2.").contains("Worker nodes: worker-1.")
                .doesNotContain("upload-certs --upload-certs |").doesNotContain("DUALSTACK_CERTIFICATE_KEY")
                .contains("The cluster's endpoint is the first control-plane node itself, `192.0.2.131:6443`");
    }

    @Test
    void runbookStatesHowLongAndToWhomKeadmExposesTheToken() {
        for (String sample : SAMPLES) {
            String book = runbook(load(sample)).replaceAll("\\s+", " ");
            String edgeStep = book.substring(book.indexOf("## 7."), book.indexOf("## 8."));
            assertThat(edgeStep).as(sample)
                    .contains("`keadm join` accepts the token only as a command-line flag, so for as long as it runs")
                    .contains("every user on the edge node can read it with `ps` or in `/proc/PID/cmdline`")
                    .contains("valid for 12 to 24 hours by default").contains("`cloudHub.tokenRefreshDuration`")
                    .contains("no untrusted user").contains("`hidepid=2`")
                    .contains("edgecore.yaml.keadm.bak`, mode 0600")
                    .contains("reads `/root/.kube/config` unless `--kube-config` names another kubeconfig file")
                    .doesNotContain("KUBEEDGE_TOKEN=$(keadm gettoken)")   // would sit on ssh's command line
                    .doesNotContain("$TOKEN");
            // no command of the step holds the token itself: it goes from keadm into a file, and from there to join.sh
            String raw = runbook(load(sample));
            String commands = raw.substring(raw.indexOf("```sh", raw.indexOf("## 7.")), raw.indexOf("```\n\n", raw.indexOf("## 7.")));
            assertThat(commands.lines()
                    .filter(l -> l.contains("ssh ") || l.contains("scp "))).as(sample)
                    .allMatch(l -> !l.contains("gettoken") && !l.contains("TOKEN"));
        }
    }

    @Test
    void runbookExplainsBothCertificateRegenerationsAndHostNetworkWhenTheSiteAsksForThem() {
        String book = runbook(load("ipv6-primary-hostnetwork")).replaceAll("\\s+", " ");   // prose wraps anywhere
        assertThat(book).contains("scripts/regenerate-cloudcore-certs.sh")
                .contains("deletes only Secret `cloudcoresecret`").contains("existing CA")
                .contains("delete secrets tokensecret").contains("new CA").contains("must join again")
                .contains("needs no dual-stack cluster");
    }

    @Test
    void runbookAppliesCalicoThroughKustomizeWhenTheSiteNamesABase() throws IOException {
        Path sample = Path.of("..", "samples", "dual-stack-site", "site.yaml");
        String text = Files.readString(sample).replace("  calico:\n", "  calico:\n    base: ../../upstream/calico\n");
        String book = runbook(loadText(text));
        String calicoStep = book.substring(book.indexOf("## 4."), book.indexOf("## 5."));
        assertThat(calicoStep).contains("kubectl apply -k cluster/").doesNotContain("kubectl -n kube-system patch");
    }

    @Test
    void runbookSkipsCalicoWithoutACalicoSection() throws IOException {
        Path sample = Path.of("..", "samples", "dual-stack-site", "site.yaml");
        String text = Files.readString(sample);
        text = text.substring(0, text.indexOf("  calico:\n")) + text.substring(text.indexOf("  cloudCore:\n"));
        String book = runbook(loadText(text));
        assertThat(book).contains("no `calico` section").doesNotContain("calico-node.patch.yaml");
    }

    @Test
    void runbookInstallsTheCloudStreamRedirectInTheEdgesFamiliesAndStatesWhatMetricsDo() {
        String v6only = runbook(load("ipv6-only")).replaceAll("\\s+", " ");
        String step = v6only.substring(v6only.indexOf("### kubectl logs and exec"), v6only.indexOf("## 8."));
        assertThat(step).contains("The edges here report IPv6 InternalIPs, so each control-plane node gets the redirect in IPv6")
                .contains("install -m 0755 usr/local/sbin/dualstack-stream-redirect.sh /usr/local/sbin/")
                .contains("systemctl daemon-reload && systemctl enable --now dualstack-stream-redirect.timer")
                .contains("dualstack-stream-redirect.sh remove")
                .contains("**Metrics from edge nodes do not work** on this site").contains("`getMetrics`");
        assertThat(v6only).contains("scripts/verify.sh --logs NAMESPACE/POD");
        String v4only = runbook(io.github.dualstack.core.plan.SiteVariants.IPV4_ONLY.site()).replaceAll("\\s+", " ");
        assertThat(v4only).contains("gets the redirect in IPv4 from")
                .contains("Metrics from edge nodes (metrics-server, `kubectl top`) work here")
                .doesNotContain("do not work");
        String noEdges = runbook(io.github.dualstack.core.plan.SiteVariants.NO_EDGES.site());
        assertThat(noEdges).doesNotContain("dualstack-stream-redirect").doesNotContain("--logs");
    }
}
