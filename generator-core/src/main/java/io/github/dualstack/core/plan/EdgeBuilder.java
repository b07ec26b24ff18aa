package io.github.dualstack.core.plan;

import io.github.dualstack.core.model.EdgeNode;
import io.github.dualstack.core.model.HubPorts;
import io.github.dualstack.core.model.IpFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Per edge node: edgecore.yaml and join.sh, which agree on the CloudCore address, family and ports
 * (reference kubeedge.md sections 2, 3 and 8). The stream is lazy: at 100,000 edges only the files being rendered
 * exist in memory.
 */
final class EdgeBuilder implements ArtifactBuilder {

    @Override
    public Stream<PlannedFile> files(SiteFacts facts) {
        return facts.site.edgeNodes().stream().flatMap(e -> edgeFiles(facts, e));
    }

    static Stream<PlannedFile> edgeFiles(SiteFacts facts, EdgeNode e) {
        String host = facts.hub.effective(e).orElseThrow();   // canonical already when it is an IP
        HubPorts ports = facts.dialPorts;
        boolean quic = e.hubProtocol() == EdgeNode.HubProtocol.quic;
        List<String> addresses = SiteFacts.canonicalAddresses(e.addresses(), facts.site.ipFamilies());
        String hubServer = Endpoints.hostPort(host, quic ? ports.quic() : ports.websocket());
        Map<String, Object> config = Maps.of(
                "nodeName", e.name(),
                "nodeIp", String.join(",", addresses),
                "edgecoreVersion", e.kubeedgeVersion(),
                "quic", quic,
                "websocketServer", Endpoints.hostPort(host, ports.websocket()),
                "quicServer", Endpoints.hostPort(host, ports.quic()),
                "httpServer", Endpoints.https(host, ports.https()),
                "streamServer", Endpoints.hostPort(host, ports.tunnel()),
                "labels", e.labels(),
                "cgroupDriver", e.cgroupDriver().name(),
                "runtimeEndpoint", e.containerRuntimeEndpoint(),
                "clusterDomain", facts.site.kubernetes().dnsDomain());
        List<Map<String, Object>> ifaceAddresses = new ArrayList<>();
        for (int i = 0; i < addresses.size(); i++) {
            IpFamily f = facts.site.ipFamilies().get(i);
            ifaceAddresses.add(Maps.of("family", f.name(), "flag", f == IpFamily.IPv4 ? "-4" : "-6", "address", addresses.get(i)));
        }
        Map<String, Object> join = Maps.of(
                "nodeName", e.name(),
                "interface", e.interfaceName(),
                "addresses", ifaceAddresses,
                "cloudCoreIpPort", hubServer,
                "certPort", ports.https(),
                "caUrl", Endpoints.https(host, ports.https()) + "/ca.crt",
                "hubFamilyFlag", e.hubFamily() == IpFamily.IPv4 ? "-4" : "-6",
                "hubProtocol", e.hubProtocol().name(),
                "kubeedgeVersion", e.kubeedgeVersion(),
                "cgroupDriver", e.cgroupDriver().name(),
                "runtimeEndpoint", e.containerRuntimeEndpoint(),
                "labels", e.labels().entrySet().stream().map(l -> l.getKey() + "=" + l.getValue())
                        .collect(Collectors.joining(",")));
        String dir = "edge/" + e.name() + "/";
        return Stream.of(
                new PlannedFile(dir + "etc/kubeedge/config/edgecore.yaml", "edgecore.yaml.ftl", config, FileKind.EDGECORE_CONFIG),
                new PlannedFile(dir + "join.sh", "join.sh.ftl", join, FileKind.SCRIPT));
    }
}
