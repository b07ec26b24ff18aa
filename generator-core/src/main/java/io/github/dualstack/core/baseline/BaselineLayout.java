package io.github.dualstack.core.baseline;

import io.github.dualstack.core.FieldPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The files of a baseline directory: the one home of their names, of what each holds and of the command that
 * captures it. Cluster objects are captured with {@code kubectl get -o yaml} (one object, or a {@code List}); a
 * control-plane node's files are copied from the node; edge configs are optional.
 *
 * <pre>
 * baseline/
 *   cluster/kubeadm-config.configmap.yaml ...     one file per {@link ClusterFile}
 *   control-plane/&lt;node&gt;/kube-apiserver.yaml ...   one directory per control-plane node, {@link NodeFile}
 *   edge/edgecore.yaml                            the fleet's default edgecore.yaml (optional)
 *   edge/&lt;node&gt;/edgecore.yaml                     one edge node's own (optional)
 *   README.md                                     notes about the capture (optional, never read)
 * </pre>
 */
public final class BaselineLayout {

    public static final String CLUSTER = "cluster";
    public static final String CONTROL_PLANE = "control-plane";
    public static final String EDGE = "edge";
    public static final String EDGECORE = "edgecore.yaml";
    /** Notes about the capture at the top of the directory (how and when it was taken): never read. */
    public static final String README = "README.md";

    /** Which descriptor features make a cluster file necessary. */
    public enum Needed { ALWAYS, CALICO_MANIFEST, CALICO_OPERATOR, CALICO, OPTIONAL }

    /**
     * A cluster object (or list) and how {@code kubectl} gets it; {@code namespace} {@code "cloudcore"} stands for the
     * descriptor's CloudCore namespace.
     */
    public enum ClusterFile {
        KUBEADM_CONFIG("kubeadm-config.configmap.yaml", "kube-system", "configmap kubeadm-config", "ConfigMap", Needed.ALWAYS),
        KUBE_PROXY_CONFIG("kube-proxy.configmap.yaml", "kube-system", "configmap kube-proxy", "ConfigMap", Needed.ALWAYS),
        KUBE_PROXY_DAEMONSET("kube-proxy.daemonset.yaml", "kube-system", "daemonset kube-proxy", "DaemonSet", Needed.ALWAYS),
        CALICO_CONFIG("calico-config.configmap.yaml", "kube-system", "configmap calico-config", "ConfigMap",
                Needed.CALICO_MANIFEST),
        CALICO_NODE("calico-node.daemonset.yaml", "kube-system", "daemonset calico-node", "DaemonSet",
                Needed.CALICO_MANIFEST),
        CALICO_INSTALLATION("calico.installation.yaml", null, "installations.operator.tigera.io default",
                "Installation", Needed.CALICO_OPERATOR),
        CALICO_POOLS("calico.ippools.yaml", null, "ippools.crd.projectcalico.org", "List", Needed.CALICO),
        CLOUDCORE_CONFIG("cloudcore.configmap.yaml", "cloudcore", "configmap cloudcore", "ConfigMap", Needed.ALWAYS),
        CLOUDCORE_SERVICE("cloudcore.service.yaml", "cloudcore", "service cloudcore", "Service", Needed.ALWAYS),
        CLOUDCORE_DEPLOYMENT("cloudcore.deployment.yaml", "cloudcore", "deployment cloudcore", "Deployment",
                Needed.ALWAYS),
        NODES("nodes.yaml", null, "nodes", "List", Needed.ALWAYS),
        KUBERNETES_SERVICE("kubernetes.service.yaml", "default", "service kubernetes", "Service", Needed.ALWAYS),
        KUBE_DNS_SERVICE("kube-dns.service.yaml", "kube-system", "service kube-dns", "Service", Needed.OPTIONAL);

        private final String fileName;
        private final String namespace;
        private final String kubectlGet;
        private final String kind;
        private final Needed needed;

        ClusterFile(String fileName, String namespace, String kubectlGet, String kind, Needed needed) {
            this.fileName = fileName;
            this.namespace = namespace;
            this.kubectlGet = kubectlGet;
            this.kind = kind;
            this.needed = needed;
        }

        /** The path inside the baseline directory. */
        public String path() {
            return CLUSTER + "/" + fileName;
        }

        public String fileName() {
            return fileName;
        }

        /** The object's namespace; {@code "cloudcore"} is the descriptor's CloudCore namespace; empty: cluster-scoped. */
        public Optional<String> namespace() {
            return Optional.ofNullable(namespace);
        }

        /** What follows {@code kubectl get}: the resource and name, or the resource alone for a list. */
        public String kubectlGet() {
            return kubectlGet;
        }

        /** The {@code kind} the captured document has. */
        public String kind() {
            return kind;
        }

        public Needed needed() {
            return needed;
        }

        /** The object's {@code metadata.name}; empty for a list. */
        public Optional<String> objectName() {
            int space = kubectlGet.indexOf(' ');
            return space < 0 ? Optional.empty() : Optional.of(kubectlGet.substring(space + 1));
        }

