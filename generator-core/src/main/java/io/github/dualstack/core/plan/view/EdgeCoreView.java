package io.github.dualstack.core.plan.view;

import io.github.dualstack.core.model.EdgeNode;

/**
 * edgecore.yaml.ftl. Components: {@code nodeName}, {@code nodeIp} (addresses in family order, comma-separated),
 * {@code edgecoreVersion}, {@code quic}, {@code websocketServer}, {@code quicServer}, {@code httpServer},
 * {@code streamServer}, {@code labels}, {@code cgroupDriver}, {@code runtimeEndpoint}, {@code clusterDomain}.
 */
public record EdgeCoreView(String nodeName, String nodeIp, String edgecoreVersion, boolean quic,
                           String websocketServer, String quicServer, String httpServer, String streamServer,
                           Labels labels, EdgeNode.CgroupDriver cgroupDriver, String runtimeEndpoint,
                           String clusterDomain) implements View {
}
