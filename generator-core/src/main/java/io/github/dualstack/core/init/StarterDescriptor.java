package io.github.dualstack.core.init;

import io.github.dualstack.core.FieldPath;
import io.github.dualstack.core.Problem;
import io.github.dualstack.core.Problems;
import io.github.dualstack.core.baseline.Baseline;
import io.github.dualstack.core.baseline.BaselineLayout.ClusterFile;
import io.github.dualstack.core.baseline.BaselineLayout.Embedded;
import io.github.dualstack.core.baseline.BaselineLayout.NodeFile;
import io.github.dualstack.core.baseline.CapturedFile;
import io.github.dualstack.core.baseline.LiveState;
import io.github.dualstack.core.baseline.LiveState.LiveCloudCore;
import io.github.dualstack.core.baseline.LiveState.LiveEdgeCore;
import io.github.dualstack.core.baseline.LiveState.LiveNode;
import io.github.dualstack.core.baseline.LiveState.LivePool;
import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.model.Kubernetes;
import io.github.dualstack.core.rules.Dns1123;
import io.github.dualstack.core.rules.Printable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A starter descriptor for a running site, from what its baseline says: the site's current families, ranges,
 * nodes and their addresses, kube-proxy mode, Calico pool and autodetection, CloudCore's exposure, addresses and
 * ports, and the edges. Every value is the running site's; what the baseline cannot tell (the new family's side,
 * an edge's interface) is left out, with a {@code # TODO:} comment where it goes, so that {@code dualstack
 * validate} names it. Values that have a default the new family can live with (its node mask size, its Calico
 * autodetection) are left to their defaults, with a comment saying so. The same baseline gives the same bytes.
 *
 * <p>What it noticed on the way (the kubeadm-config and the running flags disagree; a choice it had to make) is
 * a warning at the captured field; a running site it cannot read the primary family of is an error.
 */
public final class StarterDescriptor {

    /** The descriptor's text, how many values it leaves to add (each a {@code # TODO:} comment), the problems. */
    public record Starter(String text, int todos, List<Problem> problems) {
        public boolean ok() {
            return problems.stream().noneMatch(Problem::isError);
        }
    }

    /** kube-apiserver's {@code --secure-port} default, and the descriptor's. */
    private static final int DEFAULT_SECURE_PORT = 6443;
    /** The descriptor's defaults of the edge fields init compares per-node values with. */
    private static final String DEFAULT_CGROUP_DRIVER = "systemd";
    private static final String DEFAULT_RUNTIME = "unix:///run/containerd/containerd.sock";
    private static final String DEFAULT_HUB_PROTOCOL = "websocket";
    /** {@code interface=eth0}, {@code interface=^eth0$}, {@code interface=eth0\.100}: one interface, by its name. */
    private static final Pattern ONE_INTERFACE = Pattern.compile(
            "interface=\\^?([A-Za-z0-9_-]+(?:\\\\?\\.[A-Za-z0-9_-]+)*)\\$?");
    private static final int MAX_INTERFACE_BYTES = 15;

    private final LiveState live;
    private final Baseline baseline;
    private final YamlLines y = new YamlLines();
    private final List<Problem> problems = new ArrayList<>();
    private IpFamily primary;
    private List<IpFamily> families;

    private StarterDescriptor(LiveState live) {
        this.live = live;
        this.baseline = live.baseline();
    }

    /**
     * The starter for the running site {@code live}, naming its baseline as {@code baselineDirectory} (relative to
     * the descriptor's directory); the site is named {@code name}, else by kubeadm's clusterName, else after
     * {@code directoryName} (the directory the descriptor goes in); {@code schema} is the schema's address for the
     * modeline.
     */
    public static Starter of(LiveState live, String baselineDirectory, Optional<String> name, String directoryName,
                             String schema) {
        StarterDescriptor s = new StarterDescriptor(live);
        if (!s.families()) {
            return new Starter("", 0, List.copyOf(s.problems));
        }
        s.header(schema, baselineDirectory);
        s.y.put(0, "apiVersion", "dualstack/v1alpha1").put(0, "kind", "Site").open(0, "metadata")
                .put(2, "name", YamlLines.scalar(name.orElseGet(() -> s.siteName(directoryName)))).open(0, "spec");
        s.y.put(2, "ipFamilies", "[" + s.families.get(0) + ", " + s.families.get(1) + "]");
        s.y.open(2, "baseline").put(4, "directory", YamlLines.scalar(baselineDirectory));
        s.kubernetes();
        s.calico();
        s.cloudCore();
        s.nodes();
        s.edge();
        return new Starter(s.y.text(), s.y.todos(), List.copyOf(s.problems));
    }

