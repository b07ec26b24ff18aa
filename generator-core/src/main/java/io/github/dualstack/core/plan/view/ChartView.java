package io.github.dualstack.core.plan.view;

import java.util.List;

/**
 * What the runbook says when KubeEdge's cloudcore chart installs CloudCore. Components: {@code installer} (helm or
 * keadm), {@code helm} (whether helm is the installer, whose
 * lines name the chart as CHART), {@code release}, {@code namespace}, {@code values} (the values overlay), {@code servicePatch} (the patch of
 * what the chart cannot render), {@code install} (a new site's install command, one line per element, empty for a
 * running site), {@code upgrade} (the command that gives the release the values), {@code patch} (the kubectl patch
 * line), {@code patchesType} (whether the patch also sets the Service type, which every upgrade resets). Command
 * lines are shell words already.
 */
public record ChartView(String installer, boolean helm, String release, String namespace, String values, String servicePatch,
                        List<String> install, List<String> upgrade, String patch, boolean patchesType) {

    public ChartView {
        install = List.copyOf(install);
        upgrade = List.copyOf(upgrade);
    }
}
