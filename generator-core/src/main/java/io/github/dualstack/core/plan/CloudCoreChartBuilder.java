package io.github.dualstack.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dualstack.core.model.CloudCore;
import io.github.dualstack.core.model.HubPorts;
import io.github.dualstack.core.plan.view.CloudCoreServicePatchView;
import io.github.dualstack.core.plan.view.HelmValuesView;
import io.github.dualstack.core.plan.view.YamlTree;
import io.github.dualstack.core.rules.CloudCoreChart;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * For a CloudCore that KubeEdge's cloudcore chart installs (helm or keadm): the values overlay that makes the chart
 * itself render the dual-stack settings it has values for, so that no later {@code helm upgrade} or
 * {@code keadm upgrade cloud} renders the old ones again; and a strategic merge patch of the chart's Service for
 * what its template cannot render (service_cloudcore.yaml: no ipFamilyPolicy or ipFamilies, type NodePort or
 * ClusterIP only). Neither file is a kustomize resource: the chart and kubectl patch apply them.
 */
final class CloudCoreChartBuilder implements ArtifactBuilder {

    static final String VALUES = "cluster/kubeedge/cloudcore.helm-values.yaml";
    static final String SERVICE_PATCH = "cluster/kubeedge/cloudcore.service.patch.yaml";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Override
    public Stream<PlannedFile> files(SiteFacts facts) {
        return facts.chart.stream().flatMap(chart -> Stream.of(
                new PlannedFile(VALUES, new HelmValuesView(new YamlTree(values(facts)))),
                new PlannedFile(SERVICE_PATCH, servicePatch(facts, chart))));
    }

    /** The chart's values for the site, keyed by {@link CloudCoreChart}'s paths. */
    static ObjectNode values(SiteFacts facts) {
        CloudCore cc = facts.site.cloudCore();
        ObjectNode root = NODES.objectNode();
        // The chart renders a NodePort Service only off the host network, and hostNetwork is what edges dial then.
        set(root, CloudCoreChart.HOST_NETWORK, NODES.booleanNode(cc.exposure() == CloudCore.Exposure.HostNetwork));
        set(root, CloudCoreChart.ADVERTISE_ADDRESS, strings(SiteFacts.canonical(facts.advertiseAddresses)));
        set(root, CloudCoreChart.DNS_NAMES, strings(cc.dnsNames()));
        set(root, CloudCoreChart.NODE_LIMIT, NODES.textNode(String.valueOf(cc.nodeLimit())));
        set(root, CloudCoreChart.QUIC_ENABLE, NODES.booleanNode(cc.quic()));
        boolean nodePort = cc.exposure() == CloudCore.Exposure.NodePort;
        set(root, CloudCoreChart.SERVICE_TYPE, NODES.textNode(nodePort ? "NodePort" : "ClusterIP"));
        if (nodePort) {
            HubPorts p = cc.nodePorts();
            // values.yaml spells the NodePorts as strings; the template prints them unquoted.
            set(root, CloudCoreChart.WEBSOCKET_NODE_PORT, NODES.textNode(String.valueOf(p.websocket())));
            set(root, CloudCoreChart.QUIC_NODE_PORT, NODES.textNode(String.valueOf(p.quic())));
            set(root, CloudCoreChart.HTTPS_NODE_PORT, NODES.textNode(String.valueOf(p.https())));
            set(root, CloudCoreChart.STREAM_NODE_PORT, NODES.textNode(String.valueOf(p.stream())));
            set(root, CloudCoreChart.TUNNEL_NODE_PORT, NODES.textNode(String.valueOf(p.tunnel())));
        }
        facts.captured.flatMap(c -> CloudCoreHosts.of(facts, c.live()).pinTo()).ifPresent(node -> set(root,
                CloudCoreChart.NODE_SELECTOR, NODES.objectNode().put("kubernetes.io/hostname", node)));
        return root;
    }

    static CloudCoreServicePatchView servicePatch(SiteFacts facts, ChartInstall chart) {
        var service = CloudCoreBuilder.service(facts);
        boolean loadBalancer = facts.site.cloudCore().exposure() == CloudCore.Exposure.LoadBalancer;
        return new CloudCoreServicePatchView(chart.namespace(), service.ipFamilyPolicy(), service.ipFamilies(),
                loadBalancer ? Optional.of(service.type()) : Optional.empty());
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode a = NODES.arrayNode();
        values.forEach(a::add);
        return a;
    }

    private static void set(ObjectNode root, String dotted, JsonNode value) {
        String[] keys = dotted.split("\\.");
        ObjectNode at = root;
        for (int i = 0; i < keys.length - 1; i++) {
            at = at.has(keys[i]) ? (ObjectNode) at.get(keys[i]) : at.putObject(keys[i]);
        }
        at.set(keys[keys.length - 1], value);
    }
}
