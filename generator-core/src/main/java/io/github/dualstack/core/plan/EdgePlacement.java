package io.github.dualstack.core.plan;

import io.github.dualstack.core.baseline.BaselineLayout.ClusterFile;
import io.github.dualstack.core.baseline.CapturedFile;
import io.github.dualstack.core.model.DaemonSetRef;
import io.github.dualstack.core.plan.view.NodeSelectorTerm;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The DaemonSets the site keeps off edge nodes, in a fixed order: kube-proxy (kubeadm's tolerates every taint),
 * calico-node (Calico's tolerates every taint too), then those the descriptor lists. Each with the affinity terms its
 * patch holds, merged into the captured DaemonSet's when there is one, and the file that carries them: calico-node's
 * env patch, the Calico operator's Installation, or a patch of its own.
 */
final class EdgePlacement {

    static final String SUFFIX = ".edge-affinity.patch.yaml";

    /**
     * One DaemonSet kept off edge nodes. {@code terms} empty: its captured terms all exclude edge nodes already, and
     * no patch is needed. {@code source}: the captured file the terms were merged from; absent, the patch assumes the
     * DaemonSet has no required terms of its own.
     */
    record Kept(DaemonSetRef daemonSet, List<NodeSelectorTerm> terms, Optional<String> source, String path) {

        boolean patched() {
            return !terms.isEmpty();
        }

        /** Whether its terms travel in calico-node's env patch rather than in a patch of their own. */
        boolean inCalicoPatch() {
            return path.equals(CalicoBuilder.PATCH);
        }

        /** Whether its terms travel in the Calico operator's Installation. */
        boolean inInstallation() {
            return path.equals(CalicoInstallationBuilder.PATH);
        }
    }

    private EdgePlacement() {
    }

    static List<Kept> of(SiteFacts facts) {
        List<Kept> out = new ArrayList<>();
        Set<DaemonSetRef> seen = new LinkedHashSet<>();
        out.add(kept(facts, DaemonSetRef.KUBE_PROXY, Optional.of(ClusterFile.KUBE_PROXY_DAEMONSET),
                path(DaemonSetRef.KUBE_PROXY)));
        seen.add(DaemonSetRef.KUBE_PROXY);
        if (facts.site.calico().isPresent()) {
            if (CalicoBuilder.patchesCalicoNode(facts)) {
                out.add(kept(facts, DaemonSetRef.CALICO_NODE, Optional.of(ClusterFile.CALICO_NODE), CalicoBuilder.PATCH));
            } else {
                // The operator reverts edits of calico-node: its affinity is the Installation's override, whose
                // terms have the DaemonSet's shape under spec.calicoNodeDaemonSet.
                Optional<CapturedFile> installation = facts.captured.flatMap(c -> c.cluster(ClusterFile.CALICO_INSTALLATION));
                out.add(new Kept(DaemonSetRef.CALICO_NODE_OPERATOR, EdgeAffinity.patchTerms(installation.map(
                        i -> i.tree().path("spec").path("calicoNodeDaemonSet"))), installation.map(CapturedFile::name),
                        CalicoInstallationBuilder.PATH));
            }
            seen.add(DaemonSetRef.CALICO_NODE);
            seen.add(DaemonSetRef.CALICO_NODE_OPERATOR);
        }
        for (DaemonSetRef ds : facts.site.keepOffEdge()) {
            if (seen.add(ds)) {
                out.add(kept(facts, ds, Optional.empty(), path(ds)));
            }
        }
        return List.copyOf(out);
    }

    /** Only the kube-proxy and calico-node DaemonSets are captured in a baseline. */
    private static Kept kept(SiteFacts facts, DaemonSetRef ds, Optional<ClusterFile> file, String path) {
        Optional<CapturedFile> captured = file.flatMap(f -> facts.captured.flatMap(c -> c.cluster(f)));
        return new Kept(ds, EdgeAffinity.patchTerms(captured.map(CapturedFile::tree)), captured.map(CapturedFile::name),
                path);
    }

    /** {@code cluster/NAMESPACE/NAME.edge-affinity.patch.yaml}: both are DNS names, safe as path segments. */
    static String path(DaemonSetRef ds) {
        return "cluster/" + ds.namespace() + "/" + ds.name() + SUFFIX;
    }
}