        /** The {@code data} keys a captured ConfigMap must have: the documents it holds, and calico's backend. */
        public List<String> requiredData() {
            List<String> keys = new ArrayList<>();
            for (Embedded e : Embedded.values()) {
                if (e.file() == this) {
                    keys.add(e.dataKey());
                }
            }
            if (this == CALICO_CONFIG) {
                keys.add(CALICO_BACKEND);
            }
            keys.sort(null);
            return List.copyOf(keys);
        }
    }

    /** calico-config's key for the networking backend ({@code bird}, {@code vxlan}, {@code none}). */
    public static final String CALICO_BACKEND = "calico_backend";

    /** The syntax of a document held in a ConfigMap's string. */
    public enum Syntax { YAML, JSON }

    /**
     * A document held in a string of a captured ConfigMap ({@code data.<key>}), read as strictly as a file. A JSON
     * document may hold calico's install-time placeholders as bare words ({@code "mtu": __CNI_MTU__}, which
     * install-cni replaces as text before the JSON is read): each reads as {@link CniConfig} marks it (the string
     * U+0000 and its name), which {@link CniConfig#print} writes bare again; the ConfigMap's own {@code data}
     * string keeps the text as it was captured.
     */
    public enum Embedded {
        CLUSTER_CONFIGURATION(ClusterFile.KUBEADM_CONFIG, "ClusterConfiguration", Syntax.YAML, "kubeadm.k8s.io/",
                "ClusterConfiguration"),
        KUBE_PROXY_CONFIGURATION(ClusterFile.KUBE_PROXY_CONFIG, "config.conf", Syntax.YAML,
                "kubeproxy.config.k8s.io/", "KubeProxyConfiguration"),
        CNI_NETWORK_CONFIG(ClusterFile.CALICO_CONFIG, "cni_network_config", Syntax.JSON, null, null),
        CLOUDCORE_CONFIG(ClusterFile.CLOUDCORE_CONFIG, "cloudcore.yaml", Syntax.YAML, "cloudcore.config.kubeedge.io/",
                "CloudCore");

        private final ClusterFile file;
        private final String dataKey;
        private final Syntax syntax;
        private final String apiGroup;
        private final String kind;

        Embedded(ClusterFile file, String dataKey, Syntax syntax, String apiGroup, String kind) {
            this.file = file;
            this.dataKey = dataKey;
            this.syntax = syntax;
            this.apiGroup = apiGroup;
            this.kind = kind;
        }

        /** The ConfigMap that holds it. */
        public ClusterFile file() {
            return file;
        }

        public String dataKey() {
            return dataKey;
        }

        /** {@code data.<key>}: where it stands in its ConfigMap. */
        public FieldPath path() {
            return FieldPath.ROOT.child("data").child(dataKey);
        }

        public Syntax syntax() {
            return syntax;
        }

        /** What its {@code apiVersion} starts with ({@code kubeadm.k8s.io/}); empty when it has none. */
        public Optional<String> apiGroup() {
            return Optional.ofNullable(apiGroup);
        }

        /** Its {@code kind}; empty when it has none. */
        public Optional<String> kind() {
            return Optional.ofNullable(kind);
        }
    }

    /** A file captured on each control-plane node, and where it is read from there. */
    public enum NodeFile {
        KUBE_APISERVER("kube-apiserver.yaml", "/etc/kubernetes/manifests/kube-apiserver.yaml", true),
        KUBE_CONTROLLER_MANAGER("kube-controller-manager.yaml",
                "/etc/kubernetes/manifests/kube-controller-manager.yaml", true),
        /** Absent when etcd is external. */
        ETCD("etcd.yaml", "/etc/kubernetes/manifests/etcd.yaml", false),
        /** {@code systemctl cat kubelet}: the unit and its drop-ins as systemd resolves them. */
        KUBELET_UNIT("kubelet.service", null, true),
        /** {@code openssl x509 -noout -ext subjectAltName} of the API server's serving certificate. */
        APISERVER_SANS("apiserver.sans.txt", "/etc/kubernetes/pki/apiserver.crt", true);

        private final String fileName;
        private final String source;
        private final boolean required;

        NodeFile(String fileName, String source, boolean required) {
            this.fileName = fileName;
            this.source = source;
            this.required = required;
        }

        public String fileName() {
            return fileName;
        }

        /** The file on the node it is copied or derived from; empty for the kubelet unit. */
        public Optional<String> source() {
            return Optional.ofNullable(source);
        }

        public boolean required() {
            return required;
        }

        public boolean yaml() {
            return fileName.endsWith(".yaml");
        }

        /** The path inside the baseline directory for {@code node}. */
        public String path(String node) {
            return CONTROL_PLANE + "/" + node + "/" + fileName;
        }
    }

    /** The path of the fleet's default edgecore.yaml. */
    public static String edgeDefault() {
        return EDGE + "/" + EDGECORE;
    }

    /** The path of one edge node's own edgecore.yaml. */
    public static String edgeNode(String node) {
        return EDGE + "/" + node + "/" + EDGECORE;
    }

    private BaselineLayout() {
    }
}
