package io.github.dualstack.core.plan;

import io.github.dualstack.core.baseline.BaselineLayout.ClusterFile;
import io.github.dualstack.core.baseline.LiveState;
import io.github.dualstack.core.model.CloudCore;
import io.github.dualstack.core.rules.CloudCoreChart;
import java.util.Optional;

/**
 * A CloudCore that KubeEdge's cloudcore chart installs: through {@code helm} or {@code keadm}, as {@code release}
 * in {@code namespace}. A captured ConfigMap that a Helm release owns says so whatever the descriptor's default, and
 * names the release; keadm always installs release cloudcore in namespace kubeedge.
 */
record ChartInstall(CloudCore.Installer installer, String release, String namespace) {

    static Optional<ChartInstall> of(CloudCore cc, Optional<LiveState> live) {
        Optional<String> captured = live.flatMap(l -> l.helmRelease(ClusterFile.CLOUDCORE_CONFIG));
        if (captured.isPresent()) {
            CloudCore.Installer by = cc.installedBy() == CloudCore.Installer.keadm
                    ? CloudCore.Installer.keadm : CloudCore.Installer.helm;
            return Optional.of(new ChartInstall(by, captured.get(),
                    live.flatMap(l -> l.helmNamespace(ClusterFile.CLOUDCORE_CONFIG)).orElse(cc.namespace())));
        }
        return switch (cc.installedBy()) {
            case manifests -> Optional.empty();
            case keadm -> Optional.of(new ChartInstall(cc.installedBy(), CloudCoreChart.KEADM_RELEASE,
                    CloudCoreChart.KEADM_NAMESPACE));
            case helm -> Optional.of(new ChartInstall(cc.installedBy(), cc.helmRelease(), cc.namespace()));
        };
    }

    boolean keadm() {
        return installer == CloudCore.Installer.keadm;
    }
}
