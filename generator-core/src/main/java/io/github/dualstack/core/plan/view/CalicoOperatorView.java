package io.github.dualstack.core.plan.view;

import java.util.List;
import java.util.Optional;

/**
 * The runbook's Calico step when the Tigera operator installs Calico. Components: {@code installation} (the
 * Installation file), {@code patch} (it is a kustomize patch over the site's Calico base, which holds the
 * Installation), {@code changed} (on a running site, the fields changed from the captured Installation; empty on a
 * new one), {@code addsPools} (a running site's pool is added through the Installation), {@code poolsFile} (the
 * projectcalico.org/v3 IPPools of a running site whose Installation manages no pools).
 */
public record CalicoOperatorView(String installation, boolean patch, List<String> changed, boolean addsPools,
                                 Optional<String> poolsFile) {

    public CalicoOperatorView {
        changed = List.copyOf(changed);
    }
}
