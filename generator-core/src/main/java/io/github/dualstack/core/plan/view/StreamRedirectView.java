package io.github.dualstack.core.plan.view;

import java.util.List;

/**
 * stream-redirect.sh.ftl. Components: {@code namespace} (CloudCore's pods), {@code recordNamespace} (where CloudCore
 * keeps ConfigMap tunnelport), {@code selector} (CloudCore's pod label selector), {@code streamPort} (CloudStream's
 * streamPort, the DNAT target port), {@code families} (IPv4, IPv6: the families the edge nodes report, site order).
 */
public record StreamRedirectView(String namespace, String recordNamespace, String selector, int streamPort,
                                 List<String> families) implements View {

    public StreamRedirectView {
        families = List.copyOf(families);
    }
}
