package io.github.dualstack.core.plan;

import io.github.dualstack.core.model.CloudCore;
import io.github.dualstack.core.model.HubPorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CloudCore Service (dual-stack, ports named as KubeEdge's chart names them) and the CloudCore ConfigMap
 * (reference kubeedge.md sections 1, 4 and 8).
 */
final class CloudCoreBuilder implements ArtifactBuilder {

    static final String SERVICE = "cluster/kubeedge/cloudcore.service.yaml";
    static final String CONFIGMAP = "cluster/kubeedge/cloudcore.configmap.yaml";

    @Override
    public Stream<PlannedFile> files(SiteFacts facts) {
        CloudCore cc = facts.site.cloudCore();
        return Stream.of(
                new PlannedFile(SERVICE, "cloudcore.service.yaml.ftl", service(facts, cc), FileKind.KUBERNETES),
                new PlannedFile(CONFIGMAP, "cloudcore.configmap.yaml.ftl", config(facts, cc), FileKind.CLOUDCORE_CONFIGMAP));
    }

    private static Map<String, Object> service(SiteFacts facts, CloudCore cc) {
        boolean nodePort = cc.exposure() == CloudCore.Exposure.NodePort;
        String type = switch (cc.exposure()) {
            case NodePort -> "NodePort";
            case LoadBalancer -> "LoadBalancer";
            // With an Ingress in front, or hostNetwork (edges dial the node itself), the Service stays in-cluster.
            case Ingress, HostNetwork -> "ClusterIP";
        };
        String policy = !facts.site.isDualStack() ? "SingleStack"
                // Edges depend on both families through NodePort, LoadBalancer and Ingress: fail loudly if the
                // cluster cannot give them. hostNetwork does not need a dual-stack Service at all.
                : cc.exposure() == CloudCore.Exposure.HostNetwork ? "PreferDualStack" : "RequireDualStack";
        List<Map<String, Object>> ports = new ArrayList<>();
        port(ports, "cloudhub", "TCP", cc.ports().websocket(), cc.nodePorts().websocket(), nodePort);
        if (cc.quic()) {
            port(ports, "cloudhub-quic", "UDP", cc.ports().quic(), cc.nodePorts().quic(), nodePort);
        }
        port(ports, "cloudhub-https", "TCP", cc.ports().https(), cc.nodePorts().https(), nodePort);
        port(ports, "cloudstream", "TCP", cc.ports().stream(), cc.nodePorts().stream(), nodePort);
        port(ports, "tunnelport", "TCP", cc.ports().tunnel(), cc.nodePorts().tunnel(), nodePort);
        return Maps.of("namespace", cc.namespace(), "type", type, "ipFamilyPolicy", policy,
                "ipFamilies", facts.families, "ports", ports);
    }

    private static void port(List<Map<String, Object>> ports, String name, String protocol, int port, int nodePort,
                             boolean withNodePort) {
        ports.add(Maps.of("name", name, "protocol", protocol, "port", port, "nodePort", withNodePort ? nodePort : 0));
    }

    private static Map<String, Object> config(SiteFacts facts, CloudCore cc) {
        int limit = cc.nodeLimit();
        HubPorts p = cc.ports();
        // CloudCore rewrites its own ConfigMap when these differ from what AdjustCloudCoreConfig derives from
        // nodeLimit; a GitOps tool would then fight it forever. Write exactly the values it would compute.
        return Maps.of("namespace", cc.namespace(),
                "advertiseAddresses", facts.advertiseAddresses,
                "dnsNames", cc.dnsNames(),
                "nodeLimit", limit,
                "qps", 5 * limit, "burst", 10 * limit,
                "queryNodeWorkers", limit, "patchNodeWorkers", 100 + limit / 50, "createLeaseWorkers", limit,
                "patchNodeBuffer", 1024 + limit / 2, "queryNodeBuffer", 1024 + limit, "createLeaseBuffer", 1024 + limit,
                "websocketPort", p.websocket(), "quic", cc.quic(), "quicPort", p.quic(), "httpsPort", p.https(),
                "streamPort", p.stream(), "tunnelPort", p.tunnel());
    }
}
