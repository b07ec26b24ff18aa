package io.github.dualstack.core.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import io.github.dualstack.core.baseline.BaselineLayout.ClusterFile;
import io.github.dualstack.core.baseline.BaselineLayout.Embedded;
import io.github.dualstack.core.baseline.BaselineLayout.NodeFile;
import io.github.dualstack.core.model.IpFamily;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the running site is, read from its baseline in the terms the guards, the plan and {@code init} use: the
 * primary family, the nodes and their pod CIDRs, the Calico pools, the control-plane endpoint, who owns CloudCore.
 * Captured values are the cluster's own text, so they are parsed leniently: a value that does not parse is absent.
 */
public final class LiveState {

    private static final String EDGE_ROLE = "node-role.kubernetes.io/edge";
    private static final String CONTROL_PLANE_ROLE = "node-role.kubernetes.io/control-plane";
    static final String HELM_MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String HELM_RELEASE = "meta.helm.sh/release-name";
    private static final String HOSTNAME = "kubernetes.io/hostname";

    /** A Node object as captured. */
    public record LiveNode(String name, List<String> podCidrs, List<String> internalIps, Map<String, String> labels,
                           boolean edge, boolean controlPlane) {
    }

    /** A captured IPPool: its name, CIDR and block size (Calico's default block size when the pool has none). */
    public record LivePool(String name, String cidr, int blockSize) {
    }

    private final Baseline baseline;

    public LiveState(Baseline baseline) {
        this.baseline = baseline;
    }

    public Baseline baseline() {
        return baseline;
    }

    /** The family of an address or CIDR as the cluster printed it; empty when it does not parse. */
    public static Optional<IpFamily> family(String text) {
        IPAddress a = new IPAddressString(text.trim()).getAddress();
        return a == null ? Optional.empty() : Optional.of(a.isIPv6() ? IpFamily.IPv6 : IpFamily.IPv4);
    }

    /** The {@code kubernetes} Service's cluster IP: the cluster's primary service family, as the API server chose it. */
    public Optional<String> kubernetesServiceIp() {
        return baseline.cluster(ClusterFile.KUBERNETES_SERVICE)
                .map(s -> s.tree().path("spec").path("clusterIP").asText(""))
                .filter(ip -> !ip.isEmpty());
    }

    /** A control-plane node's kube-apiserver {@code --service-cluster-ip-range}, range by range. */
    public List<String> serviceRanges(String node) {
        return flag(node, NodeFile.KUBE_APISERVER, "service-cluster-ip-range").map(LiveState::split).orElse(List.of());
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

    public List<LiveNode> nodes() {
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
                out.add(new LiveNode(n.path("metadata").path("name").asText(), List.copyOf(cidrs), List.copyOf(ips),
                        labels, labels.containsKey(EDGE_ROLE), labels.containsKey(CONTROL_PLANE_ROLE)));
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
                out.add(new LivePool(p.path("metadata").path("name").asText(), cidr,
                        p.path("spec").path("blockSize").asInt(fallback)));
            }
        });
        return out;
    }

    /** kubeadm's {@code controlPlaneEndpoint}, when the ClusterConfiguration has one. */
    public Optional<String> controlPlaneEndpoint() {
        return clusterConfiguration().map(c -> c.path("controlPlaneEndpoint").asText("")).filter(s -> !s.isEmpty());
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
                    IPAddress a = new IPAddressString(value).getAddress();
                    sans.add(a == null ? value : a.toCanonicalString());
                }
            }
            return sans;
        });
    }

    private static List<String> split(String commaSeparated) {
        List<String> out = new ArrayList<>();
        for (String s : commaSeparated.split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }
}
