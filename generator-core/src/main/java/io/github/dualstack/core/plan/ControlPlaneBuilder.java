package io.github.dualstack.core.plan;

import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.model.Kubernetes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * kube-apiserver and kube-controller-manager static pods for each control-plane node, in kubeadm's layout
 * (cmd/kubeadm/app/phases/controlplane): kubeadm's flags with the dual-stack ones set, extraArgs merged over them
 * and everything sorted by flag name, so a diff against a kubeadm-written manifest shows only real changes.
 */
final class ControlPlaneBuilder implements ArtifactBuilder {

    private static final String PKI = "/etc/kubernetes/pki";
    private static final String MANIFESTS = "etc/kubernetes/manifests/";

    @Override
    public Stream<PlannedFile> files(SiteFacts facts) {
        List<PlannedFile> out = new ArrayList<>();
        for (SiteFacts.NodeFacts n : facts.cloudNodes) {
            if (!n.node().isControlPlane()) {
                continue;
            }
            String dir = "nodes/" + n.node().name() + "/" + MANIFESTS;
            out.add(new PlannedFile(dir + "kube-apiserver.yaml", "static-pod.yaml.ftl", apiServer(facts, n), FileKind.KUBERNETES));
            out.add(new PlannedFile(dir + "kube-controller-manager.yaml", "static-pod.yaml.ftl", controllerManager(facts),
                    FileKind.KUBERNETES));
        }
        return out.stream();
    }

    private static Map<String, Object> apiServer(SiteFacts facts, SiteFacts.NodeFacts node) {
        Kubernetes k = facts.site.kubernetes();
        String adv = node.primaryAddress();
        int port = k.apiServerBindPort();
        Map<String, String> flags = new TreeMap<>();
        flags.put("advertise-address", adv);
        flags.put("allow-privileged", "true");
        flags.put("authorization-mode", "Node,RBAC");
        flags.put("client-ca-file", PKI + "/ca.crt");
        flags.put("enable-admission-plugins", "NodeRestriction");
        flags.put("enable-bootstrap-token-auth", "true");
        flags.put("etcd-cafile", PKI + "/etcd/ca.crt");
        flags.put("etcd-certfile", PKI + "/apiserver-etcd-client.crt");
        flags.put("etcd-keyfile", PKI + "/apiserver-etcd-client.key");
        flags.put("etcd-servers", String.join(",", facts.etcdServers));
        flags.put("kubelet-client-certificate", PKI + "/apiserver-kubelet-client.crt");
        flags.put("kubelet-client-key", PKI + "/apiserver-kubelet-client.key");
        flags.put("kubelet-preferred-address-types", "InternalIP,ExternalIP,Hostname");
        flags.put("proxy-client-cert-file", PKI + "/front-proxy-client.crt");
        flags.put("proxy-client-key-file", PKI + "/front-proxy-client.key");
        flags.put("requestheader-allowed-names", "front-proxy-client");
        flags.put("requestheader-client-ca-file", PKI + "/front-proxy-ca.crt");
        flags.put("requestheader-extra-headers-prefix", "X-Remote-Extra-");
        flags.put("requestheader-group-headers", "X-Remote-Group");
        flags.put("requestheader-username-headers", "X-Remote-User");
        flags.put("secure-port", String.valueOf(port));
        flags.put("service-account-issuer", "https://kubernetes.default.svc." + k.dnsDomain());
        flags.put("service-account-key-file", PKI + "/sa.pub");
        flags.put("service-account-signing-key-file", PKI + "/sa.key");
        flags.put("service-cluster-ip-range", String.join(",", facts.serviceCidrs));
        flags.put("tls-cert-file", PKI + "/apiserver.crt");
        flags.put("tls-private-key-file", PKI + "/apiserver.key");
        if (k.apiServerExtraArgs().containsKey("authorization-config")) {
            flags.remove("authorization-mode");   // kubeadm drops it too: the two flags exclude each other
        }
        flags.putAll(k.apiServerExtraArgs());
        List<Map<String, Object>> volumes = caVolumes();
        volumes.add(volume("k8s-certs", PKI, "DirectoryOrCreate", true));
        return pod(facts, "kube-apiserver", flags, "250m",
                Maps.of("host", adv, "port", port, "liveness", "/livez", "readiness", "/readyz"),
                Endpoints.hostPort(adv, port), volumes);
    }

