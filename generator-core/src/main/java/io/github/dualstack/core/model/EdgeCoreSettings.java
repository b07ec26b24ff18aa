package io.github.dualstack.core.model;

import java.util.List;
import java.util.Optional;

/**
 * What an edge's EdgeCore runs with beyond its hub connection (reference kubeedge.md section 3): the MetaServer
 * (modules.metaManager.metaServer.enable), edged's cluster DNS servers, cluster domain (empty: the site's
 * dnsDomain), pause image and pod limit. Edges that set none of them share one instance.
 */
public record EdgeCoreSettings(boolean metaServer, List<String> clusterDns, Optional<String> clusterDomain,
                               String podSandboxImage, int maxPods) {

    public EdgeCoreSettings {
        clusterDns = List.copyOf(clusterDns);
    }
}
