package io.github.dualstack.core.plan.view;

import java.util.Optional;

/** One sysctl. Components: {@code key}, {@code value}, {@code comment} (absent when the key explains itself). */
public record SysctlSetting(String key, String value, Optional<String> comment) {
}
