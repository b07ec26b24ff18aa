package io.github.dualstack.core.plan;

import io.github.dualstack.core.plan.view.EdgeAffinityPatchView;
import java.util.stream.Stream;

/**
 * One strategic merge patch per DaemonSet kept off edge nodes that needs one, but calico-node, whose affinity
 * travels in its env patch ({@link CalicoBuilder}) or the operator's Installation ({@link CalicoInstallationBuilder}).
 */
final class EdgeAffinityBuilder implements ArtifactBuilder {

    @Override
    public Stream<PlannedFile> files(SiteFacts facts) {
        return EdgePlacement.of(facts).stream().filter(k -> k.patched() && !k.inCalicoPatch() && !k.inInstallation())
                .map(k -> new PlannedFile(k.path(), new EdgeAffinityPatchView(k.daemonSet().namespace(),
                        k.daemonSet().name(), k.terms(), k.source())));
    }
}
