package io.github.dualstack.core.plan.view;

import java.util.List;

/** sysctl.conf.ftl. Components: {@code settings}. */
public record SysctlView(List<SysctlSetting> settings) implements View {

    public SysctlView {
        settings = List.copyOf(settings);
    }
}
