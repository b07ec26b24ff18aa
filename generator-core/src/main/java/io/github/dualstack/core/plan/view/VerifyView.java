package io.github.dualstack.core.plan.view;

import java.util.List;

/**
 * verify.sh.ftl. Components: {@code caUrls}, {@code nodes} (cloud nodes, then edge nodes), {@code namespace},
 * {@code keptOffEdge} (namespace/name of the DaemonSets that must have no pod on an edge node),
 * {@code keptOffNamespaces} (their namespaces, each once: one pod listing each), {@code loadBalancerAddresses} (the
 * advertise addresses the LoadBalancer Service must hold; empty for other exposures), {@code tunnelUrls}
 * (CloudStream's tunnel port at each advertise address, as edges dial it; empty without edge nodes),
 * {@code discovered} (whether an edge node's address is found at join time, expected as {@code any-ipv4} or
 * {@code any-ipv6} in {@code ips}).
 */
public record VerifyView(List<CaUrl> caUrls, List<Node> nodes, String namespace, List<String> keptOffEdge,
                         List<String> keptOffNamespaces, List<String> loadBalancerAddresses, List<CaUrl> tunnelUrls,
                         boolean discovered) implements View {

    public VerifyView {
        caUrls = List.copyOf(caUrls);
        nodes = List.copyOf(nodes);
        keptOffEdge = List.copyOf(keptOffEdge);
        keptOffNamespaces = List.copyOf(keptOffNamespaces);
        loadBalancerAddresses = List.copyOf(loadBalancerAddresses);
        tunnelUrls = List.copyOf(tunnelUrls);
    }

    /** A node verify.sh expects. Components: {@code name}, {@code ips} (comma-separated), {@code edge}. */
    public record Node(String name, String ips, boolean edge) {
    }
}
