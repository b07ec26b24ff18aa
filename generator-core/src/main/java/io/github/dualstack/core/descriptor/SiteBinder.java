package io.github.dualstack.core.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.github.dualstack.core.model.BaselineRef;
import io.github.dualstack.core.model.Calico;
import io.github.dualstack.core.model.CalicoPool;
import io.github.dualstack.core.model.CloudCore;
import io.github.dualstack.core.model.ClusterNode;
import io.github.dualstack.core.model.DaemonSetRef;
import io.github.dualstack.core.model.EdgeCoreSettings;
import io.github.dualstack.core.model.EdgeNode;
import io.github.dualstack.core.model.FamilyPair;
import io.github.dualstack.core.model.HostPathMount;
import io.github.dualstack.core.model.HubPorts;
import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.model.Kubernetes;
import io.github.dualstack.core.model.Site;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Binds a schema-valid descriptor, defaults applied, to {@link Site}. Edge defaults are resolved here: each
 * {@link EdgeNode} carries its effective settings. Nothing is checked here; the schema has passed, so every
 * enumerated value (role, exposure, encapsulation, kube-proxy mode, hostPath type, hub protocol, cgroup driver) becomes
 * its enum.
 */
public final class SiteBinder {

    public Site bind(JsonNode root) {
        JsonNode spec = root.path("spec");
        List<IpFamily> families = new ArrayList<>();
        spec.path("ipFamilies").forEach(f -> families.add(IpFamily.valueOf(f.asText())));
        List<IpFamily> ipFamilies = List.copyOf(families);

        List<ClusterNode> nodes = new ArrayList<>();
        for (JsonNode n : spec.path("nodes")) {
            nodes.add(new ClusterNode(n.path("name").asText(),
                    ClusterNode.Role.of(n.path("role").asText()),
                    n.path("interface").asText(), strings(n.path("addresses"))));
        }
        JsonNode baseline = spec.path("baseline");
        Optional<BaselineRef> baselineRef = baseline.isObject() ? Optional.of(new BaselineRef(
                baseline.path("directory").asText(), baseline.path("rebuildingCluster").asBoolean())) : Optional.empty();
        EdgeCoreSettings fleet = edgeCoreSettings(MissingNode.getInstance(), spec.path("edge").path("defaults"), null);
        return new Site(root.path("metadata").path("name").asText(), ipFamilies, baselineRef,
                kubernetes(spec.path("kubernetes")),
                spec.has("calico") ? Optional.of(calico(spec.path("calico"))) : Optional.empty(),
                cloudCore(spec.path("cloudCore")), List.copyOf(nodes), edgeNodes(spec.path("edge"), ipFamilies.get(0), fleet),
                daemonSets(spec.path("edge").path("keepOff")), fleet);
    }

    private static List<DaemonSetRef> daemonSets(JsonNode arr) {
        List<DaemonSetRef> out = new ArrayList<>(arr.size());
        arr.forEach(d -> out.add(new DaemonSetRef(d.path("namespace").asText(), d.path("name").asText())));
        return List.copyOf(out);
    }

    private static Kubernetes kubernetes(JsonNode k) {
        JsonNode api = k.path("apiServer");
        return new Kubernetes(k.path("version").asText(), k.path("imageRepository").asText(),
                k.path("dnsDomain").asText(), optionalText(k.path("clusterName")), strings(k.path("podSubnets")), strings(k.path("serviceSubnets")),
                pair(k.path("nodeMaskSizes"), JsonNode::asInt), k.path("allocateNodeCIDRs").asBoolean(),
                optionalText(k.path("controlPlaneEndpoint")), api.path("bindPort").asInt(), textList(api.path("etcdServers")),
                textMap(api.path("extraArgs")), textMap(k.path("controllerManager").path("extraArgs")),
                volumes(api.path("extraVolumes")), volumes(k.path("controllerManager").path("extraVolumes")),
                Kubernetes.KubeProxyMode.valueOf(k.path("kubeProxy").path("mode").asText()),
                Kubernetes.Bootstrap.valueOf(k.path("bootstrap").asText()));
    }

    private static List<HostPathMount> volumes(JsonNode arr) {
        List<HostPathMount> out = new ArrayList<>(arr.size());
        for (JsonNode v : arr) {
            out.add(new HostPathMount(v.path("name").asText(), v.path("hostPath").asText(), v.path("mountPath").asText(),
                    v.path("readOnly").asBoolean(), HostPathMount.PathType.of(v.path("pathType").asText())));
        }
        return List.copyOf(out);
    }

    private static Calico calico(JsonNode c) {
        FamilyPair<CalicoPool> pools = new FamilyPair<>(pool(c.get("ipv4Pool")), pool(c.get("ipv6Pool")));
        return new Calico(pools, strings(c.path("autodetection")), optionalText(c.path("base")),
                Calico.InstalledBy.valueOf(c.path("installedBy").asText(Calico.InstalledBy.manifest.name())));
    }

