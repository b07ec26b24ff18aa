package io.github.dualstack.core.plan;

import io.github.dualstack.core.baseline.BaselineLayout.ClusterFile;
import io.github.dualstack.core.baseline.CapturedFile;
import io.github.dualstack.core.baseline.LiveState;
import io.github.dualstack.core.model.Calico;
import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.plan.merge.InstallationMerge;
import io.github.dualstack.core.plan.merge.Merged;
import io.github.dualstack.core.plan.view.CalicoInstallationView;
import io.github.dualstack.core.plan.view.CalicoOperatorView;
import io.github.dualstack.core.plan.view.MergedDocumentView;
import io.github.dualstack.core.plan.view.CalicoPoolsView;
import io.github.dualstack.core.plan.view.CalicoPoolsView.Pool;
import io.github.dualstack.core.plan.view.NodeSelectorTerm;
import io.github.dualstack.core.plan.view.YamlTree;
import io.github.dualstack.core.rules.CalicoOperator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Calico installed by the Tigera operator ({@link CalicoOperator}): the operator owns calico-node and its CNI
 * configuration, so the site's dual-stack settings go into its Installation {@code default}, and nothing is written
 * for calico-node or calico-config. A new site gets the whole Installation (pools, autodetection per family,
 * calico-node's edge affinity); a running one the captured Installation with only those fields changed (the guards
 * in {@code validate.CalicoOperatorRules} have refused what the operator cannot change after install). A pool is
 * added to {@code calicoNetwork.ipPools} when the operator manages the pools there; when that list is empty the
 * cluster's pools are managed out of band, and the new family's pool is a projectcalico.org/v3 IPPool of its own,
 * applied through the Calico API server, which validates it (a crd.projectcalico.org/v1 write would not be).
 */
final class CalicoInstallationBuilder implements ArtifactBuilder {

    static final String PATH = "cluster/calico.installation.yaml";
    private static final String POOLS_CHANGE = "spec.calicoNetwork.ipPools[";

    @Override
    public Stream<PlannedFile> files(SiteFacts facts) {
        if (!operator(facts)) {
            return Stream.empty();
        }
        List<Pool> pools = CalicoBuilder.pools(facts);
        List<InstallationMerge.Detection> detections = detections(facts);
        List<NodeSelectorTerm> terms = EdgePlacement.of(facts).stream().filter(k -> k.path().equals(PATH))
                .findFirst().map(EdgePlacement.Kept::terms).orElseThrow();
        if (facts.captured.isEmpty()) {
            Merged m = InstallationMerge.merge(InstallationMerge.skeleton(), installationPools(facts, pools),
                    detections, terms);
            return Stream.of(new PlannedFile(PATH, new CalicoInstallationView(facts.familyList(), new YamlTree(m.object()))));
        }
        Captures captured = facts.captured.get();
        CapturedFile file = captured.cluster(ClusterFile.CALICO_INSTALLATION).orElseThrow();
        LiveState.LiveInstallation live = captured.live().calicoInstallation().orElseThrow();
        Set<IpFamily> served = CalicoBuilder.capturedFamilies(captured, pools);
        for (LiveState.LivePool p : live.pools()) {
            pools.stream().filter(w -> SiteFacts.sameCidr(w.cidr(), p.cidr(), w.family()))
                    .forEach(w -> served.add(w.family()));
        }
        List<Pool> added = pools.stream().filter(p -> !served.contains(p.family())).toList();
        List<PlannedFile> out = new ArrayList<>();
        Merged m = InstallationMerge.merge(file.tree(), live.managesPools() ? installationPools(facts, added) : List.of(),
                detections, terms);
        out.add(new PlannedFile(PATH, Captures.view(FileKind.CALICO, file, m)));
        if (!live.managesPools() && !added.isEmpty()) {
            out.add(new PlannedFile(CalicoBuilder.POOLS, new CalicoPoolsView(added, true)));
        }
        return out.stream();
    }

    /** What the runbook's Calico step says about the files above. */
    static Optional<CalicoOperatorView> runbook(SiteFacts facts) {
        if (!operator(facts)) {
            return Optional.empty();
        }
        List<PlannedFile> files = new CalicoInstallationBuilder().files(facts).toList();
        List<String> changed = files.get(0).view() instanceof MergedDocumentView m ? m.changed() : List.of();
        return Optional.of(new CalicoOperatorView(PATH, facts.site.calico().flatMap(Calico::base).isPresent(), changed,
                facts.captured.isPresent() && changed.stream().anyMatch(c -> c.startsWith(POOLS_CHANGE)),
                files.stream().map(PlannedFile::path).filter(CalicoBuilder.POOLS::equals).findFirst()));
    }

    static boolean operator(SiteFacts facts) {
        return facts.site.calico().map(Calico::operator).orElse(false);
    }

    private static List<InstallationMerge.Pool> installationPools(SiteFacts facts, List<Pool> pools) {
        Calico calico = facts.site.calico().orElseThrow();
        return pools.stream().map(p -> new InstallationMerge.Pool(p.name(), p.cidr(), p.blockSize(),
                calico.pools().get(p.family()).encapsulation().name(), CalicoOperator.natOutgoing(p.natOutgoing())))
                .toList();
    }

    /** Each family's method, the descriptor's or the cloud nodes' interfaces, in the operator's spelling. */
    private static List<InstallationMerge.Detection> detections(SiteFacts facts) {
        Calico calico = facts.site.calico().orElseThrow();
        return facts.families.stream().map(f -> new InstallationMerge.Detection(
                f == IpFamily.IPv4 ? "nodeAddressAutodetectionV4" : "nodeAddressAutodetectionV6",
                CalicoOperator.autodetection(calico.autodetection().has(f) ? calico.autodetection().get(f)
                        : CalicoBuilder.defaultAutodetection(facts)))).toList();
    }
}