    /** A DNS-1123 label made of {@code s}: lowercase, runs of other characters as one '-', at most 63. */
    public static String label(String s) {
        String l = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+", "");
        if (l.length() > Dns1123.LABEL_MAX_LENGTH) {
            l = l.substring(0, Dns1123.LABEL_MAX_LENGTH);
        }
        l = l.replaceAll("-+$", "");
        return l.isEmpty() ? "site" : l;
    }

    private void header(String schema, String baselineDirectory) {
        y.comment(0, "yaml-language-server: $schema=" + schema);
        y.comment(0, "A starter descriptor for the running site captured in " + Printable.escape(baselineDirectory)
                + "/, written by dualstack init.");
        y.comment(0, "Every value below is the running site's. Each TODO marks a value to add (the new IP family's"
                + " side, and");
        y.comment(0, "what a capture cannot tell); dualstack validate names every one still missing.");
    }

    // ---- the site's families and name

    /** The running primary family first, then the other one; false after reporting that it cannot be told. */
    private boolean families() {
        Optional<String> serviceIp = live.kubernetesServiceIp();
        Optional<IpFamily> running = serviceIp.flatMap(LiveState::family);
        if (running.isEmpty()) {
            running = serviceRanges().stream().findFirst().flatMap(LiveState::family);
        }
        if (running.isEmpty()) {
            running = live.kubeadmServiceSubnets().stream().findFirst().flatMap(LiveState::family);
        }
        if (running.isEmpty()) {
            CapturedFile service = baseline.cluster(ClusterFile.KUBERNETES_SERVICE).orElseThrow();
            Problems p = service.problems();
            p.error(FieldPath.of("spec.clusterIP"), "init cannot tell the running cluster's primary IP family: the"
                    + " kubernetes Service has no cluster IP, and neither a kube-apiserver's"
                    + " --service-cluster-ip-range nor kubeadm-config's networking.serviceSubnet names a range");
            problems.addAll(p.list());
            return false;
        }
        primary = running.get();
        families = List.of(primary, other(primary));
        return true;
    }

    private static IpFamily other(IpFamily f) {
        return f == IpFamily.IPv4 ? IpFamily.IPv6 : IpFamily.IPv4;
    }

    private String siteName(String directoryName) {
        // kubeadm's default clusterName names no site
        Optional<String> cluster = live.kubeadm("clusterName").filter(n -> !n.equals(Kubernetes.DEFAULT_CLUSTER_NAME));
        if (cluster.isPresent()) {
            String l = label(cluster.get());
            if (!l.equals(cluster.get())) {
                warnKubeadm("clusterName", "is no DNS-1123 label, so the site is named " + l + " (init --name sets"
                        + " another name)");
            }
            return l;
        }
        return label(directoryName);
    }

    // ---- kubernetes

