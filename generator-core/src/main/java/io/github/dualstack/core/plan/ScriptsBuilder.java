package io.github.dualstack.core.plan;

import io.github.dualstack.core.model.CloudCore;
import io.github.dualstack.core.model.DaemonSetRef;
import io.github.dualstack.core.model.EdgeNode;
import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.plan.view.CaUrl;
import io.github.dualstack.core.plan.view.PreflightView;
import io.github.dualstack.core.plan.view.RegenerateCertsView;
import io.github.dualstack.core.plan.view.VerifyView;
import io.github.dualstack.core.rules.CurlFamilyFlag;
import io.github.dualstack.core.rules.HostPort;
import io.github.dualstack.core.rules.KubeEdgeNamespaces;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** scripts/: preflight on cloud nodes, verification from a kubectl workstation, certificate regeneration. */
final class ScriptsBuilder implements ArtifactBuilder {

    static final String VERIFY = "scripts/verify.sh";

    @Override
    public Stream<PlannedFile> files(SiteFacts facts) {
        return keyed(facts, EdgeKeys.NONE).flatMap(f -> f.files().stream());
    }

    /**
     * The scripts; verify.sh, which lists every node, keyed by what it prints of each edge node
     * ({@link EdgeInputs.NodeKey#listed}) when the plan has the keys.
     */
    static Stream<KeyedFiles> keyed(SiteFacts facts, EdgeKeys keys) {
        List<KeyedFiles> out = new ArrayList<>();
        out.add(KeyedFiles.built(new PlannedFile("scripts/preflight.sh", preflight(facts))));
        out.add(new KeyedFiles(List.of(VERIFY), keys.listed().map(k -> new KeyedFiles.Inputs(
                Optional.of(verify(facts, false)), k)), () -> List.of(new PlannedFile(VERIFY, verify(facts)))));
        CloudCore cc = facts.site.cloudCore();
        if (cc.regenerateCertificates()) {
            out.add(KeyedFiles.built(new PlannedFile("scripts/regenerate-cloudcore-certs.sh", new RegenerateCertsView(
                    cc.namespace(), KubeEdgeNamespaces.SECRETS,
                    facts.caUrls, SiteFacts.canonical(facts.advertiseAddresses), cc.dnsNames()))));
        }
        return out.stream();
    }

    static PreflightView preflight(SiteFacts facts) {
        List<PreflightView.Node> nodes = facts.cloudNodes.stream().map(n -> new PreflightView.Node(n.node().name(),
                n.node().interfaceName(), SiteFacts.familyAddresses(n.addresses()), n.sysctl())).toList();
        return new PreflightView(nodes, facts.hasFamily(IpFamily.IPv6), facts.hasFamily(IpFamily.IPv4),
                !facts.site.kubernetes().newKubeadmCluster());
    }

    /**
     * /ca.crt at every advertise address, then at every DNS name that an edge dials, once per name and hub family:
     * a name that does not resolve, or resolves to a host without CloudCore, fails those edges alone.
     */
    static List<CaUrl> dialedCaUrls(SiteFacts facts) {
        CloudCore cc = facts.site.cloudCore();
        Set<String> names = Set.copyOf(cc.dnsNames());
        Set<CaUrl> urls = new LinkedHashSet<>(facts.caUrls);
        if (!names.isEmpty()) {
            for (EdgeNode e : facts.site.edgeNodes()) {
                String host = facts.hub.effective(e).orElseThrow();
                if (names.contains(host)) {
                    urls.add(new CaUrl(CurlFamilyFlag.of(e.hubFamily()),
                            HostPort.https(host, facts.dialPorts.https()) + "/ca.crt"));
                }
            }
        }
        return List.copyOf(urls);
    }

    static VerifyView verify(SiteFacts facts) {
        return verify(facts, true);
    }

    /**
     * {@code withEdges} false: without the edge nodes' entries (and whether one finds its address at join time),
     * which are made from each node's name, addresses and their discovery, and the site's families, all in the
     * node's listed key.
     */
    private static VerifyView verify(SiteFacts facts, boolean withEdges) {
        List<VerifyView.Node> nodes = new ArrayList<>(facts.cloudNodes.size() + facts.site.edgeNodes().size());
        boolean discovered = false;
        for (SiteFacts.NodeFacts n : facts.cloudNodes) {
            nodes.add(new VerifyView.Node(n.node().name(), n.nodeIp(), false));
        }
        for (EdgeNode e : withEdges ? facts.site.edgeNodes() : List.<EdgeNode>of()) {
            nodes.add(new VerifyView.Node(e.name(), expectedIps(facts, e), true));
            discovered |= e.discoversAny();
        }
        List<DaemonSetRef> kept = EdgePlacement.of(facts).stream().map(EdgePlacement.Kept::daemonSet).toList();
        // the port edgestream dials (edgecore.yaml edgeStream.server), in each advertise address's family
        List<CaUrl> tunnels = facts.site.edgeNodes().isEmpty() ? List.of() : facts.advertiseAddresses.stream()
                .map(a -> new CaUrl(CurlFamilyFlag.of(a.family()), HostPort.https(a.toString(), facts.dialPorts.tunnel())
                        + "/")).toList();
        return new VerifyView(dialedCaUrls(facts), nodes, facts.site.cloudCore().namespace(),
                kept.stream().map(DaemonSetRef::toString).toList(),
                kept.stream().map(DaemonSetRef::namespace).distinct().toList(),
                // A Service cannot portably ask for its load balancer's addresses (spec.loadBalancerIP is deprecated
                // and single-family; the annotations are each provider's), so verify.sh checks what it was given.
                facts.site.cloudCore().exposure() == CloudCore.Exposure.LoadBalancer
                        ? SiteFacts.canonical(facts.advertiseAddresses) : List.of(), tunnels, discovered);
    }

    /** The node's InternalIPs in family order; one found at join time is any address of its family: any-ipv4 or any-ipv6. */
    private static String expectedIps(SiteFacts facts, EdgeNode e) {
        if (!e.discoversAny()) {
            return SiteFacts.joined(e.addresses().inOrder(facts.families));
        }
        return String.join(",", facts.families.stream().map(f -> e.discovers(f) ? (f == IpFamily.IPv4 ? "any-ipv4" : "any-ipv6")
                : e.addresses().get(f).toString()).toList());
    }
}
