package io.github.dualstack.core.plan;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dualstack.core.model.Kubernetes;
import io.github.dualstack.core.net.Endpoint;
import io.github.dualstack.core.plan.merge.KubeadmConfigMerge;
import io.github.dualstack.core.plan.view.KubeadmConfigView;
import io.github.dualstack.core.plan.view.YamlTree;
import io.github.dualstack.core.rules.KubeadmApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A new cluster's kubeadm configurations, one file per cloud node ({@code kubeadm/NODE.yaml}): InitConfiguration,
 * ClusterConfiguration and KubeProxyConfiguration for the first control-plane node, a JoinConfiguration for every
 * other node. kubeadm then writes the dual-stack static pods, kubelet flags and kube-proxy ConfigMap itself, so
 * none of those is rendered for such a site. The ClusterConfiguration's dual-stack fields come from the one home a
 * running site's kubeadm-config uses too ({@link KubeadmConfigMerge#apply}). The join secrets are placeholders.
 */
final class KubeadmBuilder implements ArtifactBuilder {

    static final String DIR = "kubeadm/";
    /** Filled at join time from {@code kubeadm token create --print-join-command}; kubeadm refuses it unfilled. */
    static final String TOKEN_PLACEHOLDER = "DUALSTACK_BOOTSTRAP_TOKEN";
    static final String CA_CERT_HASH_PLACEHOLDER = "DUALSTACK_CA_CERT_HASH";
    /** Filled at join time from {@code kubeadm init phase upload-certs --upload-certs}. */
    static final String CERTIFICATE_KEY_PLACEHOLDER = "DUALSTACK_CERTIFICATE_KEY";
    private static final String KUBE_PROXY_API = "kubeproxy.config.k8s.io/v1alpha1";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Override
    public Stream<PlannedFile> files(SiteFacts facts) {
        if (!facts.site.kubernetes().newKubeadmCluster()) {
            return Stream.empty();
        }
        KubeadmApi api = KubeadmApi.of(facts.site.kubernetes().version());
        SiteFacts.NodeFacts first = firstControlPlane(facts);
        List<PlannedFile> out = new ArrayList<>();
        for (SiteFacts.NodeFacts n : facts.cloudNodes) {
            String path = path(n);
            KubeadmConfigView view;
            if (n == first) {
                view = new KubeadmConfigView(n.node().name(), "kubeadm init --config " + path + " --upload-certs",
                        "the control-plane static pods, the kubelet's --node-ip (kubeadm-flags.env), and the"
                                + " kubeadm-config and kube-proxy ConfigMaps", List.of(),
                        List.of(tree(init(facts, api, n)), tree(cluster(facts, api)), tree(kubeProxy(facts))));
            } else {
                view = new KubeadmConfigView(n.node().name(), "kubeadm join --config " + path
                        + " (a copy with the placeholders filled)", n.node().isControlPlane()
                        ? "this node's control-plane static pods and the kubelet's --node-ip (kubeadm-flags.env)"
                        : "the kubelet's --node-ip (kubeadm-flags.env)", placeholders(n),
                        List.of(tree(join(facts, api, n))));
            }
            out.add(new PlannedFile(path, view));
        }
        return out.stream();
    }

    static String path(SiteFacts.NodeFacts n) {
        return DIR + n.node().name() + ".yaml";
    }

    static SiteFacts.NodeFacts firstControlPlane(SiteFacts facts) {
        return facts.cloudNodes.stream().filter(n -> n.node().isControlPlane()).findFirst().orElseThrow();
    }

    static ObjectNode init(SiteFacts facts, KubeadmApi api, SiteFacts.NodeFacts n) {
        ObjectNode init = object(api.apiVersion(), "InitConfiguration");
        localApiEndpoint(init, facts, n);
        nodeRegistration(init, api, n);
        return init;
    }

    /**
     * The cluster-wide configuration: version, endpoint and images here, and the dual-stack networking, mask sizes,
     * flags, volumes and certificate SANs from {@link KubeadmConfigMerge#apply}, in the apiVersion's own form.
     */
    static ObjectNode cluster(SiteFacts facts, KubeadmApi api) {
        Kubernetes k = facts.site.kubernetes();
        ObjectNode conf = object(api.apiVersion(), "ClusterConfiguration");
        conf.put("kubernetesVersion", k.version());
        // kubeadm passes it to kube-controller-manager as --cluster-name; its default is kubernetes
        k.clusterName().ifPresent(name -> conf.put("clusterName", name));
        conf.put("controlPlaneEndpoint", facts.apiServerEndpoint);
        conf.put("imageRepository", k.imageRepository());
        conf.putObject("networking").put("dnsDomain", k.dnsDomain());
        KubeadmConfigMerge.apply(conf, changes(facts));
        return conf;
    }

