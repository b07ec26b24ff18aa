package io.github.dualstack.core.plan.view;

import io.github.dualstack.core.model.EdgeNode;
import java.util.List;
import java.util.Optional;

/**
 * edgecore.yaml.ftl. Components: {@code nodeName}, {@code nodeIp} (addresses in family order, comma-separated),
 * {@code edgecoreVersion}, {@code quic}, {@code websocketServer}, {@code quicServer}, {@code httpServer},
 * {@code streamServer}, {@code labels}, {@code cgroupDriver}, {@code runtimeEndpoint}, {@code clusterDomain},
 * {@code metaServer}, {@code clusterDns} (canonical addresses), {@code podSandboxImage} and {@code maxPods} (empty
 * when they are EdgeCore's defaults, which it then applies itself).
 */
public record EdgeCoreView(String nodeName, String nodeIp, String edgecoreVersion, boolean quic,
                           String websocketServer, String quicServer, String httpServer, String streamServer,
                           Labels labels, EdgeNode.CgroupDriver cgroupDriver, String runtimeEndpoint,
                           String clusterDomain, boolean metaServer, List<String> clusterDns,
                           Optional<String> podSandboxImage, Optional<Integer> maxPods) implements View {

    public EdgeCoreView {
        clusterDns = List.copyOf(clusterDns);
    }
}