    private void kubernetes() {
        y.open(2, "kubernetes");
        Optional<String> version = live.kubeadm("kubernetesVersion");
        if (version.isPresent()) {
            y.put(4, "version", YamlLines.scalar(version.get()));
        } else {
            y.todo(4, "add version: the control plane's Kubernetes version (kubeadm-config has no kubernetesVersion)");
        }
        live.kubeadm("imageRepository").ifPresent(r -> y.put(4, "imageRepository", YamlLines.scalar(r)));
        live.kubeadm("networking", "dnsDomain").ifPresent(d -> y.put(4, "dnsDomain", YamlLines.scalar(d)));

        Optional<String> kcm = firstNodeWith(NodeFile.KUBE_CONTROLLER_MANAGER);
        List<String> podRanges = kcm.flatMap(n -> live.flag(n, NodeFile.KUBE_CONTROLLER_MANAGER, "cluster-cidr"))
                .map(LiveState::commaSeparated).orElse(List.of());
        crossCheck(live.kubeadmPodSubnets(), podRanges, "podSubnet", kcm.orElse(""),
                "kube-controller-manager runs --cluster-cidr");
        pair(4, "podSubnets", byFamily(podRanges.isEmpty() ? live.kubeadmPodSubnets() : podRanges),
                f -> "the " + f + " pod subnet");

        List<String> serviceRanges = serviceRanges();
        crossCheck(live.kubeadmServiceSubnets(), serviceRanges, "serviceSubnet", firstNodeWith(NodeFile.KUBE_APISERVER)
                .orElse(""), "kube-apiserver runs --service-cluster-ip-range");
        pair(4, "serviceSubnets", byFamily(serviceRanges.isEmpty() ? live.kubeadmServiceSubnets() : serviceRanges),
                f -> "the " + f + " service subnet, " + (f == IpFamily.IPv4 ? "/12 to /28" : "/108 to /124"));

        kcm.ifPresent(node -> {
            Map<IpFamily, String> masks = new EnumMap<>(IpFamily.class);
            for (IpFamily f : families) {
                live.flag(node, NodeFile.KUBE_CONTROLLER_MANAGER, "node-cidr-mask-size-" + f.key())
                        .ifPresent(m -> masks.put(f, m));
            }
            if (!masks.containsKey(primary) && podRanges.size() < 2) {
                live.flag(node, NodeFile.KUBE_CONTROLLER_MANAGER, "node-cidr-mask-size")
                        .ifPresent(m -> masks.put(primary, m));
            }
            Map<IpFamily, String> printed = new EnumMap<>(IpFamily.class);
            masks.forEach((f, m) -> printed.put(f, m.matches("[0-9]{1,3}") ? m : YamlLines.flow(m)));
            if (!printed.isEmpty()) {
                IpFamily missing = families.stream().filter(f -> !printed.containsKey(f)).findFirst().orElse(null);
                y.put(4, "nodeMaskSizes", flowPair(printed), missing == null ? null
                        : missing.key() + ": " + (missing == IpFamily.IPv4 ? 24 : 64) + " unless set");
            }
            y.put(4, "allocateNodeCIDRs", String.valueOf(live.flag(node, NodeFile.KUBE_CONTROLLER_MANAGER,
                    "allocate-node-cidrs").orElse("false").equals("true")));
        });

        Optional<String> endpoint = live.controlPlaneEndpoint();
        long controlPlanes = live.nodes().stream().filter(n -> !n.edge() && n.controlPlane()).count();
        if (endpoint.isPresent()) {
            y.put(4, "controlPlaneEndpoint", YamlLines.scalar(endpoint.get()));
        } else if (controlPlanes > 1) {
            y.todo(4, "add controlPlaneEndpoint: host:port of what fronts the API servers (kubeadm-config has none,"
                    + " and the site has " + controlPlanes + " control-plane nodes)");
        }
        firstNodeWith(NodeFile.KUBE_APISERVER).flatMap(n -> live.flag(n, NodeFile.KUBE_APISERVER, "secure-port"))
                .filter(p -> !p.equals(String.valueOf(DEFAULT_SECURE_PORT)))
                .ifPresent(p -> y.open(4, "apiServer").put(6, "bindPort", p.matches("[0-9]{1,5}") ? p
                        : YamlLines.scalar(p)));
        if (baseline.cluster(ClusterFile.KUBE_PROXY_CONFIG).isPresent()) {
            // kube-proxy's own default on Linux, which an empty mode in config.conf means
            y.open(4, "kubeProxy").put(6, "mode", YamlLines.scalar(live.kubeProxyMode().orElse("iptables")));
        }
    }

    /** The running kube-apiserver's service ranges (the first control-plane node that has one captured). */
    private List<String> serviceRanges() {
        return firstNodeWith(NodeFile.KUBE_APISERVER).map(live::serviceRanges).orElse(List.of());
    }

    private Optional<String> firstNodeWith(NodeFile file) {
        return baseline.controlPlane().values().stream().filter(n -> n.manifest(file).isPresent())
                .map(Baseline.ControlPlaneFiles::node).findFirst();
    }

