package io.github.dualstack.core.plan;

import inet.ipaddr.IPAddress;
import io.github.dualstack.core.model.CloudCore;
import io.github.dualstack.core.model.ClusterNode;
import io.github.dualstack.core.model.FamilyPair;
import io.github.dualstack.core.model.HubPorts;
import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.model.Site;
import io.github.dualstack.core.net.HubAddresses;
import io.github.dualstack.core.net.IpLiterals;
import java.util.ArrayList;
import java.util.List;

/**
 * The values every artifact shares, derived once from a validated site: canonical CIDRs and addresses in the
 * site's family order, the API endpoint, the ports edges dial. Builders read these; nothing is derived twice.
 */
public final class SiteFacts {

    final Site site;
    final List<String> families;
    final List<String> podCidrs;
    final List<String> serviceCidrs;
    final List<NodeFacts> cloudNodes;
    final String apiServerEndpoint;
    final List<String> etcdServers;
    final List<String> advertiseAddresses;
    final HubPorts dialPorts;
    final HubAddresses hub;

    /** A cloud node with its addresses canonical and in family order. */
    record NodeFacts(ClusterNode node, List<String> addresses) {
        String primaryAddress() {
            return addresses.get(0);
        }

        String nodeIp() {
            return String.join(",", addresses);
        }
    }

    public SiteFacts(Site site) {
        this.site = site;
        this.families = site.ipFamilies().stream().map(IpFamily::name).toList();
        var k = site.kubernetes();
        this.podCidrs = canonicalCidrs(k.podSubnets(), site.ipFamilies());
        this.serviceCidrs = canonicalCidrs(k.serviceSubnets(), site.ipFamilies());
        List<NodeFacts> nodes = new ArrayList<>(site.nodes().size());
        for (ClusterNode n : site.nodes()) {
            nodes.add(new NodeFacts(n, canonicalAddresses(n.addresses(), site.ipFamilies())));
        }
        this.cloudNodes = List.copyOf(nodes);
        NodeFacts firstControlPlane = cloudNodes.stream().filter(n -> n.node().isControlPlane()).findFirst().orElseThrow();
        this.apiServerEndpoint = k.controlPlaneEndpoint()
                .orElse(Endpoints.hostPort(firstControlPlane.primaryAddress(), k.apiServerBindPort()));
        // kubeadm's local etcd listens on the loopback address of the advertise family.
        this.etcdServers = k.etcdServers().isEmpty()
                ? List.of(site.primaryFamily() == IpFamily.IPv6 ? "https://[::1]:2379" : "https://127.0.0.1:2379")
                : k.etcdServers();
        this.advertiseAddresses = site.cloudCore().advertiseAddresses().stream().map(SiteFacts::canonicalAddress).toList();
        CloudCore cc = site.cloudCore();
        this.dialPorts = cc.exposure() == CloudCore.Exposure.NodePort ? cc.nodePorts() : cc.ports();
        this.hub = new HubAddresses(cc.advertiseAddresses());
    }

    public Site site() {
        return site;
    }

    boolean hasFamily(IpFamily f) {
        return site.ipFamilies().contains(f);
    }

    static List<String> canonicalCidrs(FamilyPair<String> pair, List<IpFamily> order) {
        List<String> out = new ArrayList<>(order.size());
        for (IpFamily f : order) {
            out.add(canonicalCidr(pair.get(f), f));
        }
        return List.copyOf(out);
    }

    static String canonicalCidr(String text, IpFamily f) {
        try {
            return IpLiterals.cidr(text, f).toCanonicalString();
        } catch (IpLiterals.InvalidLiteral e) {
            throw new IllegalStateException("validated CIDR did not parse: " + text, e);
        }
    }

    static List<String> canonicalAddresses(FamilyPair<String> pair, List<IpFamily> order) {
        List<String> out = new ArrayList<>(order.size());
        for (IpFamily f : order) {
            out.add(canonicalAddress(pair.get(f)));
        }
        return List.copyOf(out);
    }

    static String canonicalAddress(String text) {
        try {
            IPAddress a = IpLiterals.address(text);
            return a.toCanonicalString();
        } catch (IpLiterals.InvalidLiteral e) {
            throw new IllegalStateException("validated address did not parse: " + text, e);
        }
    }
}
