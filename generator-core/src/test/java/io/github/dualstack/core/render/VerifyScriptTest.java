package io.github.dualstack.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
/** verify.sh after the rollout: node addresses in family order, readiness, CloudCore reachable over each family. */
class VerifyScriptTest extends ScriptHarness {

    @Test
    void verifyPassesWhenEveryNodeHasItsAddressesInOrderAndIsReady() throws IOException {
        Path verify = writeScripts(load("dual-stack-site"), tmp.resolve("site")).stream()
                .filter(p -> p.endsWith("scripts/verify.sh")).findFirst().orElseThrow();
        Path nodes = Files.writeString(tmp.resolve("nodes.txt"), String.join("", List.of(
                "master-1\t192.0.2.10,2001:db8::10,\tTrue\n",
                "worker-1\t192.0.2.11,2001:db8::11,\tTrue\n",
                "edge-0001\t192.0.2.101,2001:db8::101,\tTrue\t10351\n",
                "edge-0002\t192.0.2.102,2001:db8::102,\tTrue\t10351\n",
                "edge-0003\t192.0.2.103,2001:db8::103,\tTrue\t10351\n",
                "not-in-the-site\t10.0.0.1,\tFalse\n")));
        Run r = run(List.of("bash", verify.toString()), Map.of("FAKE_NODES", nodes.toString()));
        assertThat(r.exit).as(r.out + r.err).isZero();
        assertThat(r.out).contains("nodes: 5 ok, 0 wrong")
                .contains("PASS  CloudCore answers at https://[2001:db8::10]:30002/ca.crt")
                .contains("PASS  CloudCore server certificate is valid for https://192.0.2.10:30002/ca.crt");
        assertThat(r.out).contains("DaemonSets kept off edge nodes: 2, pods on edge nodes: 0");
        // one listing of the nodes, one of the pods of the namespace of kube-proxy and calico-node
        List<String> calls = fakeLog().lines().filter(l -> l.startsWith("kubectl")).toList();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0)).startsWith("kubectl get nodes -o jsonpath=").contains("InternalIP").contains("Ready");
        assertThat(calls.get(1)).startsWith("kubectl -n kube-system get pods -o jsonpath=").contains("ownerReferences");
        assertThat(fakeLog()).contains("curl -gk -6 --max-time 10 -fsS https://[2001:db8::10]:30002/ca.crt -o ");
    }

    @Test
    void verifyFailsForSwappedAddressesNotReadyAndMissingNodes() throws IOException {
        Path verify = writeScripts(load("dual-stack-site"), tmp.resolve("site")).stream()
                .filter(p -> p.endsWith("scripts/verify.sh")).findFirst().orElseThrow();
        Path nodes = Files.writeString(tmp.resolve("nodes.txt"), String.join("", List.of(
                "master-1\t192.0.2.10,2001:db8::10,\tTrue\n",
                "worker-1\t192.0.2.11,2001:db8::11,\tTrue\n",
                "edge-0001\t2001:db8::101,192.0.2.101,\tTrue\t10351\n",
                "edge-0002\t192.0.2.102,2001:db8::102,\tFalse\t10351\n")));
        Run r = run(List.of("bash", verify.toString()), Map.of("FAKE_NODES", nodes.toString()));
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.out).contains("nodes: 2 ok, 3 wrong")
                .contains("WRONG edge node edge-0001: InternalIPs 2001:db8::101,192.0.2.101, want 192.0.2.101,2001:db8::101")
                .contains("WRONG edge node edge-0002: not Ready (Ready=False)")
                .contains("WRONG edge node edge-0003: not registered");
    }

    @Test
    void verifyFailsWhenCloudCoreIsUnreachableOrItsCertificateLacksTheAddress() throws IOException {
        Path verify = ipv6OnlyVerify();
        Path nodes = ipv6OnlyNodes();
        Run san = run(List.of("bash", verify.toString()), Map.of("FAKE_NODES", nodes.toString(), "FAKE_CACERT_RC", "60"));
        assertThat(san.exit).isEqualTo(1);
        assertThat(san.out).contains("FAIL  CloudCore server certificate is not valid for https://[2001:db8:30::100]:10002/ca.crt")
                .contains("nodes: 3 ok, 0 wrong");
        Run down = run(List.of("bash", verify.toString()), Map.of("FAKE_NODES", nodes.toString(), "FAKE_CURL_RC", "7"));
        assertThat(down.exit).isEqualTo(1);
        assertThat(down.out).contains("FAIL  CloudCore does not answer at https://[2001:db8:30::100]:10002/ca.crt (curl -gk -6)");
    }

    @Test
    void verifyWantsEveryAdvertiseAddressAmongTheLoadBalancersIngressAddresses() throws IOException {
        Path verify = ipv6OnlyVerify();   // exposure LoadBalancer
        Path nodes = ipv6OnlyNodes();
        Run held = run(List.of("bash", verify.toString()), Map.of("FAKE_NODES", nodes.toString(),
                "FAKE_LB_INGRESS", "2001:db8:30::200\n2001:db8:30::100\n"));
        assertThat(held.exit).as(held.out + held.err).isZero();
        assertThat(held.out).contains("PASS  LoadBalancer Service kubeedge/cloudcore holds advertise address 2001:db8:30::100");
        assertThat(fakeLog()).contains("kubectl -n kubeedge get service cloudcore -o jsonpath="
                + "{range .status.loadBalancer.ingress[*]}{.ip}");

        // an address the load balancer gave that only contains the advertised one is no match
        Run other = run(List.of("bash", verify.toString()), Map.of("FAKE_NODES", nodes.toString(),
                "FAKE_LB_INGRESS", "2001:db8:30::1000\n"));
        assertThat(other.exit).isEqualTo(1);
        assertThat(other.out).contains("FAIL  LoadBalancer Service kubeedge/cloudcore does not hold advertise address"
                + " 2001:db8:30::100 (status.loadBalancer.ingress: 2001:db8:30::1000): have the load balancer assign it,"
                + " or advertise the addresses it assigned");
        Run pending = run(List.of("bash", verify.toString()), Map.of("FAKE_NODES", nodes.toString()));
        assertThat(pending.exit).isEqualTo(1);
        assertThat(pending.out).contains("(status.loadBalancer.ingress: none)");
        Run broken = run(List.of("bash", verify.toString()), Map.of("FAKE_NODES", nodes.toString(), "FAKE_SERVICE_RC", "1"));
        assertThat(broken.exit).isEqualTo(2);
        assertThat(broken.err).contains("kubectl -n kubeedge get service cloudcore failed");
    }

    @Test
    void verifyLooksAtNoServiceForOtherExposures() throws IOException {
        Path verify = writeScripts(load("dual-stack-site"), tmp.resolve("site")).stream()   // exposure NodePort
                .filter(p -> p.endsWith("scripts/verify.sh")).findFirst().orElseThrow();
        Path nodes = Files.writeString(tmp.resolve("nodes.txt"), SITE_NODES);
        run(List.of("bash", verify.toString()), Map.of("FAKE_NODES", nodes.toString()));
        assertThat(fakeLog()).doesNotContain("get service");
    }

    /** verify.sh of the ipv6-only sample, whose CloudCore is exposed by a LoadBalancer Service. */
    private Path ipv6OnlyVerify() throws IOException {
        return writeScripts(load("ipv6-only"), tmp.resolve("site")).stream()
                .filter(p -> p.endsWith("scripts/verify.sh")).findFirst().orElseThrow();
    }

    /** Its nodes as kubectl lists them when each is registered with its address and Ready, the edge on a tunnel port. */
    private Path ipv6OnlyNodes() throws IOException {
        return Files.writeString(tmp.resolve("nodes.txt"), String.join("", List.of(
                "cp-1\t2001:db8:30::10,\tTrue\n", "worker-1\t2001:db8:30::11,\tTrue\n",
                "sensor-01\t2001:db8:31::1,\tTrue\t10351\n")));
    }

    private static final String SITE_NODES = String.join("", List.of(
            "master-1\t192.0.2.10,2001:db8::10,\tTrue\n",
            "worker-1\t192.0.2.11,2001:db8::11,\tTrue\n",
            "edge-0001\t192.0.2.101,2001:db8::101,\tTrue\t10351\n",
            "edge-0002\t192.0.2.102,2001:db8::102,\tTrue\t10351\n",
            "edge-0003\t192.0.2.103,2001:db8::103,\tTrue\t10351\n"));

    @Test
    void verifyFailsNamingNodeAndPodWhenAKeptOffDaemonSetRunsOnAnEdgeNode() throws IOException {
        Path verify = writeScripts(load("dual-stack-site"), tmp.resolve("site")).stream()
                .filter(p -> p.endsWith("scripts/verify.sh")).findFirst().orElseThrow();
        Path nodes = Files.writeString(tmp.resolve("nodes.txt"), SITE_NODES);
        Path pods = Files.writeString(tmp.resolve("pods.txt"), String.join("", List.of(
                "kube-system\tkube-proxy-7xk2p\tmaster-1\tkube-proxy\n",
                "kube-system\tkube-proxy-9fmwq\tedge-0002\tkube-proxy\n",
                "kube-system\tcalico-node-4hd8s\tedge-0003\tcalico-node\n",
                "kube-system\tcalico-node-pending\t\tcalico-node\n",         // not scheduled yet: on no node
                "kube-system\tedgemesh-agent-l2v9c\tedge-0001\tedgemesh-agent\n",   // meant for edges
                "kube-system\tcoredns-5d78c9869d-abcde\tedge-0001\t\n")));       // a Deployment's pod
        Run r = run(List.of("bash", verify.toString()), Map.of("FAKE_NODES", nodes.toString(), "FAKE_PODS", pods.toString()));
        assertThat(r.exit).as(r.out + r.err).isEqualTo(1);
        assertThat(r.out).contains("nodes: 5 ok, 0 wrong")
                .contains("WRONG edge node edge-0002: runs pod kube-system/kube-proxy-9fmwq of DaemonSet kube-system/kube-proxy, which must stay off edge nodes")
                .contains("WRONG edge node edge-0003: runs pod kube-system/calico-node-4hd8s of DaemonSet kube-system/calico-node, which must stay off edge nodes")
                .contains("DaemonSets kept off edge nodes: 2, pods on edge nodes: 2")
                .doesNotContain("edgemesh-agent").doesNotContain("coredns").doesNotContain("calico-node-pending");
        assertThat(r.err).contains("the edge-affinity patches of the kube-proxy step of README.md");
    }

    @Test
    void verifyListsThePodsOfEachNamespaceOfTheListedDaemonSetsOnce() throws IOException {
        String text = Files.readString(Path.of("..", "samples", "dual-stack-site", "site.yaml"))
                + "    keepOff:\n      - {namespace: monitoring, name: node-exporter}\n"
                + "      - {namespace: kube-system, name: node-local-dns}\n";
        Path verify = writeScripts(loadText(text), tmp.resolve("site")).stream()
                .filter(p -> p.endsWith("scripts/verify.sh")).findFirst().orElseThrow();
        Path nodes = Files.writeString(tmp.resolve("nodes.txt"), SITE_NODES);
        Path pods = Files.writeString(tmp.resolve("pods.txt"), String.join("", List.of(
                "monitoring\tnode-exporter-q8w2e\tedge-0001\tnode-exporter\n",
                "monitoring\tnode-exporter-z1x2c\tworker-1\tnode-exporter\n",
                "kube-system\tnode-local-dns-r4t5y\tedge-0003\tnode-local-dns\n")));
        Run r = run(List.of("bash", verify.toString()), Map.of("FAKE_NODES", nodes.toString(), "FAKE_PODS", pods.toString()));
        assertThat(r.exit).as(r.out + r.err).isEqualTo(1);
        assertThat(r.out).contains("WRONG edge node edge-0001: runs pod monitoring/node-exporter-q8w2e of DaemonSet monitoring/node-exporter")
                .contains("WRONG edge node edge-0003: runs pod kube-system/node-local-dns-r4t5y of DaemonSet kube-system/node-local-dns")
                .contains("DaemonSets kept off edge nodes: 4, pods on edge nodes: 2");
        assertThat(fakeLog().lines().filter(l -> l.contains(" get pods "))
                .map(l -> l.substring(0, l.indexOf(" get pods ")))).containsExactly("kubectl -n kube-system", "kubectl -n monitoring");
    }

    @Test
    void verifyStopsWhenItCannotListPods() throws IOException {
        Path verify = writeScripts(load("dual-stack-site"), tmp.resolve("site")).stream()
                .filter(p -> p.endsWith("scripts/verify.sh")).findFirst().orElseThrow();
        Path nodes = Files.writeString(tmp.resolve("nodes.txt"), SITE_NODES);
        Run r = run(List.of("bash", verify.toString()), Map.of("FAKE_NODES", nodes.toString(), "FAKE_PODS_RC", "1"));
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.err).contains("verify.sh: kubectl -n kube-system get pods failed");
    }

    // ---- CloudStream: the tunnel port per family, a tunnel per edge node, kubectl logs through the redirect

    private Path verify(String sample) throws IOException {
        return writeScripts(load(sample), tmp.resolve("site")).stream()
                .filter(p -> p.endsWith("scripts/verify.sh")).findFirst().orElseThrow();
    }

    @Test
    void verifyChecksTheTunnelPortInEachFamilyAndKubectlLogsOfAPodOnAnEdgeNode() throws IOException {
        Path nodes = Files.writeString(tmp.resolve("nodes.txt"), SITE_NODES);
        Run r = run(List.of("bash", verify("dual-stack-site").toString(), "--logs", "factory/line-1-plc"),
                Map.of("FAKE_NODES", nodes.toString(), "FAKE_POD_NODE", "edge-0002", "FAKE_TUNNEL_RC", "56"));
        assertThat(r.exit).as(r.out + r.err).isZero();
        assertThat(r.out).contains("PASS  CloudStream tunnel answers at https://192.0.2.10:30004/")
                .contains("PASS  CloudStream tunnel answers at https://[2001:db8::10]:30004/")
                .contains("nodes: 5 ok, 0 wrong")
                .contains("PASS  kubectl logs factory/line-1-plc answers from edge node edge-0002");
        assertThat(fakeLog()).contains("curl -gk -4 --max-time 10 -sS -o /dev/null https://192.0.2.10:30004/")
                .contains("curl -gk -6 --max-time 10 -sS -o /dev/null https://[2001:db8::10]:30004/")
                .contains("kubectl -n factory get pod line-1-plc -o jsonpath={.spec.nodeName}")
                .contains("kubectl -n factory logs line-1-plc --all-containers --tail=1");
    }

    @Test
    void verifyFailsForAnUnreachableTunnelAnEdgeWithoutTunnelAndLogsThatDoNotAnswer() throws IOException {
        Path nodes = Files.writeString(tmp.resolve("nodes.txt"), SITE_NODES.replace("2001:db8::102,\tTrue\t10351",
                "2001:db8::102,\tTrue\t10350").replace("2001:db8::103,\tTrue\t10351", "2001:db8::103,\tTrue\t"));
        Run r = run(List.of("bash", verify("dual-stack-site").toString(), "--logs", "line-1-plc"),
                Map.of("FAKE_NODES", nodes.toString(), "FAKE_POD_NODE", "edge-0001", "FAKE_TUNNEL_RC", "7",
                        "FAKE_LOGS_RC", "1"));
        assertThat(r.exit).as(r.out + r.err).isEqualTo(1);
        assertThat(r.out).contains("FAIL  CloudStream tunnel does not answer at https://[2001:db8::10]:30004/ (curl -gk -6")
                .contains("WRONG edge node edge-0002: no CloudStream tunnel (kubelet port 10350, want 10351 or above)")
                .contains("WRONG edge node edge-0003: no CloudStream tunnel (kubelet port none, want 10351 or above)")
                .contains("nodes: 3 ok, 2 wrong")
                .contains("FAIL  kubectl logs default/line-1-plc on edge node edge-0001: error: dial tcp: i/o timeout");
        assertThat(r.err).contains("the CloudStream step of README.md");
    }

    @Test
    void verifyLogsWantsAPodOnAnEdgeNodeAndRefusesAnythingButDnsNames() throws IOException {
        Path nodes = Files.writeString(tmp.resolve("nodes.txt"), SITE_NODES);
        Path verify = verify("dual-stack-site");
        Run cloud = run(List.of("bash", verify.toString(), "--logs", "kube-system/etcd-master-1"),
                Map.of("FAKE_NODES", nodes.toString(), "FAKE_POD_NODE", "master-1"));
        assertThat(cloud.exit).isEqualTo(1);
        assertThat(cloud.out).contains("FAIL  pod kube-system/etcd-master-1 runs on master-1, not on an edge node of this site");
        assertThat(fakeLog()).doesNotContain(" logs ");
        for (List<String> args : List.of(List.of("--logs"), List.of("--logs", "--all-namespaces"),
                List.of("--logs", "a/b;reboot"), List.of("--logs", "ns/"), List.of("--logs", "p", "extra"),
                List.of("--logs", "$(reboot)"))) {
            Files.writeString(log, "");
            List<String> cmd = new java.util.ArrayList<>(List.of("bash", verify.toString()));
            cmd.addAll(args);
            Run r = run(cmd, Map.of("FAKE_NODES", nodes.toString()));
            assertThat(r.exit).as(args.toString()).isEqualTo(2);
            assertThat(fakeLog()).as(args.toString()).isEmpty();
        }
    }

    @Test
    void verifyOfASiteWithoutEdgesChecksNoTunnel() throws IOException {
        Path verify = writeScripts(io.github.dualstack.core.plan.SiteVariants.NO_EDGES.site(), tmp.resolve("site"))
                .stream().filter(p -> p.endsWith("scripts/verify.sh")).findFirst().orElseThrow();
        assertThat(Files.readString(verify)).contains("TUNNEL_URLS=()");
        Path nodes = Files.writeString(tmp.resolve("nodes.txt"), "master-1\t192.0.2.10,2001:db8::10,\tTrue\t10250\n"
                + "worker-1\t192.0.2.11,2001:db8::11,\tTrue\t10250\n");
        Run r = run(List.of("bash", verify.toString()), Map.of("FAKE_NODES", nodes.toString()));
        assertThat(r.exit).as(r.out + r.err).isZero();
        assertThat(r.out).doesNotContain("CloudStream");
    }
}
