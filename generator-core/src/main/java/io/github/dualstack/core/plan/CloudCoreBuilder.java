package io.github.dualstack.core.plan;

import io.github.dualstack.core.rules.CloudCoreTuning;
import io.github.dualstack.core.model.CloudCore;
import io.github.dualstack.core.model.HubPorts;
import io.github.dualstack.core.plan.view.CloudCoreConfigView;
import io.github.dualstack.core.plan.view.CloudCoreServiceView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
        return Stream.of(new PlannedFile(SERVICE, service(facts)), new PlannedFile(CONFIGMAP, config(facts)));
    }

    static CloudCoreServiceView service(SiteFacts facts) {
        CloudCore cc = facts.site.cloudCore();
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
        boolean nodePort = cc.exposure() == CloudCore.Exposure.NodePort;
        List<CloudCoreServiceView.Port> ports = new ArrayList<>();
        ports.add(port("cloudhub", "TCP", cc.ports().websocket(), cc.nodePorts().websocket(), nodePort));
        if (cc.quic()) {
            ports.add(port("cloudhub-quic", "UDP", cc.ports().quic(), cc.nodePorts().quic(), nodePort));
        }
        ports.add(port("cloudhub-https", "TCP", cc.ports().https(), cc.nodePorts().https(), nodePort));
        ports.add(port("cloudstream", "TCP", cc.ports().stream(), cc.nodePorts().stream(), nodePort));
        ports.add(port("tunnelport", "TCP", cc.ports().tunnel(), cc.nodePorts().tunnel(), nodePort));
        return new CloudCoreServiceView(cc.namespace(), type, policy, facts.families, ports);
    }

    private static CloudCoreServiceView.Port port(String name, String protocol, int port, int nodePort,
                                                  boolean withNodePort) {
        return new CloudCoreServiceView.Port(name, protocol, port, withNodePort ? Optional.of(nodePort) : Optional.empty());
    }

    static CloudCoreConfigView config(SiteFacts facts) {
        CloudCore cc = facts.site.cloudCore();
        int limit = cc.nodeLimit();
        HubPorts p = cc.ports();
        // CloudCore rewrites its own ConfigMap when these differ from what AdjustCloudCoreConfig derives from
        // nodeLimit; a GitOps tool would then fight it forever. Write exactly the values it would compute.
        return new CloudCoreConfigView(cc.namespace(), SiteFacts.canonical(facts.advertiseAddresses), cc.dnsNames(),
                limit, (int) CloudCoreTuning.QPS.at(limit), (int) CloudCoreTuning.BURST.at(limit),
                (int) CloudCoreTuning.QUERY_NODE_WORKERS.at(limit), (int) CloudCoreTuning.PATCH_NODE_WORKERS.at(limit),
                (int) CloudCoreTuning.CREATE_LEASE_WORKERS.at(limit), (int) CloudCoreTuning.PATCH_NODE_BUFFER.at(limit),
                (int) CloudCoreTuning.QUERY_NODE_BUFFER.at(limit), (int) CloudCoreTuning.CREATE_LEASE_BUFFER.at(limit),
                p.websocket(), cc.quic(), p.quic(), p.https(), p.stream(), p.tunnel());
    }
}
