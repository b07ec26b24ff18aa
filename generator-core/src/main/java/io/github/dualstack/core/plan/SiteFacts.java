package io.github.dualstack.core.plan;

import io.github.dualstack.core.baseline.Baseline;
import io.github.dualstack.core.model.CloudCore;
import io.github.dualstack.core.model.ClusterNode;
import io.github.dualstack.core.model.FamilyPair;
import io.github.dualstack.core.model.HubPorts;
import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.model.Kubernetes;
import io.github.dualstack.core.model.Site;
import io.github.dualstack.core.net.Cidr;
import io.github.dualstack.core.net.Endpoint;
import io.github.dualstack.core.net.HubAddresses;
import io.github.dualstack.core.net.IpAddress;
import io.github.dualstack.core.net.IpLiterals;
import io.github.dualstack.core.plan.view.CaUrl;
import io.github.dualstack.core.plan.view.FamilyAddress;
import io.github.dualstack.core.plan.view.SysctlSetting;
import io.github.dualstack.core.rules.CurlFamilyFlag;
import io.github.dualstack.core.rules.HostPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The values every artifact shares, derived once from a validated site: parsed addresses and canonical CIDRs in
 * the site's family order, the API endpoint, the ports edges dial, CloudCore's CA URLs, each cloud node's kernel
 * settings. Builders read these and their own part of the site; nothing is derived twice, and no builder reads
 * another's output.
 */
public final class SiteFacts {

    final Site site;
    final List<IpFamily> families;
    final List<String> podCidrs;
    final List<String> serviceCidrs;
    final List<NodeFacts> cloudNodes;
    final String apiServerEndpoint;
    /** kube-controller-manager's --cluster-name: the descriptor's, a running site's kubeadm clusterName, kubeadm's default. */
    final String clusterName;
    final List<String> etcdServers;
    final List<IpAddress> advertiseAddresses;
    final HubPorts dialPorts;
    final HubAddresses hub;
    final List<CaUrl> caUrls;
    /** What the running site runs, when the site is a conversion; builders then merge into it. */
    final Optional<Captures> captured;
    /** Present when KubeEdge's cloudcore chart installs CloudCore (helm or keadm). */
    final Optional<ChartInstall> chart;

    /** A cloud node with its addresses in family order and the kernel settings it needs. */
    record NodeFacts(ClusterNode node, List<IpAddress> addresses, List<SysctlSetting> sysctl) {
        String primaryAddress() {
            return addresses.get(0).toString();
        }

        String nodeIp() {
            return joined(addresses);
        }
    }

    public SiteFacts(Site site) {
        this(site, Optional.empty());
    }

    public SiteFacts(Site site, Optional<Baseline> baseline) {
        this.site = site;
        this.captured = baseline.map(Captures::new);
        this.families = site.ipFamilies();
        var k = site.kubernetes();
        this.podCidrs = canonicalCidrs(k.podSubnets(), families);
        this.serviceCidrs = canonicalCidrs(k.serviceSubnets(), families);
        List<NodeFacts> nodes = new ArrayList<>(site.nodes().size());
        for (ClusterNode n : site.nodes()) {
            nodes.add(new NodeFacts(n, n.addresses().inOrder(families), Sysctls.forNode(families, n.interfaceName())));
        }
        this.cloudNodes = List.copyOf(nodes);
        NodeFacts firstControlPlane = cloudNodes.stream().filter(n -> n.node().isControlPlane()).findFirst().orElseThrow();
        // A running site's own endpoint (kubeadm-config) when the descriptor names none.
        this.apiServerEndpoint = k.controlPlaneEndpoint().map(Endpoint::toString)
                .or(() -> captured.flatMap(c -> c.live().controlPlaneEndpoint()))
                .orElse(HostPort.join(firstControlPlane.primaryAddress(), k.apiServerBindPort()));
        this.clusterName = k.clusterName().or(() -> captured.flatMap(c -> c.live().kubeadm("clusterName")))
                .orElse(Kubernetes.DEFAULT_CLUSTER_NAME);
        // kubeadm's local etcd listens on the loopback address of the advertise family.
        this.etcdServers = k.etcdServers().isEmpty()
                ? List.of(site.primaryFamily() == IpFamily.IPv6 ? "https://[::1]:2379" : "https://127.0.0.1:2379")
                : k.etcdServers().stream().map(Endpoint::toString).toList();
        CloudCore cc = site.cloudCore();
        this.advertiseAddresses = cc.advertiseAddresses();
        this.dialPorts = cc.exposure() == CloudCore.Exposure.NodePort ? cc.nodePorts() : cc.ports();
        this.hub = new HubAddresses(cc.advertiseAddresses());
        this.chart = ChartInstall.of(cc, captured.map(Captures::live));
        this.caUrls = advertiseAddresses.stream().map(a -> new CaUrl(CurlFamilyFlag.of(a.family()),
                HostPort.https(a.toString(), dialPorts.https()) + "/ca.crt")).toList();
    }

    public Site site() {
        return site;
    }

    boolean hasFamily(IpFamily f) {
        return families.contains(f);
    }

    /** The site's families, comma-separated, primary first. */
    String familyList() {
        return String.join(",", families.stream().map(IpFamily::name).toList());
    }

    static List<String> canonicalCidrs(FamilyPair<Cidr> pair, List<IpFamily> order) {
        return order.stream().map(f -> pair.get(f).toString()).toList();
    }

    /** Whether a captured CIDR, as the site wrote it, is this canonical one; false when it does not parse. */
    static boolean sameCidr(String canonical, String captured, IpFamily f) {
        try {
            return IpLiterals.cidr(captured, f).toCanonicalString().equals(canonical);
        } catch (IpLiterals.InvalidLiteral e) {
            return false;
        }
    }

    static List<String> canonical(List<IpAddress> addresses) {
        return addresses.stream().map(IpAddress::toString).toList();
    }

    /** Canonical addresses, comma-separated, as kubelet's --node-ip and the runbook print them. */
    static String joined(List<IpAddress> addresses) {
        return String.join(",", canonical(addresses));
    }

    /** Each address with its family and the ip/curl family flag, in the given order. */
    static List<FamilyAddress> familyAddresses(List<IpAddress> addresses) {
        return addresses.stream().map(a -> new FamilyAddress(a.family(), CurlFamilyFlag.of(a.family()), a.toString()))
                .toList();
    }
}
