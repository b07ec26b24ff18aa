package io.github.dualstack.core.plan;

import io.github.dualstack.core.baseline.BaselineLayout.ClusterFile;
import io.github.dualstack.core.baseline.LiveState;
import io.github.dualstack.core.model.CloudCore;
import io.github.dualstack.core.model.EdgeNode;
import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.plan.view.ConversionView;
import io.github.dualstack.core.plan.view.EdgePlacementView;
import io.github.dualstack.core.plan.view.NewClusterView;
import io.github.dualstack.core.plan.view.RunbookView;
import io.github.dualstack.core.rules.KubeEdgeNamespaces;
import io.github.dualstack.core.rules.KubeadmApi;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** README.md of the tree: the rollout runbook for this site, in a safe order, naming the file each step uses. */
final class RunbookBuilder implements ArtifactBuilder {

    @Override
    public Stream<PlannedFile> files(SiteFacts facts) {
        return Stream.of(new PlannedFile("README.md", view(facts)));
    }

    static RunbookView view(SiteFacts facts) {
        var site = facts.site;
        CloudCore cc = site.cloudCore();
        List<String> controlPlane = facts.cloudNodes.stream().filter(n -> n.node().isControlPlane())
                .map(n -> n.node().name()).toList();
        List<String> cloudNodes = facts.cloudNodes.stream().map(n -> n.node().name()).toList();
        return new RunbookView(site.name(), facts.familyList(), site.isDualStack(), facts.hasFamily(IpFamily.IPv6),
                String.join(",", facts.podCidrs), String.join(",", facts.serviceCidrs), controlPlane, cloudNodes,
                site.calico().isPresent(), site.calico().flatMap(c -> c.base()).isPresent(),
                cc.exposure(), cc.exposure() == CloudCore.Exposure.HostNetwork, cc.namespace(),
                cc.regenerateCertificates(), SiteFacts.joined(facts.advertiseAddresses), site.edgeNodes().size(),
                site.edgeNodes().stream().findFirst().map(EdgeNode::name), facts.caUrls, KubeEdgeNamespaces.SECRETS,
                facts.captured.map(c -> conversion(facts, c)), edgePlacement(facts),
                StreamRedirectBuilder.edgeFamilies(facts), CalicoInstallationBuilder.runbook(facts),
                facts.chart.map(chart -> ChartCommands.view(facts, chart)), newCluster(facts),
                FleetRunbook.view(facts));
    }

    /** The kubeadm init and join steps of a new cluster: which node runs which file. */
    static Optional<NewClusterView> newCluster(SiteFacts facts) {
        var k = facts.site.kubernetes();
        if (!k.newKubeadmCluster()) {
            return Optional.empty();
        }
        SiteFacts.NodeFacts first = KubeadmBuilder.firstControlPlane(facts);
        List<String> joining = new ArrayList<>();
        List<String> workers = new ArrayList<>();
        for (SiteFacts.NodeFacts n : facts.cloudNodes) {
            if (n != first) {
                (n.node().isControlPlane() ? joining : workers).add(n.node().name());
            }
        }
        return Optional.of(new NewClusterView(k.version(), KubeadmApi.of(k.version()).apiVersion(),
                facts.apiServerEndpoint, k.controlPlaneEndpoint().isPresent(), first.node().name(), joining, workers,
                KubeadmBuilder.TOKEN_PLACEHOLDER, KubeadmBuilder.CA_CERT_HASH_PLACEHOLDER,
                KubeadmBuilder.CERTIFICATE_KEY_PLACEHOLDER));
    }

    /**
     * The DaemonSets kept off edge nodes: the patches of the kube-proxy step, and which DaemonSets it checks first
     * because their patch assumes no terms of their own (calico-node's too, when kubectl patches it rather than
     * kustomize applying it over the upstream base).
     */
    static EdgePlacementView edgePlacement(SiteFacts facts) {
        boolean calicoBase = facts.site.calico().flatMap(c -> c.base()).isPresent();
        List<EdgePlacementView.Patch> patches = new ArrayList<>();
        List<EdgePlacementView.Patch> unchecked = new ArrayList<>();
        List<String> all = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        boolean calicoNode = false;
        for (EdgePlacement.Kept k : EdgePlacement.of(facts)) {
            all.add(k.daemonSet().toString());
            if (!k.patched()) {
                kept.add(k.daemonSet().toString());
                continue;
            }
            EdgePlacementView.Patch patch = new EdgePlacementView.Patch(k.daemonSet().namespace(), k.daemonSet().name(),
                    k.path());
            if (k.inCalicoPatch() || k.inInstallation()) {
                calicoNode = true;
            } else {
                patches.add(patch);
            }
            // The Installation's affinity replaces calico-node's whole, whatever the DaemonSet has.
            if (k.source().isEmpty() && !(k.inCalicoPatch() && calicoBase) && !k.inInstallation()) {
                unchecked.add(patch);
            }
        }
        return new EdgePlacementView(all, patches, unchecked, kept, calicoNode);
    }

    /** What converting the running site adds to the runbook: all of it read from the baseline. */
    static ConversionView conversion(SiteFacts facts, Captures captured) {
        LiveState live = captured.live();
        List<String> needed = KubeadmConfigBuilder.certSans(facts);
        List<String> renew = new ArrayList<>();
        Set<String> lacking = new LinkedHashSet<>();
        for (SiteFacts.NodeFacts n : facts.cloudNodes) {
            if (!n.node().isControlPlane()) {
                continue;
            }
            Set<String> sans = live.apiServerSans(n.node().name()).orElse(Set.of());
            if (!sans.containsAll(needed)) {
                renew.add(n.node().name());
                needed.stream().filter(s -> !sans.contains(s)).forEach(lacking::add);
            }
        }
        // what the renewed certificates add, whatever another node's certificate covers already
        List<String> newSans = needed.stream().filter(lacking::contains).toList();
        CloudCoreHosts hosts = CloudCoreHosts.of(facts, live);
        List<ConversionView.ServiceRef> singleStack = new ArrayList<>();
        captured.cluster(ClusterFile.KUBE_DNS_SERVICE)
                .filter(s -> !s.tree().path("spec").path("ipFamilyPolicy").asText("SingleStack").endsWith("DualStack"))
                .ifPresent(s -> singleStack.add(new ConversionView.ServiceRef(
                        s.tree().path("metadata").path("namespace").asText("kube-system"),
                        s.tree().path("metadata").path("name").asText("kube-dns"))));
        int singleStackNodes = (int) live.nodes().stream()
                .filter(n -> !n.podCidrs().isEmpty() && n.podCidrs().size() < facts.families.size()).count();
        return new ConversionView(captured.baselineName(), KubeadmConfigBuilder.PATH, renew, newSans,
                hosts.nodes(), hosts.pinned(), singleStack, singleStackNodes, live.calicoIpam().orElse("unknown"),
                captured.cluster(ClusterFile.CALICO_INSTALLATION).isPresent());
    }
}
