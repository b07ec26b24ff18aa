package io.github.dualstack.core.plan;

import io.github.dualstack.core.baseline.BaselineLayout.NodeFile;
import io.github.dualstack.core.baseline.CapturedFile;
import io.github.dualstack.core.baseline.LiveState;
import io.github.dualstack.core.model.HostPathMount;
import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.model.Kubernetes;
import io.github.dualstack.core.plan.merge.StaticPodMerge;
import io.github.dualstack.core.plan.view.MergedDocumentView;
import io.github.dualstack.core.plan.view.StaticPodView.Probe;
import io.github.dualstack.core.plan.view.StaticPodView.Volume;
import io.github.dualstack.core.plan.view.StaticPodView;
import io.github.dualstack.core.rules.HostPort;
import io.github.dualstack.core.rules.KubeadmVolumes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * kube-apiserver and kube-controller-manager static pods for each control-plane node, in kubeadm's layout
 * (cmd/kubeadm/app/phases/controlplane): kubeadm's flags with the dual-stack ones set, extraArgs merged over them
 * and everything sorted by flag name, so a diff against a kubeadm-written manifest shows only real changes.
 */
final class ControlPlaneBuilder implements ArtifactBuilder {

    private static final String PKI = KubeadmVolumes.CERTIFICATES_DIR;
    private static final String MANIFESTS = "etc/kubernetes/manifests/";

    @Override
    public Stream<PlannedFile> files(SiteFacts facts) {
        if (facts.site.kubernetes().newKubeadmCluster()) {
            return Stream.empty();   // kubeadm init and join write them from the ClusterConfiguration
        }
        List<PlannedFile> out = new ArrayList<>();
        for (SiteFacts.NodeFacts n : facts.cloudNodes) {
            if (!n.node().isControlPlane()) {
                continue;
            }
            String dir = "nodes/" + n.node().name() + "/" + MANIFESTS;
            if (facts.captured.isPresent()) {
                Captures captured = facts.captured.get();
                out.add(new PlannedFile(dir + "kube-apiserver.yaml", mergedApiServer(facts, captured, n.node().name())));
                out.add(new PlannedFile(dir + "kube-controller-manager.yaml",
                        mergedControllerManager(facts, captured, n.node().name())));
                continue;
            }
            out.add(new PlannedFile(dir + "kube-apiserver.yaml", apiServer(facts, n)));
            out.add(new PlannedFile(dir + "kube-controller-manager.yaml", controllerManager(facts)));
        }
        return out.stream();
    }

    /**
     * The node's captured kube-apiserver with the new service ranges and the descriptor's own flags: its etcd
     * endpoints, advertise address, audit and encryption settings and their volumes are the site's and stay.
     */
    static MergedDocumentView mergedApiServer(SiteFacts facts, Captures captured, String node) {
        CapturedFile pod = captured.node(node, NodeFile.KUBE_APISERVER).orElseThrow();
        Map<String, String> set = new TreeMap<>();
        set.put("service-cluster-ip-range", String.join(",", facts.serviceCidrs));
        set.putAll(facts.site.kubernetes().apiServerExtraArgs());
        return Captures.view(FileKind.KUBERNETES, pod, StaticPodMerge.merge(pod.tree(), set, Set.of(),
                facts.site.kubernetes().apiServerExtraVolumes()));
    }

    /**
     * The node's captured kube-controller-manager with the new pod and service ranges and, when it allocates node
     * CIDRs, a mask size per family: kube-controller-manager refuses the single {@code --node-cidr-mask-size} on a
     * dual-stack cluster (cmd/kube-controller-manager/app/core.go, setNodeCIDRMaskSizes).
     */
    static MergedDocumentView mergedControllerManager(SiteFacts facts, Captures captured, String node) {
        CapturedFile pod = captured.node(node, NodeFile.KUBE_CONTROLLER_MANAGER).orElseThrow();
        Kubernetes k = facts.site.kubernetes();
        Map<String, String> set = new TreeMap<>();
        set.put("cluster-cidr", String.join(",", facts.podCidrs));
        set.put("service-cluster-ip-range", String.join(",", facts.serviceCidrs));
        Set<String> remove = new TreeSet<>();
        if (LiveState.podFlag(pod.tree(), "allocate-node-cidrs").orElse("false").equals("true")) {
            for (IpFamily f : facts.site.ipFamilies()) {
                set.put("node-cidr-mask-size-" + f.key(), String.valueOf(k.nodeMaskSizes().get(f)));
            }
            if (facts.site.isDualStack()) {
                remove.add("node-cidr-mask-size");
            }
        }
        set.putAll(k.controllerManagerExtraArgs());
        return Captures.view(FileKind.KUBERNETES, pod, StaticPodMerge.merge(pod.tree(), set, remove,
                k.controllerManagerExtraVolumes()));
    }

    static StaticPodView apiServer(SiteFacts facts, SiteFacts.NodeFacts node) {
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
        return pod(facts, "kube-apiserver", flags, "250m", new Probe(adv, port, "/livez", Optional.of("/readyz")),
                Optional.of(HostPort.join(adv, port)), volumes(KubeadmVolumes.apiServer(), k.apiServerExtraVolumes()));
    }

    static StaticPodView controllerManager(SiteFacts facts) {
        Kubernetes k = facts.site.kubernetes();
        String conf = KubeadmVolumes.CONTROLLER_MANAGER_KUBECONFIG;
        Map<String, String> flags = new TreeMap<>();
        flags.put("allocate-node-cidrs", String.valueOf(k.allocateNodeCIDRs()));
        flags.put("authentication-kubeconfig", conf);
        flags.put("authorization-kubeconfig", conf);
        flags.put("bind-address", "127.0.0.1");
        flags.put("client-ca-file", PKI + "/ca.crt");
        flags.put("cluster-cidr", String.join(",", facts.podCidrs));
        flags.put("cluster-name", facts.clusterName);
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
        return pod(facts, "kube-controller-manager", flags, "200m",
                new Probe(flags.get("bind-address"), 10257, "/healthz", Optional.empty()), Optional.empty(),
                volumes(KubeadmVolumes.controllerManager(k.controllerManagerExtraArgs()),
                        k.controllerManagerExtraVolumes()));
    }

    /**
     * kubeadm's volumes and the extra ones, each a hostPath volume and its mount ({@code AddExtraHostPathMounts}):
     * pathType is the volume's type as given, {@code ""} included, as kubeadm writes it.
     */
    private static List<Volume> volumes(List<HostPathMount> kubeadm, List<HostPathMount> extra) {
        List<Volume> v = new ArrayList<>();
        Stream.concat(kubeadm.stream(), extra.stream()).forEach(m -> v.add(
                new Volume(m.name(), m.hostPath(), m.mountPath(), m.pathType().toString(), m.readOnly())));
        return v;
    }

    private static StaticPodView pod(SiteFacts facts, String component, Map<String, String> flags, String cpu,
                                     Probe probe, Optional<String> advertiseEndpoint, List<Volume> volumes) {
        Kubernetes k = facts.site.kubernetes();
        List<String> command = new ArrayList<>();
        command.add(component);
        flags.forEach((name, value) -> command.add("--" + name + "=" + value));
        volumes.sort(Comparator.comparing(Volume::name));
        return new StaticPodView(component, k.imageRepository() + "/" + component + ":" + k.version().replace('+', '_'),
                command, cpu, probe, advertiseEndpoint, volumes);
    }
}
