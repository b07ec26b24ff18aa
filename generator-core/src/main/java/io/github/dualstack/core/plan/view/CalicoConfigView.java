package io.github.dualstack.core.plan.view;

/**
 * calico-config.configmap.yaml.ftl. Components: {@code backend} (vxlan or bird), {@code assignIpv4} and
 * {@code assignIpv6} ("true" or "false": Calico's CNI plugin wants JSON strings).
 */
public record CalicoConfigView(String backend, String assignIpv4, String assignIpv6) implements View {
}