    /** kubeadm-config's ranges and the running flag's: the starter takes the flag's, and says when they differ. */
    private void crossCheck(List<String> kubeadm, List<String> running, String field, String node, String flag) {
        if (kubeadm.isEmpty() || running.isEmpty()) {
            return;
        }
        if (!kubeadm.stream().map(StarterDescriptor::canonical).toList()
                .equals(running.stream().map(StarterDescriptor::canonical).toList())) {
            warnKubeadm("networking." + field, "is " + String.join(",", kubeadm) + " but " + node + "'s " + flag
                    + "=" + String.join(",", running) + "; the descriptor takes the running value, and the merged"
                    + " kubeadm-config will carry it");
        }
    }

    private void warnKubeadm(String field, String message) {
        baseline.embedded(Embedded.CLUSTER_CONFIGURATION).ifPresent(doc -> {
            Problems p = doc.problems();
            p.warn(FieldPath.of(field), message);
            problems.addAll(p.list());
        });
    }

    // ---- calico

    private void calico() {
        boolean captured = baseline.cluster(ClusterFile.CALICO_POOLS).isPresent()
                || baseline.cluster(ClusterFile.CALICO_NODE).isPresent()
                || baseline.cluster(ClusterFile.CALICO_INSTALLATION).isPresent();
        if (!captured) {
            y.comment(2, "calico: not captured, so no Calico files are rendered; capture Calico to have them");
            return;
        }
        y.open(2, "calico");
        for (IpFamily f : families) {
            String key = f.key() + "Pool";
            Optional<LivePool> pool = pool(f);
            if (pool.isEmpty()) {
                y.todo(4, "add " + key + ": {cidr: ..., encapsulation: " + (f == IpFamily.IPv4 ? "IPIP" : "None")
                        + "}: the " + f + " IPPool, inside the " + f + " pod subnet");
                continue;
            }
            LivePool p = pool.get();
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("cidr", YamlLines.flow(p.cidr()));
            fields.put("blockSize", String.valueOf(p.blockSize()));
            fields.put("natOutgoing", String.valueOf(p.natOutgoing()));
            fields.put("encapsulation", encapsulation(p));
            y.put(4, key, YamlLines.flowMap(fields));
        }
        Map<IpFamily, String> methods = new EnumMap<>(IpFamily.class);
        for (IpFamily f : families) {
            live.calicoAutodetection(f).ifPresent(m -> methods.put(f, YamlLines.flow(m)));
        }
        if (!methods.isEmpty()) {
            IpFamily missing = families.stream().filter(f -> !methods.containsKey(f)).findFirst().orElse(null);
            y.put(4, "autodetection", flowPair(methods), missing == null ? null
                    : missing.key() + ": interface= the nodes' interfaces unless set");
        }
        if (baseline.cluster(ClusterFile.CALICO_INSTALLATION).isPresent()) {
            y.put(4, "installedBy", "operator", "the captured Installation: the Tigera operator owns calico-node");
        }
    }

    /** The running pool of a family: Calico's default-ipvN-ippool if there is one, else the first of the family. */
    private Optional<LivePool> pool(IpFamily f) {
        List<LivePool> of = live.pools().stream().filter(p -> LiveState.family(p.cidr()).orElse(null) == f).toList();
        Optional<LivePool> chosen = of.stream().filter(p -> p.name().equals("default-" + f.key() + "-ippool"))
                .findFirst().or(() -> of.stream().findFirst());
        if (of.size() > 1) {
            CapturedFile pools = baseline.cluster(ClusterFile.CALICO_POOLS).orElseThrow();
            Problems p = pools.problems();
            p.warn(FieldPath.ROOT.child("items"), "holds " + of.size() + " " + f + " pools; the descriptor takes "
                    + chosen.get().name() + " (" + chosen.get().cidr() + "), and the others stay as they are");
            problems.addAll(p.list());
        }
        return chosen;
    }

    /** The descriptor's encapsulation of a pool's ipipMode and vxlanMode. */
    private String encapsulation(LivePool p) {
        String ipip = p.ipipMode();
        String vxlan = p.vxlanMode();
        if (!ipip.equals("Never")) {
            return ipip.equals("CrossSubnet") ? "IPIPCrossSubnet" : "IPIP";
        }
        if (!vxlan.equals("Never")) {
            return vxlan.equals("CrossSubnet") ? "VXLANCrossSubnet" : "VXLAN";
        }
        return "None";
    }

