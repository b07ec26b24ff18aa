package io.github.dualstack.core.plan.view;

import java.util.List;

/**
 * preflight.sh.ftl. Components: {@code nodes} (the cloud nodes), {@code ipv6}, {@code ipv4} (site families),
 * {@code kubeletDropIn} (whether the site installs the kubelet drop-in; a new kubeadm cluster has none).
 */
public record PreflightView(List<Node> nodes, boolean ipv6, boolean ipv4, boolean kubeletDropIn) implements View {

    public PreflightView {
        nodes = List.copyOf(nodes);
    }

    /** One cloud node. Components: {@code name}, {@code interface}, {@code addresses}, {@code sysctl}. */
    public record Node(String name, @TemplateName("interface") String interfaceName, List<FamilyAddress> addresses,
                       List<SysctlSetting> sysctl) {

        public Node {
            addresses = List.copyOf(addresses);
            sysctl = List.copyOf(sysctl);
        }
    }
}
