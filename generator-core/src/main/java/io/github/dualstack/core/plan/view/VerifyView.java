package io.github.dualstack.core.plan.view;

import java.util.List;

/** verify.sh.ftl. Components: {@code caUrls}, {@code nodes} (cloud nodes, then edge nodes), {@code namespace}. */
public record VerifyView(List<CaUrl> caUrls, List<Node> nodes, String namespace) implements View {

    public VerifyView {
        caUrls = List.copyOf(caUrls);
        nodes = List.copyOf(nodes);
    }

    /** A node verify.sh expects. Components: {@code name}, {@code ips} (comma-separated), {@code edge}. */
    public record Node(String name, String ips, boolean edge) {
    }
}