    /** The one interface the running family's autodetection names, if it names exactly one. */
    private Optional<String> calicoInterface() {
        return live.calicoAutodetection(primary).flatMap(m -> {
            Matcher matcher = ONE_INTERFACE.matcher(m);
            return matcher.matches() ? Optional.of(matcher.group(1).replace("\\.", ".")) : Optional.empty();
        }).filter(i -> i.length() <= MAX_INTERFACE_BYTES);
    }

    // ---- cloudCore

    private void cloudCore() {
        LiveCloudCore cc = live.cloudCore();
        y.open(2, "cloudCore");
        cc.namespace().ifPresent(ns -> y.put(4, "namespace", YamlLines.scalar(ns)));
        Optional<String> exposure = exposure(cc);
        exposure.ifPresent(e -> y.put(4, "exposure", e));
        Map<IpFamily, List<String>> byFamily = new EnumMap<>(IpFamily.class);
        cc.advertiseAddresses().forEach(a -> LiveState.family(a)
                .ifPresent(f -> byFamily.computeIfAbsent(f, k -> new ArrayList<>()).add(a)));
        List<IpFamily> missing = families.stream().filter(f -> !byFamily.containsKey(f)).toList();
        if (cc.advertiseAddresses().isEmpty()) {
            y.todo(4, "add advertiseAddresses: [...]: every IP edges may dial, at least one per family");
        } else {
            y.put(4, "advertiseAddresses", YamlLines.flowList(cc.advertiseAddresses()), missing.isEmpty() ? null
                    : y.todoAfter("add " + String.join(" and ", missing.stream().map(f -> "an " + f).toList())
                    + " address edges may dial"));
        }
        if (!cc.dnsNames().isEmpty()) {
            y.put(4, "dnsNames", YamlLines.flowList(cc.dnsNames()));
        }
        cc.nodeLimit().ifPresent(l -> y.put(4, "nodeLimit", String.valueOf(l)));
        if (!cc.ports().isEmpty()) {
            y.put(4, "ports", YamlLines.flowMap(numbers(cc.ports())));
        }
        if (exposure.filter("NodePort"::equals).isPresent() && !cc.nodePorts().isEmpty()) {
            y.put(4, "nodePorts", YamlLines.flowMap(numbers(cc.nodePorts())));
        }
        cc.quic().ifPresent(q -> y.put(4, "quic", String.valueOf(q)));
        if (!missing.isEmpty()) {
            y.put(4, "regenerateCertificates", "true", "the running certificate cannot cover the new addresses");
        }
    }

    /**
     * How edges reach CloudCore now: hostNetwork, else by its Service's type; a ClusterIP Service of a CloudCore
     * off the host network is reached through something in front of it, which the descriptor calls Ingress.
     */
    private Optional<String> exposure(LiveCloudCore cc) {
        if (cc.hostNetwork()) {
            return Optional.of("HostNetwork");
        }
        Optional<String> type = cc.serviceType();
        if (type.isEmpty()) {
            return Optional.empty();
        }
        if (type.get().equals("NodePort") || type.get().equals("LoadBalancer")) {
            return type;
        }
        CapturedFile service = baseline.cluster(ClusterFile.CLOUDCORE_SERVICE).orElseThrow();
        Problems p = service.problems();
        p.warn(FieldPath.of("spec.type"), "CloudCore's Service is " + type.get() + " and CloudCore is not on the host"
                + " network, so edges reach it through something in front of it: the descriptor says exposure"
                + " Ingress; check that this is how the edges reach it");
        problems.addAll(p.list());
        return Optional.of("Ingress");
    }

    private static Map<String, String> numbers(Map<String, Integer> in) {
        Map<String, String> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }

    // ---- nodes

    private void nodes() {
        List<LiveNode> cloud = live.nodes().stream().filter(n -> !n.edge()).toList();
        if (cloud.isEmpty()) {
            y.todo(2, "add nodes: the cloud nodes (every node of the nodes list has the edge role)");
            return;
        }
        y.open(2, "nodes");
        Optional<String> iface = calicoInterface();
        for (LiveNode n : cloud) {
            y.item(4, "name", YamlLines.scalar(n.name()));
            y.put(6, "role", n.controlPlane() ? "control-plane" : "worker");
            if (iface.isPresent()) {
                y.put(6, "interface", YamlLines.scalar(iface.get()));
            } else {
                y.todo(6, "add interface: the node's network interface that carries its addresses");
            }
            pair(6, "addresses", addresses(n), f -> "the node's " + f + " address");
        }
    }