    private static CalicoPool pool(JsonNode p) {
        if (p == null) {
            return null;
        }
        return new CalicoPool(p.path("cidr").asText(), p.path("blockSize").asInt(), p.path("natOutgoing").asBoolean(),
                CalicoPool.Encapsulation.valueOf(p.path("encapsulation").asText()));
    }

    private static CloudCore cloudCore(JsonNode c) {
        CloudCore.Installer installer = CloudCore.Installer.valueOf(c.path("installedBy").asText());
        return new CloudCore(c.path("namespace").asText(), CloudCore.Exposure.valueOf(c.path("exposure").asText()),
                textList(c.path("advertiseAddresses")), textList(c.path("dnsNames")), c.path("nodeLimit").asInt(),
                ports(c.path("ports")), ports(c.path("nodePorts")), c.path("quic").asBoolean(),
                c.path("regenerateCertificates").asBoolean(), c.path("dynamicController").asBoolean(),
                iptablesManager(c, installer), installer, c.path("helmRelease").asText());
    }

    /** The chart (helm, keadm) runs the iptables-manager DaemonSet itself, so CloudCore's own must stay out of it. */
    private static CloudCore.IptablesManager iptablesManager(JsonNode c, CloudCore.Installer installer) {
        return c.hasNonNull("iptablesManager") ? CloudCore.IptablesManager.valueOf(c.path("iptablesManager").asText())
                : installer.chart() ? CloudCore.IptablesManager.external : CloudCore.IptablesManager.internal;
    }

    private static HubPorts ports(JsonNode p) {
        return new HubPorts(p.path("websocket").asInt(), p.path("quic").asInt(), p.path("https").asInt(),
                p.path("stream").asInt(), p.path("tunnel").asInt());
    }

    private static List<EdgeNode> edgeNodes(JsonNode edge, IpFamily primary, EdgeCoreSettings fleet) {
        JsonNode d = edge.path("defaults");
        List<EdgeNode> out = new ArrayList<>(edge.path("nodes").size());
        for (JsonNode n : edge.path("nodes")) {
            SortedMap<String, String> labels = new TreeMap<>(textMap(d.path("labels")));
            labels.putAll(textMap(n.path("labels")));
            String hubFamily = setting(n, d, "hubFamily");
            out.add(new EdgeNode(n.path("name").asText(), n.path("interface").asText(), strings(n.path("addresses")),
                    setting(n, d, "kubeedgeVersion"), hubFamily == null ? primary : IpFamily.valueOf(hubFamily),
                    EdgeNode.HubProtocol.valueOf(setting(n, d, "hubProtocol")),
                    EdgeNode.CgroupDriver.valueOf(setting(n, d, "cgroupDriver")), setting(n, d, "containerRuntimeEndpoint"),
                    Collections.unmodifiableSortedMap(labels), optionalText(n.path("cloudCoreAddress")),
                    edgeCoreSettings(n, d, fleet)));
        }
        return Collections.unmodifiableList(out);
    }

    private static final List<String> EDGE_CORE_KEYS =
            List.of("metaServer", "clusterDNS", "clusterDomain", "podSandboxImage", "maxPods");

    /** The node's EdgeCore settings over the edge defaults; the fleet's own instance when it sets none. */
    private static EdgeCoreSettings edgeCoreSettings(JsonNode node, JsonNode defaults, EdgeCoreSettings fleet) {
        if (fleet != null && EDGE_CORE_KEYS.stream().noneMatch(node::has)) {
            return fleet;
        }
        JsonNode dns = node.has("clusterDNS") ? node.get("clusterDNS") : defaults.path("clusterDNS");
        return new EdgeCoreSettings(Boolean.parseBoolean(setting(node, defaults, "metaServer")), textList(dns),
                Optional.ofNullable(setting(node, defaults, "clusterDomain")), setting(node, defaults, "podSandboxImage"),
                Integer.parseInt(setting(node, defaults, "maxPods")));
    }

    /** The node's own setting, else the edge default, else null. */
    private static String setting(JsonNode node, JsonNode defaults, String key) {
        JsonNode v = node.has(key) ? node.get(key) : defaults.get(key);
        return v == null ? null : v.asText();
    }

    private static FamilyPair<String> strings(JsonNode pair) {
        return pair(pair, JsonNode::asText);
    }

    private static <T> FamilyPair<T> pair(JsonNode pair, Function<JsonNode, T> fn) {
        JsonNode v4 = pair.get("ipv4");
        JsonNode v6 = pair.get("ipv6");
        return new FamilyPair<>(v4 == null ? null : fn.apply(v4), v6 == null ? null : fn.apply(v6));
    }

    private static Optional<String> optionalText(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? Optional.empty() : Optional.of(n.asText());
    }

    private static List<String> textList(JsonNode arr) {
        List<String> out = new ArrayList<>(arr.size());
        arr.forEach(v -> out.add(v.asText()));
        return List.copyOf(out);
    }

    private static SortedMap<String, String> textMap(JsonNode obj) {
        SortedMap<String, String> out = new TreeMap<>();
        obj.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

}
