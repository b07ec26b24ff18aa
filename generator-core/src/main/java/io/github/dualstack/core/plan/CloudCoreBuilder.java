package io.github.dualstack.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dualstack.core.baseline.BaselineLayout.ClusterFile;
import io.github.dualstack.core.baseline.BaselineLayout.Embedded;
import io.github.dualstack.core.baseline.CapturedFile;
import io.github.dualstack.core.model.CloudCore;
import io.github.dualstack.core.model.HubPorts;
import io.github.dualstack.core.plan.merge.CloudCoreMerge;
import io.github.dualstack.core.plan.merge.ServiceMerge;
import io.github.dualstack.core.plan.view.CloudCoreConfigView;
import io.github.dualstack.core.plan.view.CloudCoreServiceView;
import io.github.dualstack.core.plan.view.MergedDocumentView;
import io.github.dualstack.core.rules.CloudCoreTuning;
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
        if (facts.captured.isPresent()) {
            Captures captured = facts.captured.get();
            return Stream.of(new PlannedFile(SERVICE, mergedService(facts, captured)),
                    new PlannedFile(CONFIGMAP, mergedConfig(facts, captured)));
        }
        return Stream.of(new PlannedFile(SERVICE, service(facts)), new PlannedFile(CONFIGMAP, config(facts)));
    }

    /** The captured Service with the site's families, policy and ports; its type and clusterIP stay. */
    static MergedDocumentView mergedService(SiteFacts facts, Captures captured) {
        CapturedFile svc = captured.cluster(ClusterFile.CLOUDCORE_SERVICE).orElseThrow();
        CloudCoreServiceView want = service(facts);
        List<ServiceMerge.Port> ports = want.ports().stream()
                .map(p -> new ServiceMerge.Port(p.name(), p.protocol(), p.port(), p.nodePort())).toList();
        return Captures.view(FileKind.KUBERNETES, svc,
                ServiceMerge.merge(svc.tree(), facts.families, want.ipFamilyPolicy(), ports));
    }

    /**
     * The captured ConfigMap with the advertise addresses, DNS names and nodeLimit's derived values: the chart's
     * iptablesManager, dynamicController, router and taskManager settings are the site's and stay. A derived value
     * changes only where CloudCore would adjust it at start-up: qps and burst other than their formula, a worker
     * count or buffer below it (an omitted one holds its Go default); a higher one is the site's own tuning.
     */
    static MergedDocumentView mergedConfig(SiteFacts facts, Captures captured) {
        CapturedFile cm = captured.cluster(ClusterFile.CLOUDCORE_CONFIG).orElseThrow();
        CloudCore cc = facts.site.cloudCore();
        JsonNode conf = captured.embedded(Embedded.CLOUDCORE_CONFIG);
        List<CloudCoreMerge.Tuned> tuned = new ArrayList<>();
        tuned.add(new CloudCoreMerge.Tuned(List.of("modules", "cloudHub", "nodeLimit"), cc.nodeLimit()));
        for (CloudCoreTuning t : CloudCoreTuning.values()) {
            JsonNode have = conf.at("/" + t.path().replace('.', '/'));
            if (have.isIntegralNumber() && !t.wouldAdjust(have.asLong(), cc.nodeLimit())
                    || have.isMissingNode() && !t.wouldAdjust(t.goDefault(), cc.nodeLimit())) {
                continue;
            }
            tuned.add(new CloudCoreMerge.Tuned(List.of(t.path().split("\\.")), (int) t.at(cc.nodeLimit())));
        }
        return Captures.view(FileKind.CLOUDCORE_CONFIGMAP, cm, CloudCoreMerge.merge(cm.tree(), conf,
                SiteFacts.canonical(facts.advertiseAddresses), cc.dnsNames(), tuned));
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
                p.websocket(), cc.quic(), p.quic(), p.https(), p.stream(), p.tunnel(), cc.dynamicController(),
                iptablesManager(cc.iptablesManager()));
    }

    /** Written only when it is not KubeEdge's default (enabled, internal), so that sites not setting it stay as they were. */
    static Optional<CloudCoreConfigView.IptablesManager> iptablesManager(CloudCore.IptablesManager m) {
        return switch (m) {
            case internal -> Optional.empty();
            case external -> Optional.of(new CloudCoreConfigView.IptablesManager(true, Optional.of("external")));
            case disabled -> Optional.of(new CloudCoreConfigView.IptablesManager(false, Optional.empty()));
        };
    }
}