    private Map<IpFamily, String> addresses(LiveNode n) {
        Map<IpFamily, String> out = new EnumMap<>(IpFamily.class);
        for (IpFamily f : families) {
            n.internalIp(f).ifPresent(ip -> out.put(f, ip));
        }
        return out;
    }

    // ---- edge

    private void edge() {
        List<LiveNode> edges = live.nodes().stream().filter(LiveNode::edge).toList();
        Optional<LiveEdgeCore> fleet = live.edgeCoreDefault();
        y.open(2, "edge").open(4, "defaults");
        Optional<String> version = mostCommon(edges.stream().map(LiveNode::kubeedgeVersion).flatMap(Optional::stream)
                .toList()).or(() -> fleet.flatMap(LiveEdgeCore::edgecoreVersion));
        if (version.isPresent()) {
            y.put(6, "kubeedgeVersion", YamlLines.scalar(version.get()));
        } else {
            y.todo(6, "add kubeedgeVersion: the edges' KubeEdge version (neither the nodes list nor an edgecore.yaml"
                    + " says it)");
        }
        y.put(6, "hubFamily", primary.toString());
        String protocol = fleet.flatMap(LiveEdgeCore::hubProtocol).orElse(DEFAULT_HUB_PROTOCOL);
        String cgroup = fleet.flatMap(LiveEdgeCore::cgroupDriver).orElse(DEFAULT_CGROUP_DRIVER);
        String runtime = fleet.flatMap(LiveEdgeCore::containerRuntimeEndpoint).orElse(DEFAULT_RUNTIME);
        fleet.flatMap(LiveEdgeCore::hubProtocol).ifPresent(p -> y.put(6, "hubProtocol", YamlLines.scalar(p)));
        fleet.flatMap(LiveEdgeCore::cgroupDriver).ifPresent(c -> y.put(6, "cgroupDriver", YamlLines.scalar(c)));
        fleet.flatMap(LiveEdgeCore::containerRuntimeEndpoint)
                .ifPresent(r -> y.put(6, "containerRuntimeEndpoint", YamlLines.scalar(r)));
        SortedMap<String, String> common = commonLabels(edges);
        labels(6, common);
        if (edges.isEmpty()) {
            y.put(4, "nodes", "[]");
            return;
        }
        y.open(4, "nodes");
        LiveCloudCore cc = live.cloudCore();
        for (LiveNode n : edges) {
            Optional<LiveEdgeCore> own = live.edgeCore(n.name());
            y.item(6, "name", YamlLines.scalar(n.name()));
            y.todo(8, "add interface: the edge's network interface that carries its addresses");
            pair(8, "addresses", addresses(n), f -> "the edge's " + f + " address");
            n.kubeedgeVersion().filter(v -> !version.equals(Optional.of(v)))
                    .ifPresent(v -> y.put(8, "kubeedgeVersion", YamlLines.scalar(v)));
            own.flatMap(LiveEdgeCore::hubProtocol).filter(p -> !p.equals(protocol))
                    .ifPresent(p -> y.put(8, "hubProtocol", YamlLines.scalar(p)));
            own.flatMap(LiveEdgeCore::cgroupDriver).filter(c -> !c.equals(cgroup))
                    .ifPresent(c -> y.put(8, "cgroupDriver", YamlLines.scalar(c)));
            own.flatMap(LiveEdgeCore::containerRuntimeEndpoint).filter(r -> !r.equals(runtime))
                    .ifPresent(r -> y.put(8, "containerRuntimeEndpoint", YamlLines.scalar(r)));
            dialed(own.or(() -> fleet), cc).ifPresent(a -> y.put(8, "cloudCoreAddress", YamlLines.scalar(a)));
            SortedMap<String, String> ownLabels = new TreeMap<>(userLabels(n));
            common.keySet().forEach(ownLabels::remove);
            labels(8, ownLabels);
        }
    }