    private static Map<String, Object> controllerManager(SiteFacts facts) {
        Kubernetes k = facts.site.kubernetes();
        String conf = "/etc/kubernetes/controller-manager.conf";
        Map<String, String> flags = new TreeMap<>();
        flags.put("allocate-node-cidrs", String.valueOf(k.allocateNodeCIDRs()));
        flags.put("authentication-kubeconfig", conf);
        flags.put("authorization-kubeconfig", conf);
        flags.put("bind-address", "127.0.0.1");
        flags.put("client-ca-file", PKI + "/ca.crt");
        flags.put("cluster-cidr", String.join(",", facts.podCidrs));
        flags.put("cluster-name", "kubernetes");
        flags.put("cluster-signing-cert-file", PKI + "/ca.crt");
        flags.put("cluster-signing-key-file", PKI + "/ca.key");
        flags.put("controllers", "*,bootstrapsigner,tokencleaner");
        flags.put("kubeconfig", conf);
        flags.put("leader-elect", "true");
        if (k.allocateNodeCIDRs()) {
            // Only the per-family flags of the site's families: KCM refuses the other family's flag on single-stack.
            for (IpFamily f : facts.site.ipFamilies()) {
                flags.put("node-cidr-mask-size-" + f.key(), String.valueOf(k.nodeMaskSizes().get(f)));
            }
        }
        flags.put("requestheader-client-ca-file", PKI + "/front-proxy-ca.crt");
        flags.put("root-ca-file", PKI + "/ca.crt");
        flags.put("service-account-private-key-file", PKI + "/sa.key");
        flags.put("service-cluster-ip-range", String.join(",", facts.serviceCidrs));
        flags.put("use-service-account-credentials", "true");
        flags.putAll(k.controllerManagerExtraArgs());
        List<Map<String, Object>> volumes = caVolumes();
        volumes.add(volume("flexvolume-dir", k.controllerManagerExtraArgs().getOrDefault("flex-volume-plugin-dir",
                "/usr/libexec/kubernetes/kubelet-plugins/volume/exec"), "DirectoryOrCreate", false));
        volumes.add(volume("k8s-certs", PKI, "DirectoryOrCreate", true));
        volumes.add(volume("kubeconfig", conf, "FileOrCreate", true));
        return pod(facts, "kube-controller-manager", flags, "200m",
                Maps.of("host", flags.get("bind-address"), "port", 10257, "liveness", "/healthz", "readiness", ""), "", volumes);
    }

    /** The CA bundle directories kubeadm mounts on Debian and Ubuntu hosts. */
    private static List<Map<String, Object>> caVolumes() {
        List<Map<String, Object>> v = new ArrayList<>();
        v.add(volume("ca-certs", "/etc/ssl/certs", "DirectoryOrCreate", true));
        v.add(volume("etc-ca-certificates", "/etc/ca-certificates", "DirectoryOrCreate", true));
        v.add(volume("usr-local-share-ca-certificates", "/usr/local/share/ca-certificates", "DirectoryOrCreate", true));
        v.add(volume("usr-share-ca-certificates", "/usr/share/ca-certificates", "DirectoryOrCreate", true));
        return v;
    }

    private static Map<String, Object> volume(String name, String path, String type, boolean readOnly) {
        return Maps.of("name", name, "path", path, "type", type, "readOnly", readOnly);
    }

    private static Map<String, Object> pod(SiteFacts facts, String component, Map<String, String> flags, String cpu,
                                           Map<String, Object> probe, String advertiseEndpoint,
                                           List<Map<String, Object>> volumes) {
        Kubernetes k = facts.site.kubernetes();
        List<String> command = new ArrayList<>();
        command.add(component);
        flags.forEach((name, value) -> command.add("--" + name + "=" + value));
        volumes.sort((a, b) -> ((String) a.get("name")).compareTo((String) b.get("name")));
        return Maps.of("component", component,
                "image", k.imageRepository() + "/" + component + ":" + k.version().replace('+', '_'),
                "command", command, "cpu", cpu, "probe", probe, "advertiseEndpoint", advertiseEndpoint,
                "volumes", volumes);
    }
}