    /**
     * A running site's changes, plus what kubeadm does not default for a new one: node IPAM off when the descriptor
     * turns it off (kubeadm turns it on whenever podSubnet is set) and the endpoint's host among the SANs.
     */
    static KubeadmConfigMerge.Changes changes(SiteFacts facts) {
        KubeadmConfigMerge.Changes c = KubeadmConfigBuilder.changes(facts);
        Map<String, String> kcm = new TreeMap<>(c.controllerManagerArgs());
        if (!facts.site.kubernetes().allocateNodeCIDRs()) {
            kcm.put("allocate-node-cidrs", "false");
        }
        List<String> sans = new ArrayList<>(c.certSans());
        String host = endpointHost(facts.apiServerEndpoint);
        if (!sans.contains(host)) {
            sans.add(host);
        }
        return new KubeadmConfigMerge.Changes(c.podSubnet(), c.serviceSubnet(), c.apiServerArgs(), kcm,
                c.controllerManagerArgsRemoved(), c.apiServerVolumes(), c.controllerManagerVolumes(), sans);
    }

    /** kube-proxy's configuration, which kubeadm init puts into the kube-proxy ConfigMap: both pod CIDRs. */
    static ObjectNode kubeProxy(SiteFacts facts) {
        ObjectNode proxy = object(KUBE_PROXY_API, "KubeProxyConfiguration");
        proxy.put("clusterCIDR", String.join(",", facts.podCidrs));
        proxy.put("mode", facts.site.kubernetes().kubeProxyMode().name());
        return proxy;
    }

    /** The placeholders a node's join file holds, each with the secret it stands for. */
    static List<String> placeholders(SiteFacts.NodeFacts n) {
        List<String> p = new ArrayList<>(List.of(TOKEN_PLACEHOLDER + " (discovery.bootstrapToken.token)",
                CA_CERT_HASH_PLACEHOLDER + " (discovery.bootstrapToken.caCertHashes)"));
        if (n.node().isControlPlane()) {
            p.add(CERTIFICATE_KEY_PLACEHOLDER + " (controlPlane.certificateKey)");
        }
        return p;
    }

    static ObjectNode join(SiteFacts facts, KubeadmApi api, SiteFacts.NodeFacts n) {
        ObjectNode join = object(api.apiVersion(), "JoinConfiguration");
        ObjectNode token = join.putObject("discovery").putObject("bootstrapToken");
        token.put("apiServerEndpoint", facts.apiServerEndpoint);
        token.putArray("caCertHashes").add(CA_CERT_HASH_PLACEHOLDER);
        token.put("token", TOKEN_PLACEHOLDER);
        nodeRegistration(join, api, n);
        if (n.node().isControlPlane()) {
            ObjectNode cp = join.putObject("controlPlane");
            cp.put("certificateKey", CERTIFICATE_KEY_PLACEHOLDER);
            localApiEndpoint(cp, facts, n);
        }
        return join;
    }

    /** The API server this node runs advertises its primary-family address: the primary service family's. */
    private static void localApiEndpoint(ObjectNode parent, SiteFacts facts, SiteFacts.NodeFacts n) {
        parent.putObject("localAPIEndpoint").put("advertiseAddress", n.primaryAddress())
                .put("bindPort", facts.site.kubernetes().apiServerBindPort());
    }

    /** The node's name and kubelet --node-ip, one address per family, primary first, in the API's arg form. */
    private static void nodeRegistration(ObjectNode parent, KubeadmApi api, SiteFacts.NodeFacts n) {
        ObjectNode reg = parent.putObject("nodeRegistration");
        reg.put("name", n.node().name());
        if (api.argList()) {
            reg.putArray("kubeletExtraArgs").addObject().put("name", "node-ip").put("value", n.nodeIp());
        } else {
            reg.putObject("kubeletExtraArgs").put("node-ip", n.nodeIp());
        }
    }

    /** The endpoint's host as a SAN: a canonical IP, or the DNS name as written ({@link Endpoint#hostText}). */
    private static String endpointHost(String endpoint) {
        try {
            return Endpoint.parse(endpoint).hostText();
        } catch (Endpoint.Invalid e) {
            throw new IllegalStateException("validated endpoint did not parse: " + endpoint, e);
        }
    }

    private static ObjectNode object(String apiVersion, String kind) {
        return JSON.objectNode().put("apiVersion", apiVersion).put("kind", kind);
    }

    private static YamlTree tree(ObjectNode root) {
        return new YamlTree(root);
    }
}
