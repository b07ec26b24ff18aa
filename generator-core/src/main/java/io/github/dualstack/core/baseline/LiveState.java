package io.github.dualstack.core.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import io.github.dualstack.core.baseline.BaselineLayout.ClusterFile;
import io.github.dualstack.core.baseline.BaselineLayout.Embedded;
import io.github.dualstack.core.baseline.BaselineLayout.NodeFile;
import io.github.dualstack.core.model.IpFamily;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the running site is, read from its baseline in the terms the guards, the plan and {@code init} use: the
 * primary family, the nodes and their pod CIDRs, the Calico pools, the control-plane endpoint, who owns CloudCore.
 * Captured values are the cluster's own text, so they are parsed leniently: a value that does not parse is absent.
 */
public final class LiveState {

    static final String EDGE_ROLE = "node-role.kubernetes.io/edge";
    private static final String CONTROL_PLANE_ROLE = "node-role.kubernetes.io/control-plane";
    static final String HELM_MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String HELM_RELEASE = "meta.helm.sh/release-name";
    private static final String HOSTNAME = "kubernetes.io/hostname";

    private static final Pattern KUBEEDGE_KUBELET = Pattern.compile(".*-kubeedge-(v[0-9]+\\.[0-9]+\\.[0-9]+)");

    /** A Node object as captured; {@code kubeletVersion} is empty when the list does not say. */
    public record LiveNode(String name, List<String> podCidrs, List<String> internalIps, Map<String, String> labels,
                           boolean edge, boolean controlPlane, String kubeletVersion) {

        public LiveNode(String name, List<String> podCidrs, List<String> internalIps, Map<String, String> labels,
                        boolean edge, boolean controlPlane) {
            this(name, podCidrs, internalIps, labels, edge, controlPlane, "");
        }

        /** The KubeEdge version an edge's kubelet reports ({@code v1.31.12-kubeedge-v1.22.0}), if it is one. */
        public Optional<String> kubeedgeVersion() {
            Matcher m = KUBEEDGE_KUBELET.matcher(kubeletVersion);
            return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
        }

        /** The first InternalIP of {@code family}, as the node reports it. */
        public Optional<String> internalIp(IpFamily family) {
            return internalIps.stream().filter(ip -> family(ip).orElse(null) == family).findFirst();
        }
    }

    /**
     * A captured IPPool: its name, CIDR and block size (Calico's default block size when the pool has none), and
     * its NAT and overlay modes ({@code ipipMode}, {@code vxlanMode}: {@code Never}, {@code Always} or
     * {@code CrossSubnet}; Calico's defaults when unset: no NAT, {@code Never}).
     */
    public record LivePool(String name, String cidr, int blockSize, boolean natOutgoing, String ipipMode,
                           String vxlanMode) {

        public LivePool(String name, String cidr, int blockSize) {
            this(name, cidr, blockSize, false, "Never", "Never");
        }
    }

    /**
     * The captured CloudCore: the namespace of its ConfigMap (else of its Service or Deployment), whether it runs
     * on the host's network, its Service's type, and what its cloudcore.yaml says: the addresses and names its
     * certificate covers, its node limit, whether QUIC is on, and its ports by the descriptor's names
     * ({@code websocket}, {@code quic}, {@code https}, {@code stream}, {@code tunnel}); {@code nodePorts} are the
     * Service's node ports for those ports, by the same names.
     */
    public record LiveCloudCore(Optional<String> namespace, boolean hostNetwork, Optional<String> serviceType,
                                List<String> advertiseAddresses, List<String> dnsNames, Optional<Integer> nodeLimit,
                                Optional<Boolean> quic, Map<String, Integer> ports, Map<String, Integer> nodePorts) {
    }

    /**
     * What an edge's captured edgecore.yaml says of the edge: its kubelet's cgroup driver and CRI endpoint, the hub
     * protocol edgecore uses ({@code websocket} when its WebSocket client is enabled, else {@code quic} when that one
     * is), the host it dials CloudCore at for that protocol, and its {@code edgecoreVersion}.
     */
    public record LiveEdgeCore(Optional<String> cgroupDriver, Optional<String> containerRuntimeEndpoint,
                               Optional<String> hubProtocol, Optional<String> hubHost,
                               Optional<String> edgecoreVersion) {
    }

