package io.github.dualstack.core.plan.view;

/** kubelet-dropin.conf.ftl. Components: {@code nodeName}, {@code nodeIp} (addresses in family order, comma-separated). */
public record KubeletDropInView(String nodeName, String nodeIp) implements View {
}
