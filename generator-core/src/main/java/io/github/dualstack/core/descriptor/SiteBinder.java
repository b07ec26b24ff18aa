package io.github.dualstack.core.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dualstack.core.FieldPath;
import io.github.dualstack.core.model.AddressDiscovery;
import io.github.dualstack.core.model.AddressRecheck;
import io.github.dualstack.core.model.BaselineRef;
import io.github.dualstack.core.model.Calico;
import io.github.dualstack.core.model.CalicoPool;
import io.github.dualstack.core.model.CloudCore;
import io.github.dualstack.core.model.ClusterNode;
import io.github.dualstack.core.model.DaemonSetRef;
import io.github.dualstack.core.model.EdgeCoreSettings;
import io.github.dualstack.core.model.EdgeGroup;
import io.github.dualstack.core.model.EdgeNode;
import io.github.dualstack.core.model.FamilyPair;
import io.github.dualstack.core.model.HostPathMount;
import io.github.dualstack.core.model.HubPorts;
import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.model.Kubernetes;
import io.github.dualstack.core.model.Site;
import io.github.dualstack.core.net.Host;
import io.github.dualstack.core.net.IpAddress;
import io.github.dualstack.core.validate.RejectedLiterals;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Binds a schema-valid descriptor, defaults applied, to {@link Site}. Edge defaults and groups are resolved here:
 * each {@link EdgeNode} carries its effective settings. The schema has passed, so every enumerated value (role,
 * exposure, encapsulation, kube-proxy mode, hostPath type, hub protocol, cgroup driver) becomes its enum; every
 * address and CIDR is parsed here, once ({@link Literals}): one that does not parse binds as absent and is kept in
 * {@link #rejected()} for the validator to report. One binder binds one descriptor.
 */
public final class SiteBinder {

    private static final FieldPath SPEC = FieldPath.ROOT.child("spec");

    private final Literals literals = new Literals();

    /** The literals of the bound descriptor that did not parse. */
    public RejectedLiterals rejected() {
        return literals.rejected();
    }

    public Site bind(JsonNode root) {
        JsonNode spec = root.path("spec");
        List<IpFamily> families = new ArrayList<>();
        spec.path("ipFamilies").forEach(f -> families.add(IpFamily.valueOf(f.asText())));
        List<IpFamily> ipFamilies = List.copyOf(families);

        List<ClusterNode> nodes = new ArrayList<>();
        JsonNode nodeList = spec.path("nodes");
        for (int i = 0; i < nodeList.size(); i++) {
            JsonNode n = nodeList.get(i);
            nodes.add(new ClusterNode(n.path("name").asText(),
                    ClusterNode.Role.of(n.path("role").asText()), n.path("interface").asText(),
                    literals.addresses(n.path("addresses"), SPEC.child("nodes").index(i).child("addresses"))));
        }
        JsonNode baseline = spec.path("baseline");
        Optional<BaselineRef> baselineRef = baseline.isObject() ? Optional.of(new BaselineRef(
                baseline.path("directory").asText(), baseline.path("rebuildingCluster").asBoolean())) : Optional.empty();
        EdgeCoreSettings edgeCoreDefaults = edgeCoreDefaults(spec.path("edge").path("defaults"));
        return new Site(root.path("metadata").path("name").asText(), ipFamilies, baselineRef,
                kubernetes(spec.path("kubernetes")),
                spec.has("calico") ? Optional.of(calico(spec.path("calico"))) : Optional.empty(),
                cloudCore(spec.path("cloudCore")), List.copyOf(nodes),
                edgeNodes(spec.path("edge"), ipFamilies.get(0), edgeCoreDefaults),
                daemonSets(spec.path("edge").path("keepOff")), edgeCoreDefaults, groups(spec.path("edge").path("groups")));
    }

    private static List<EdgeGroup> groups(JsonNode arr) {
        List<EdgeGroup> out = new ArrayList<>(arr.size());
        for (int g = 0; g < arr.size(); g++) {
            JsonNode group = arr.get(g);
            out.add(new EdgeGroup(group.path("name").asText(), EDGE.child("groups").index(g),
                    Collections.unmodifiableSortedMap(textMap(group.path("labels"))),
                    group.path("sharedPrivateLan").asBoolean(), group.path("nodeGroup").asBoolean()));
        }
        return List.copyOf(out);
    }

    private static List<DaemonSetRef> daemonSets(JsonNode arr) {
        List<DaemonSetRef> out = new ArrayList<>(arr.size());
        arr.forEach(d -> out.add(new DaemonSetRef(d.path("namespace").asText(), d.path("name").asText())));
        return List.copyOf(out);
    }

    private Kubernetes kubernetes(JsonNode k) {
        JsonNode api = k.path("apiServer");
        FieldPath path = SPEC.child("kubernetes");
        return new Kubernetes(k.path("version").asText(), k.path("imageRepository").asText(),
                k.path("dnsDomain").asText(), optionalText(k.path("clusterName")),
                literals.cidrs(k.path("podSubnets"), path.child("podSubnets")),
                literals.cidrs(k.path("serviceSubnets"), path.child("serviceSubnets")),
                pair(k.path("nodeMaskSizes"), JsonNode::asInt), k.path("allocateNodeCIDRs").asBoolean(),
                literals.endpoint(k.path("controlPlaneEndpoint"), path.child("controlPlaneEndpoint")),
                api.path("bindPort").asInt(), literals.urls(api.path("etcdServers"), path.child("apiServer").child("etcdServers")),
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

    private Calico calico(JsonNode c) {
        FamilyPair<CalicoPool> pools = new FamilyPair<>(pool(c.get("ipv4Pool"), IpFamily.IPv4),
                pool(c.get("ipv6Pool"), IpFamily.IPv6));
        return new Calico(pools, pair(c.path("autodetection"), JsonNode::asText), optionalText(c.path("base")),
                Calico.InstalledBy.valueOf(c.path("installedBy").asText(Calico.InstalledBy.manifests.name())));
    }

    private CalicoPool pool(JsonNode p, IpFamily family) {
        if (p == null) {
            return null;
        }
        return new CalicoPool(literals.cidr(p.path("cidr").asText(), family,
                SPEC.child("calico").child(family.key() + "Pool").child("cidr")), p.path("blockSize").asInt(), p.path("natOutgoing").asBoolean(),
                CalicoPool.Encapsulation.valueOf(p.path("encapsulation").asText()));
    }

    private CloudCore cloudCore(JsonNode c) {
        CloudCore.Installer installer = CloudCore.Installer.valueOf(c.path("installedBy").asText());
        return new CloudCore(c.path("namespace").asText(), CloudCore.Exposure.valueOf(c.path("exposure").asText()),
                literals.anyAddresses(c.path("advertiseAddresses"), SPEC.child("cloudCore").child("advertiseAddresses")),
                textList(c.path("dnsNames")), c.path("nodeLimit").asInt(),
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

    /** Where the edge defaults and groups live: the origins of the settings a node inherits. */
    private static final FieldPath EDGE = FieldPath.ROOT.child("spec").child("edge");

    /**
     * The nodes of spec.edge.nodes (the inventory's among them, after the descriptor's), then each group's, in
     * order. A node naming a group that does not exist binds with the edge defaults; the validator reports it.
     */
    private List<EdgeNode> edgeNodes(JsonNode edge, IpFamily primary, EdgeCoreSettings shared) {
        Inherited defaults = new Inherited(null, edge.path("defaults"), EDGE.child("defaults"), null, shared, literals);
        Map<String, Inherited> groups = new HashMap<>();
        JsonNode groupList = edge.path("groups");
        for (int g = 0; g < groupList.size(); g++) {
            FieldPath path = EDGE.child("groups").index(g);
            groups.putIfAbsent(groupList.get(g).path("name").asText(), new Inherited(groupList.get(g),
                    edge.path("defaults"), path, defaults, edgeCoreSettings(groupList.get(g), path, shared), literals));
        }
        int count = edge.path("nodes").size();
        for (JsonNode g : groupList) {
            count += g.path("nodes").size();
        }
        List<EdgeNode> out = new ArrayList<>(count);
        JsonNode nodes = edge.path("nodes");
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode n = nodes.get(i);
            Inherited from = n.has("group") ? groups.getOrDefault(n.get("group").asText(), defaults) : defaults;
            out.add(edgeNode(n, optionalText(n.path("group")), from, EDGE.child("nodes").index(i), primary));
        }
        for (int g = 0; g < groupList.size(); g++) {
            JsonNode group = groupList.get(g);
            Inherited from = groups.get(group.path("name").asText());
            JsonNode members = group.path("nodes");
            for (int i = 0; i < members.size(); i++) {
                // A member naming another group keeps that name, for the validator to report.
                JsonNode member = members.get(i);
                out.add(edgeNode(member, Optional.of(member.has("group") ? member.get("group").asText()
                        : group.path("name").asText()), from, EDGE.child("groups").index(g).child("nodes").index(i),
                        primary));
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static final List<String> EDGE_CORE_KEYS =
            List.of("metaServer", "clusterDNS", "clusterDomain", "podSandboxImage", "maxPods");

    /** The EdgeCore settings of the edge defaults, whose schema defaults are applied already. */
    private EdgeCoreSettings edgeCoreDefaults(JsonNode defaults) {
        return new EdgeCoreSettings(defaults.path("metaServer").asBoolean(), literals.anyAddresses(
                        defaults.path("clusterDNS"), SPEC.child("edge").child("defaults").child("clusterDNS")),
                optionalText(defaults.path("clusterDomain")), defaults.path("podSandboxImage").asText(),
                defaults.path("maxPods").asInt());
    }

    /**
     * The EdgeCore settings that {@code own} (a group or a node, declared at {@code path}) sets over those it
     * inherits; the inherited instance itself when it sets none, so that edges share one instance per group.
     */
    private EdgeCoreSettings edgeCoreSettings(JsonNode own, FieldPath path, EdgeCoreSettings inherited) {
        if (EDGE_CORE_KEYS.stream().noneMatch(own::has)) {
            return inherited;
        }
        SortedMap<String, FieldPath> declaredAt = new TreeMap<>(inherited.declaredAt());
        EDGE_CORE_KEYS.stream().filter(own::has).forEach(key -> declaredAt.put(key, path.child(key)));
        return new EdgeCoreSettings(
                own.has("metaServer") ? own.get("metaServer").asBoolean() : inherited.metaServer(),
                own.has("clusterDNS") ? literals.anyAddresses(own.get("clusterDNS"), path.child("clusterDNS"))
                        : inherited.clusterDns(),
                own.has("clusterDomain") ? Optional.of(own.get("clusterDomain").asText()) : inherited.clusterDomain(),
                own.has("podSandboxImage") ? own.get("podSandboxImage").asText() : inherited.podSandboxImage(),
                own.has("maxPods") ? own.get("maxPods").asInt() : inherited.maxPods(), declaredAt);
    }

    private EdgeNode edgeNode(JsonNode n, Optional<String> group, Inherited from, FieldPath path, IpFamily primary) {
        SortedMap<String, String> labels = new TreeMap<>(from.labels);
        labels.putAll(textMap(n.path("labels")));
        String hubFamily = from.setting(n, "hubFamily");
        FamilyPair<IpAddress> addresses = literals.addresses(n.path("addresses"), path.child("addresses"));
        FamilyPair<AddressDiscovery> discovery = new FamilyPair<>(
                from.discovery(n, path, IpFamily.IPv4), from.discovery(n, path, IpFamily.IPv6));
        EdgeNode.Fleet fleet = new EdgeNode.Fleet(group, discovery, from.sharedPrivateLan, path, from.recheck(n, path));
        return new EdgeNode(n.path("name").asText(), from.setting(n, "interface"), addresses,
                from.setting(n, "kubeedgeVersion"), hubFamily == null ? primary : IpFamily.valueOf(hubFamily),
                EdgeNode.HubProtocol.valueOf(from.setting(n, "hubProtocol")),
                EdgeNode.CgroupDriver.valueOf(from.setting(n, "cgroupDriver")), from.setting(n, "containerRuntimeEndpoint"),
                Collections.unmodifiableSortedMap(labels), Optional.ofNullable(from.setting(n, "cloudCoreAddress")).map(Host::of),
                edgeCoreSettings(n, path, from.edgeCore), fleet);
    }

    /**
     * The settings a node inherits from its group (null for none) over the edge defaults, computed once per group:
     * the merged labels, the EdgeCore settings, the recheck and one discovery per family declared there, shared by
     * every node that inherits them.
     */
    private static final class Inherited {
        private final JsonNode group;
        private final JsonNode defaults;
        private final SortedMap<String, String> labels;
        private final FamilyPair<AddressDiscovery> discovery;
        private final boolean sharedPrivateLan;
        private final EdgeCoreSettings edgeCore;
        private final Optional<AddressRecheck> recheck;
        private final Literals literals;

        Inherited(JsonNode group, JsonNode defaults, FieldPath path, Inherited parent, EdgeCoreSettings edgeCore,
                  Literals literals) {
            this.group = group;
            this.literals = literals;
            this.edgeCore = edgeCore;
            this.defaults = defaults;
            JsonNode own = group == null ? defaults : group;
            this.labels = new TreeMap<>(parent == null ? Map.of() : parent.labels);
            labels.putAll(textMap(own.path("labels")));
            FamilyPair<AddressDiscovery> declared = declared(own.path("discover"), path.child("discover"));
            this.discovery = parent == null ? declared : new FamilyPair<>(
                    declared.ipv4() != null ? declared.ipv4() : parent.discovery.ipv4(),
                    declared.ipv6() != null ? declared.ipv6() : parent.discovery.ipv6());
            this.sharedPrivateLan = group != null && group.path("sharedPrivateLan").asBoolean();
            Optional<AddressRecheck> declaredRecheck = recheckOf(own, path);
            this.recheck = declaredRecheck.isPresent() || parent == null ? declaredRecheck : parent.recheck;
        }

        /** The node's own setting, else its group's, else the edge default, else null. */
        String setting(JsonNode node, String key) {
            JsonNode v = node.get(key);
            if (v == null && group != null) {
                v = group.get(key);
            }
            if (v == null) {
                v = defaults.get(key);
            }
            return v == null ? null : v.asText();
        }

        /** Null when the family's address is written: a known address wins over any discovery. */
        AddressDiscovery discovery(JsonNode node, FieldPath path, IpFamily f) {
            if (node.path("addresses").has(f.key())) {
                return null;
            }
            JsonNode own = node.path("discover").get(f.key());
            return own != null ? discoveryOf(own, path.child("discover").child(f.key()), f) : discovery.get(f);
        }

        /** The node's own recheckEvery, else the one it inherits. */
        Optional<AddressRecheck> recheck(JsonNode node, FieldPath path) {
            Optional<AddressRecheck> own = recheckOf(node, path);
            return own.isPresent() ? own : recheck;
        }

        private static Optional<AddressRecheck> recheckOf(JsonNode declaring, FieldPath path) {
            JsonNode every = declaring.path("discover").get("recheckEvery");
            return every == null ? Optional.empty()
                    : Optional.of(new AddressRecheck(every.asText(), path.child("discover").child("recheckEvery")));
        }

        private FamilyPair<AddressDiscovery> declared(JsonNode discover, FieldPath path) {
            JsonNode v4 = discover.get(IpFamily.IPv4.key());
            JsonNode v6 = discover.get(IpFamily.IPv6.key());
            return new FamilyPair<>(v4 == null ? null : discoveryOf(v4, path.child(IpFamily.IPv4.key()), IpFamily.IPv4),
                    v6 == null ? null : discoveryOf(v6, path.child(IpFamily.IPv6.key()), IpFamily.IPv6));
        }

        private AddressDiscovery discoveryOf(JsonNode declaration, FieldPath path, IpFamily f) {
            return new AddressDiscovery(optionalText(declaration.path("prefix"))
                    .map(p -> literals.cidr(p, f, path.child("prefix"))), path);
        }
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