    private final Baseline baseline;
    private List<LiveNode> nodes;

    public LiveState(Baseline baseline) {
        this.baseline = baseline;
    }

    public Baseline baseline() {
        return baseline;
    }

    /** An address or CIDR as the cluster printed it, parsed leniently; empty when it does not parse. */
    public static Optional<IPAddress> parse(String text) {
        return Optional.ofNullable(new IPAddressString(text.trim()).getAddress());
    }

    /** The family of an address or CIDR as the cluster printed it; empty when it does not parse. */
    public static Optional<IpFamily> family(String text) {
        return parse(text).map(a -> a.isIPv6() ? IpFamily.IPv6 : IpFamily.IPv4);
    }

    /** A captured comma-separated list (flag values, kubeadm's dual subnets), blanks dropped. */
    public static List<String> commaSeparated(String text) {
        List<String> out = new ArrayList<>();
        for (String s : text.split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    /** The {@code kubernetes} Service's cluster IP: the cluster's primary service family, as the API server chose it. */
    public Optional<String> kubernetesServiceIp() {
        return baseline.cluster(ClusterFile.KUBERNETES_SERVICE)
                .map(s -> s.tree().path("spec").path("clusterIP").asText(""))
                .filter(ip -> !ip.isEmpty());
    }

    /** A control-plane node's kube-apiserver {@code --service-cluster-ip-range}, range by range. */
    public List<String> serviceRanges(String node) {
        return flag(node, NodeFile.KUBE_APISERVER, "service-cluster-ip-range").map(LiveState::commaSeparated).orElse(List.of());
    }

    /** The value of a flag in a control-plane node's captured static pod. */
    public Optional<String> flag(String node, NodeFile pod, String name) {
        Baseline.ControlPlaneFiles files = baseline.controlPlane().get(node);
        if (files == null) {
            return Optional.empty();
        }
        return files.manifest(pod).flatMap(f -> podFlag(f.tree(), name));
    }

    /** The value of a flag in a static pod's command ({@code --name=value}; a bare {@code --name} is "true"). */
    public static Optional<String> podFlag(JsonNode pod, String name) {
        for (JsonNode arg : pod.path("spec").path("containers").path(0).path("command")) {
            String a = arg.asText();
            if (a.equals("--" + name)) {
                return Optional.of("true");
            }
            if (a.startsWith("--" + name + "=")) {
                return Optional.of(a.substring(name.length() + 3));
            }
        }
        return Optional.empty();
    }

    /**
     * The captured nodes, in the list's order: the i-th is {@code items[i]} of the nodes list. Read once per
     * LiveState: the guards, the runbook and init each ask more than once, and a fleet's list is long.
     */
    public synchronized List<LiveNode> nodes() {
        if (nodes == null) {
            nodes = List.copyOf(readNodes());
        }
        return nodes;
    }

    private List<LiveNode> readNodes() {
        List<LiveNode> out = new ArrayList<>();
        baseline.cluster(ClusterFile.NODES).ifPresent(list -> {
            for (JsonNode n : list.tree().path("items")) {
                Map<String, String> labels = new TreeMap<>();
                n.path("metadata").path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
                List<String> cidrs = new ArrayList<>();
                n.path("spec").path("podCIDRs").forEach(c -> cidrs.add(c.asText()));
                if (cidrs.isEmpty() && n.path("spec").hasNonNull("podCIDR")) {
                    cidrs.add(n.path("spec").path("podCIDR").asText());
                }
                List<String> ips = new ArrayList<>();
                for (JsonNode a : n.path("status").path("addresses")) {
                    if (a.path("type").asText().equals("InternalIP")) {
                        ips.add(a.path("address").asText());
                    }
                }
                JsonNode kubelet = n.path("status").path("nodeInfo").path("kubeletVersion");
                out.add(new LiveNode(n.path("metadata").path("name").asText(), List.copyOf(cidrs), List.copyOf(ips),
                        labels, labels.containsKey(EDGE_ROLE), labels.containsKey(CONTROL_PLANE_ROLE),
                        kubelet.isTextual() ? kubelet.textValue() : ""));
            }
        });
        return out;
    }

    public List<LivePool> pools() {
        List<LivePool> out = new ArrayList<>();
        baseline.cluster(ClusterFile.CALICO_POOLS).ifPresent(list -> {
            for (JsonNode p : list.tree().path("items")) {
                String cidr = p.path("spec").path("cidr").asText();
                int fallback = family(cidr).orElse(IpFamily.IPv4) == IpFamily.IPv6 ? 122 : 26;
                JsonNode spec = p.path("spec");
                out.add(new LivePool(p.path("metadata").path("name").asText(), cidr,
                        spec.path("blockSize").asInt(fallback), spec.path("natOutgoing").asBoolean(false),
                        text(spec.path("ipipMode")).orElse("Never"), text(spec.path("vxlanMode")).orElse("Never")));
            }
        });
        return out;
    }

    /**
     * The captured Installation of the Calico operator, as far as the guards and the merge read it.
     * {@code pools}: its {@code spec.calicoNetwork.ipPools} (block sizes as the operator defaults them);
     * {@code managesPools}: whether that list has a pool, which is when the operator reconciles pools (an empty list
     * is what the operator writes when the cluster's pools are managed out of band); {@code calicoVersion}: its
     * {@code status.calicoVersion}; {@code cniType}, {@code ipamType} and {@code bgp} as set, or the operator's
     * defaults for them (Calico, Calico, Enabled).
     */
    public record LiveInstallation(String name, List<LivePool> pools, boolean managesPools,
                                   Optional<String> calicoVersion, String cniType, String ipamType, String bgp) {
    }

    public Optional<LiveInstallation> calicoInstallation() {
        return baseline.cluster(ClusterFile.CALICO_INSTALLATION).map(i -> {
            JsonNode spec = i.tree().path("spec");
            JsonNode list = spec.path("calicoNetwork").path("ipPools");
            List<LivePool> pools = new ArrayList<>();
            for (JsonNode p : list) {
                String cidr = p.path("cidr").asText();
                int fallback = family(cidr).orElse(IpFamily.IPv4) == IpFamily.IPv6 ? 122 : 26;
                pools.add(new LivePool(p.path("name").asText(), cidr, p.path("blockSize").asInt(fallback)));
            }
            return new LiveInstallation(i.name(), List.copyOf(pools), !pools.isEmpty(),
                    text(i.tree().path("status").path("calicoVersion")), text(spec.path("cni").path("type")).orElse("Calico"),
                    text(spec.path("cni").path("ipam").path("type")).orElse("Calico"),
                    text(spec.path("calicoNetwork").path("bgp")).orElse("Enabled"));
        });
    }

    /** kubeadm's {@code controlPlaneEndpoint}, when the ClusterConfiguration has one. */
    public Optional<String> controlPlaneEndpoint() {
        return clusterConfiguration().map(c -> c.path("controlPlaneEndpoint").asText("")).filter(s -> !s.isEmpty());
    }

    /** A string of kubeadm's ClusterConfiguration, at {@code path} ({@code networking}, {@code podSubnet}). */
    public Optional<String> kubeadm(String... path) {
        return clusterConfiguration().flatMap(c -> {
            JsonNode n = c;
            for (String key : path) {
                n = n.path(key);
            }
            return text(n);
        });
    }

    /** kubeadm's {@code networking.podSubnet}, range by range (a dual-stack cluster has two, comma-separated). */
    public List<String> kubeadmPodSubnets() {
        return kubeadm("networking", "podSubnet").map(LiveState::commaSeparated).orElse(List.of());
    }

    /** kubeadm's {@code networking.serviceSubnet}, range by range. */
    public List<String> kubeadmServiceSubnets() {
        return kubeadm("networking", "serviceSubnet").map(LiveState::commaSeparated).orElse(List.of());
    }

    public Optional<JsonNode> clusterConfiguration() {
        return baseline.embedded(Embedded.CLUSTER_CONFIGURATION).map(CapturedFile::tree);
    }

    /** kube-proxy's captured {@code detectLocalMode} ({@code ClusterCIDR}, kube-proxy's default, when unset). */
    public String kubeProxyDetectLocalMode() {
        return baseline.embedded(Embedded.KUBE_PROXY_CONFIGURATION).map(CapturedFile::tree)
                .map(c -> c.path("detectLocalMode").asText("")).filter(s -> !s.isEmpty()).orElse("ClusterCIDR");
    }

    public Optional<String> kubeProxyMode() {
        return baseline.embedded(Embedded.KUBE_PROXY_CONFIGURATION).map(CapturedFile::tree)
                .map(c -> c.path("mode").asText("")).filter(s -> !s.isEmpty());
    }

    /** The IPAM type of calico-config's CNI plugin ({@code calico-ipam} or {@code host-local}), if captured. */
    public Optional<String> calicoIpam() {
        return baseline.embedded(Embedded.CNI_NETWORK_CONFIG).flatMap(f -> {
            for (JsonNode plugin : f.tree().path("plugins")) {
                if (plugin.path("type").asText().equals("calico")) {
                    return Optional.of(plugin.path("ipam").path("type").asText("")).filter(s -> !s.isEmpty());
                }
            }
            return Optional.empty();
        });
    }

    /** The Helm release that owns a captured object (its managed-by label and release annotation). */
    public Optional<String> helmRelease(ClusterFile file) {
        return baseline.cluster(file).flatMap(f -> {
            JsonNode meta = f.tree().path("metadata");
            boolean helm = meta.path("labels").path(HELM_MANAGED_BY).asText().equals("Helm");
            String release = meta.path("annotations").path(HELM_RELEASE).asText("");
            return helm && !release.isEmpty() ? Optional.of(release) : Optional.empty();
        });
    }

    /** The namespace of the Helm release that owns a captured object. */
    public Optional<String> helmNamespace(ClusterFile file) {
        return baseline.cluster(file).map(f -> f.tree().path("metadata").path("annotations")
                .path("meta.helm.sh/release-namespace").asText("")).filter(s -> !s.isEmpty());
    }

    /**
     * The node names the captured CloudCore Deployment is pinned to, by a {@code kubernetes.io/hostname}
     * nodeSelector or a required node affinity on that label; empty when it may run on any cloud node.
     */
    public Set<String> cloudCoreHostnames() {
        Set<String> names = new LinkedHashSet<>();
        baseline.cluster(ClusterFile.CLOUDCORE_DEPLOYMENT).ifPresent(d -> {
            JsonNode pod = d.tree().path("spec").path("template").path("spec");
            String selected = pod.path("nodeSelector").path(HOSTNAME).asText("");
            if (!selected.isEmpty()) {
                names.add(selected);
            }
            for (JsonNode term : pod.path("affinity").path("nodeAffinity")
                    .path("requiredDuringSchedulingIgnoredDuringExecution").path("nodeSelectorTerms")) {
                for (JsonNode e : term.path("matchExpressions")) {
                    if (e.path("key").asText().equals(HOSTNAME) && e.path("operator").asText().equals("In")) {
                        e.path("values").forEach(v -> names.add(v.asText()));
                    }
                }
            }
        });
        return names;
    }

    /**
     * The kubelet command line a control-plane node runs, as systemd resolves it: the last {@code ExecStart=} with a
     * value in the captured {@code systemctl cat kubelet} (an empty one resets the list, as in systemd), without a
     * {@code $KUBELET_DUALSTACK_ARGS} an earlier conversion appended. Empty when not captured.
     */
    public Optional<String> kubeletExecStart(String node) {
        Baseline.ControlPlaneFiles files = baseline.controlPlane().get(node);
        if (files == null) {
            return Optional.empty();
        }
        return files.text(NodeFile.KUBELET_UNIT).flatMap(t -> {
            String last = null;
            for (String line : t.text().split("\n")) {
                String l = line.strip();
                if (l.startsWith("ExecStart=")) {
                    String value = l.substring("ExecStart=".length()).strip();
                    last = value.isEmpty() ? null : value;
                }
            }
            return Optional.ofNullable(last).map(v -> v.replace(" $KUBELET_DUALSTACK_ARGS", "").strip());
        });
    }

    /**
     * The literal value of an environment variable of calico-node's own container (the one named calico-node, else
     * the first), as captured; empty when it is not set or comes from elsewhere ({@code valueFrom}).
     */
    public Optional<String> calicoNodeEnv(String name) {
        return baseline.cluster(ClusterFile.CALICO_NODE).flatMap(d -> {
            JsonNode containers = d.tree().path("spec").path("template").path("spec").path("containers");
            JsonNode container = containers.path(0);
            for (JsonNode c : containers) {
                if (c.path("name").asText().equals("calico-node")) {
                    container = c;
                }
            }
            for (JsonNode e : container.path("env")) {
                if (e.path("name").asText().equals(name)) {
                    return text(e.path("value"));
                }
            }
            return Optional.empty();
        });
    }

    /**
     * The IP autodetection method calico-node runs with for {@code family}, in calico-node's spelling: its
     * {@code IP_AUTODETECTION_METHOD} or {@code IP6_AUTODETECTION_METHOD}, {@code first-found} (calico-node's
     * default) when that is unset and the family is autodetected ({@code IP} unset or {@code autodetect},
     * {@code IP6} {@code autodetect}); with the operator, the Installation's {@code nodeAddressAutodetectionV4/V6}.
     * Empty when Calico was not captured or does not autodetect the family.
     */
    public Optional<String> calicoAutodetection(IpFamily family) {
        boolean v4 = family == IpFamily.IPv4;
        if (baseline.cluster(ClusterFile.CALICO_NODE).isPresent()) {
            Optional<String> method = calicoNodeEnv(v4 ? "IP_AUTODETECTION_METHOD" : "IP6_AUTODETECTION_METHOD");
            String ip = calicoNodeEnv(v4 ? "IP" : "IP6").orElse(v4 ? "autodetect" : "none");
            return method.isPresent() || !ip.equals("autodetect") ? method : Optional.of("first-found");
        }
        return baseline.cluster(ClusterFile.CALICO_INSTALLATION).flatMap(i -> {
            JsonNode m = i.tree().path("spec").path("calicoNetwork").path(v4 ? "nodeAddressAutodetectionV4"
                    : "nodeAddressAutodetectionV6");
            if (m.path("firstFound").asBoolean(false)) {
                return Optional.of("first-found");
            }
            if (m.path("kubernetes").asText().equals("NodeInternalIP")) {
                return Optional.of("kubernetes-internal-ip");
            }
            List<String> cidrs = texts(m.path("cidrs"));
            if (!cidrs.isEmpty()) {
                return Optional.of("cidr=" + String.join(",", cidrs));
            }
            return text(m.path("interface")).map(s -> "interface=" + s)
                    .or(() -> text(m.path("skipInterface")).map(s -> "skip-interface=" + s))
                    .or(() -> text(m.path("canReach")).map(s -> "can-reach=" + s));
        });
    }

    /** What the captured CloudCore objects say, as far as they were captured. */
    public LiveCloudCore cloudCore() {
        Optional<String> namespace = Optional.empty();
        for (ClusterFile f : List.of(ClusterFile.CLOUDCORE_CONFIG, ClusterFile.CLOUDCORE_SERVICE,
                ClusterFile.CLOUDCORE_DEPLOYMENT)) {
            if (namespace.isEmpty()) {
                namespace = baseline.cluster(f).flatMap(o -> text(o.tree().path("metadata").path("namespace")));
            }
        }
        JsonNode conf = baseline.embedded(BaselineLayout.Embedded.CLOUDCORE_CONFIG).map(CapturedFile::tree)
                .orElse(MissingNode.getInstance());
        JsonNode hub = conf.path("modules").path("cloudHub");
        JsonNode stream = conf.path("modules").path("cloudStream");
        Map<String, Integer> ports = new LinkedHashMap<>();
        port(hub.path("websocket").path("port"), "websocket", ports);
        port(hub.path("quic").path("port"), "quic", ports);
        port(hub.path("https").path("port"), "https", ports);
        port(stream.path("streamPort"), "stream", ports);
        port(stream.path("tunnelPort"), "tunnel", ports);
        Optional<JsonNode> service = baseline.cluster(ClusterFile.CLOUDCORE_SERVICE).map(s -> s.tree().path("spec"));
        Map<String, Integer> nodePorts = new LinkedHashMap<>();
        service.ifPresent(spec -> ports.forEach((role, port) -> {
            for (JsonNode p : spec.path("ports")) {
                String protocol = text(p.path("protocol")).orElse("TCP");
                JsonNode target = p.path("targetPort").isMissingNode() ? p.path("port") : p.path("targetPort");
                if (target.isIntegralNumber() && target.asInt() == port
                        && protocol.equals(role.equals("quic") ? "UDP" : "TCP")) {
                    port(p.path("nodePort"), role, nodePorts);
                    break;
                }
            }
        }));
        JsonNode quic = hub.path("quic").path("enable");
        return new LiveCloudCore(namespace, cloudCoreOnHostNetwork(),
                service.flatMap(spec -> text(spec.path("type"))), texts(hub.path("advertiseAddress")),
                texts(hub.path("dnsNames")), integer(hub.path("nodeLimit")),
                quic.isBoolean() ? Optional.of(quic.booleanValue()) : Optional.empty(), ports, nodePorts);
    }

    /** The fleet's default edgecore.yaml, if it was captured. */
    public Optional<LiveEdgeCore> edgeCoreDefault() {
        return baseline.edgeDefault().map(f -> edgeCore(f.tree()));
    }

    /** An edge node's own edgecore.yaml, if it was captured. */
    public Optional<LiveEdgeCore> edgeCore(String node) {
        return Optional.ofNullable(baseline.edgeNodes().get(node)).map(f -> edgeCore(f.tree()));
    }

    private static LiveEdgeCore edgeCore(JsonNode conf) {
        JsonNode kubelet = conf.path("modules").path("edged").path("tailoredKubeletConfig");
        JsonNode hub = conf.path("modules").path("edgeHub");
        Optional<String> protocol = hub.path("websocket").path("enable").asBoolean(false) ? Optional.of("websocket")
                : hub.path("quic").path("enable").asBoolean(false) ? Optional.of("quic") : Optional.empty();
        Optional<String> host = protocol.flatMap(p -> text(hub.path(p).path("server"))).flatMap(LiveState::host);
        return new LiveEdgeCore(text(kubelet.path("cgroupDriver")), text(kubelet.path("containerRuntimeEndpoint")),
                protocol, host, text(conf.path("edgecoreVersion")));
    }

    /** The host of {@code host:port} or {@code [v6]:port}; empty when it has no port. */
    private static Optional<String> host(String hostPort) {
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf("]:");
            return close < 0 ? Optional.empty() : Optional.of(hostPort.substring(1, close));
        }
        int colon = hostPort.lastIndexOf(':');
        return colon <= 0 || hostPort.indexOf(':') != colon ? Optional.empty()
                : Optional.of(hostPort.substring(0, colon));
    }

    /** Whether the captured CloudCore Deployment runs on the host's network. */
    public boolean cloudCoreOnHostNetwork() {
        return baseline.cluster(ClusterFile.CLOUDCORE_DEPLOYMENT)
                .map(d -> d.tree().path("spec").path("template").path("spec").path("hostNetwork").asBoolean(false))
                .orElse(false);
    }

    /**
     * The addresses (IP and DNS) a control-plane node's API server certificate covers, from the captured
     * {@code openssl x509 -ext subjectAltName} text; empty when it was not captured.
     */
    public Optional<Set<String>> apiServerSans(String node) {
        Baseline.ControlPlaneFiles files = baseline.controlPlane().get(node);
        if (files == null) {
            return Optional.empty();
        }
        return files.text(NodeFile.APISERVER_SANS).map(t -> {
            Set<String> sans = new LinkedHashSet<>();
            for (String part : t.text().split("[,\\n]")) {
                String p = part.trim();
                int colon = p.indexOf(':');
                if (p.startsWith("DNS:") || p.startsWith("IP Address:")) {
                    String value = p.substring(colon + 1).trim();
                    sans.add(parse(value).map(IPAddress::toCanonicalString).orElse(value));
                }
            }
            return sans;
        });
    }

    /** A non-empty string value. */
    private static Optional<String> text(JsonNode n) {
        return n.isTextual() && !n.textValue().isEmpty() ? Optional.of(n.textValue()) : Optional.empty();
    }

    /** The non-empty strings of a list, in order. */
    private static List<String> texts(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(v -> text(v).ifPresent(out::add));
        return List.copyOf(out);
    }

    private static Optional<Integer> integer(JsonNode n) {
        return n.isIntegralNumber() && n.canConvertToInt() ? Optional.of(n.intValue()) : Optional.empty();
    }

    private static void port(JsonNode n, String name, Map<String, Integer> into) {
        integer(n).ifPresent(p -> into.put(name, p));
    }
}