    /**
     * The CloudCore address an edge dials today when it is not the one the descriptor would give it (the first
     * advertise address of its hub family) but one CloudCore's certificate covers: the edge keeps dialing it.
     */
    private Optional<String> dialed(Optional<LiveEdgeCore> edgecore, LiveCloudCore cc) {
        Optional<String> host = edgecore.flatMap(LiveEdgeCore::hubHost);
        Optional<String> fallback = cc.advertiseAddresses().stream()
                .filter(a -> LiveState.family(a).orElse(null) == primary).findFirst();
        return host.filter(h -> !fallback.equals(Optional.of(h)))
                .filter(h -> cc.advertiseAddresses().contains(h) || cc.dnsNames().contains(h));
    }

    private void labels(int indent, SortedMap<String, String> labels) {
        if (labels.isEmpty()) {
            return;
        }
        y.open(indent, "labels");
        labels.forEach((k, v) -> y.put(indent + 2, YamlLines.scalar(k), YamlLines.scalar(v)));
    }

    /** The labels every edge has with the same value: the defaults' labels. */
    private static SortedMap<String, String> commonLabels(List<LiveNode> edges) {
        SortedMap<String, String> common = new TreeMap<>();
        if (edges.isEmpty()) {
            return common;
        }
        common.putAll(userLabels(edges.get(0)));
        for (LiveNode n : edges) {
            Map<String, String> own = userLabels(n);
            common.entrySet().removeIf(e -> !e.getValue().equals(own.get(e.getKey())));
        }
        return edges.size() > 1 ? common : new TreeMap<>();
    }

    /**
     * A node's labels but those that Kubernetes, keadm and the kubelet set themselves (the kubernetes.io and
     * k8s.io prefixes): what a rejoin with keadm join --labels would have to give again.
     */
    static SortedMap<String, String> userLabels(LiveNode n) {
        SortedMap<String, String> out = new TreeMap<>();
        n.labels().forEach((k, v) -> {
            int slash = k.indexOf('/');
            String prefix = slash < 0 ? "" : k.substring(0, slash);
            boolean system = prefix.equals("kubernetes.io") || prefix.endsWith(".kubernetes.io")
                    || prefix.equals("k8s.io") || prefix.endsWith(".k8s.io");
            if (!system) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static Optional<String> mostCommon(List<String> values) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        values.forEach(v -> counts.merge(v, 1, Integer::sum));
        String best = null;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (best == null || e.getValue() > counts.get(best)) {
                best = e.getKey();
            }
        }
        return Optional.ofNullable(best);
    }

    // ---- family pairs

    /**
     * {@code key: {ipv4: ..., ipv6: ...}} with the values there are, in the site's family order, and a TODO for
     * each family without one ({@code what} says what it is); a TODO line alone when there is none. Values are
     * quoted when they hold a colon, as IPv6 ones do.
     */
    private void pair(int indent, String key, Map<IpFamily, String> values, Function<IpFamily, String> what) {
        Map<IpFamily, String> printed = new EnumMap<>(IpFamily.class);
        values.forEach((f, v) -> printed.put(f, YamlLines.flow(v)));
        List<IpFamily> missing = families.stream().filter(f -> !printed.containsKey(f)).toList();
        if (printed.isEmpty()) {
            y.todo(indent, "add " + key + ": {" + families.get(0).key() + ": ..., " + families.get(1).key()
                    + ": ...}: " + what.apply(families.get(0)) + " and " + what.apply(families.get(1)));
            return;
        }
        y.put(indent, key, flowPair(printed), missing.isEmpty() ? null
                : y.todoAfter("add " + missing.get(0).key() + ": " + what.apply(missing.get(0))));
    }

    /** {@code {ipv4: a, ipv6: b}} of printed values, in the site's family order. */
    private String flowPair(Map<IpFamily, String> printed) {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (IpFamily f : families) {
            if (printed.containsKey(f)) {
                ordered.put(f.key(), printed.get(f));
            }
        }
        return YamlLines.flowMap(ordered);
    }

    /** The first value of each family, as captured. */
    private static Map<IpFamily, String> byFamily(List<String> values) {
        Map<IpFamily, String> out = new EnumMap<>(IpFamily.class);
        for (String v : values) {
            LiveState.family(v).ifPresent(f -> out.putIfAbsent(f, v.trim()));
        }
        return out;
    }

    private static String canonical(String cidr) {
        return LiveState.parse(cidr).map(a -> a.toPrefixBlock().toCanonicalString()).orElse(cidr.trim());
    }
}
