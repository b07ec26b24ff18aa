package io.github.dualstack.core.validate;

import inet.ipaddr.IPAddress;
import io.github.dualstack.core.FieldPath;
import io.github.dualstack.core.Problems;
import io.github.dualstack.core.baseline.BaselineLayout.ClusterFile;
import io.github.dualstack.core.baseline.BaselineLayout.NodeFile;
import io.github.dualstack.core.baseline.LiveState;
import io.github.dualstack.core.model.CalicoPool;
import io.github.dualstack.core.model.ClusterNode;
import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.model.Kubernetes;
import io.github.dualstack.core.model.Site;
import io.github.dualstack.core.net.Cidr;
import io.github.dualstack.core.net.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The changes a running site's state makes unsafe, each refused (or warned about) at the descriptor field that
 * asks for it, with the upstream reason (reference live-sites.md):
 * <ul>
 * <li>the primary family and primary service range of a running cluster cannot change (KEP-563; kubernetes/website
 *     {@code tasks/network/reconfigure-default-service-ip-ranges.md});</li>
 * <li>a node's existing podCIDR outside the new cluster CIDR crash-loops kube-controller-manager
 *     ({@code pkg/controller/nodeipam/ipam/range_allocator.go}), and existing nodes keep single-stack podCIDRs;</li>
 * <li>an existing IPPool is never rewritten: the crd.projectcalico.org/v1 CRD takes any change silently and orphans
 *     the allocated blocks; a pool's block size cannot change;</li>
 * <li>the node mask size cannot change under allocated node ranges;</li>
 * <li>the Calico operator's Installation takes only what it can after install ({@link CalicoOperatorRules});</li>
 * <li>several control-plane nodes need a controlPlaneEndpoint, or kube-proxy pins one of them: the descriptor's, or
 *     else kubeadm-config's.</li>
 * </ul>
 */
public final class LiveSiteRules {

    private static final FieldPath SPEC = FieldPath.ROOT.child("spec");
    private static final FieldPath KUBERNETES = SPEC.child("kubernetes");

    private final Site site;
    private final LiveState live;
    private final Problems problems;

    private LiveSiteRules(Site site, LiveState live, Problems problems) {
        this.site = site;
        this.live = live;
        this.problems = problems;
    }

    /** Checks {@code site} against the running site; problems are located in the descriptor. */
    public static void check(Site site, LiveState live, Problems problems) {
        LiveSiteRules r = new LiveSiteRules(site, live, problems);
        r.primaryFamily();
        r.podCidrs();
        r.maskSizes();
        r.pools();
        r.controlPlaneEndpoint();
        r.kubeProxyMode();
        CalicoOperatorRules.check(site, live, problems);
    }

    private List<String> controlPlaneNodes() {
        return site.nodes().stream().filter(ClusterNode::isControlPlane).map(ClusterNode::name).toList();
    }

    private void primaryFamily() {
        if (site.baseline().map(b -> b.rebuildingCluster()).orElse(false)) {
            return;
        }
        IpFamily wanted = site.primaryFamily();
        Optional<String> serviceIp = live.kubernetesServiceIp();
        Optional<IpFamily> running = serviceIp.flatMap(LiveState::family);
        String evidence = serviceIp.map(ip -> "the kubernetes Service's cluster IP is " + ip).orElse("");
        for (String node : controlPlaneNodes()) {
            List<String> ranges = live.serviceRanges(node);
            if (ranges.isEmpty()) {
                continue;
            }
            Optional<IpFamily> f = LiveState.family(ranges.get(0));
            if (running.isEmpty()) {
                running = f;
                evidence = node + "'s --service-cluster-ip-range is " + String.join(",", ranges);
            }
            Cidr primaryRange = site.kubernetes().serviceSubnets().get(f.orElse(wanted));
            if (f.isPresent() && f.get() == wanted && primaryRange != null && !sameCidr(ranges.get(0), primaryRange)) {
                problems.error(KUBERNETES.child("serviceSubnets").child(wanted.key()), "the running cluster's primary"
                        + " service range is " + ranges.get(0) + " (" + node + "'s --service-cluster-ip-range): a running"
                        + " cluster keeps it and only adds a secondary range (kubernetes/website reconfigure-default-"
                        + "service-ip-ranges); set " + ranges.get(0));
                break;
            }
        }
        if (running.isPresent() && running.get() != wanted) {
            problems.error(SPEC.child("ipFamilies").index(0), "the running cluster is " + running.get() + "-primary ("
                    + evidence + "); a running cluster's primary family cannot change (KEP-563: the first"
                    + " --service-cluster-ip-range keeps its family, existing Services keep theirs): list "
                    + running.get() + " first, or set spec.baseline.rebuildingCluster: true if the cluster is being"
                    + " rebuilt");
        }
    }

    private void podCidrs() {
        Kubernetes k = site.kubernetes();
        List<String> singleStack = new ArrayList<>();
        for (LiveState.LiveNode n : live.nodes()) {
            for (String cidr : n.podCidrs()) {
                Optional<IpFamily> f = LiveState.family(cidr);
                if (f.isEmpty() || !site.ipFamilies().contains(f.get())) {
                    continue;
                }
                Cidr subnet = k.podSubnets().get(f.get());
                if (subnet != null && !contains(subnet, cidr)) {
                    problems.error(KUBERNETES.child("podSubnets").child(f.get().key()), "node " + n.name()
                            + " has podCIDR " + cidr + ", outside " + subnet + ": kube-controller-manager would"
                            + " crash-loop on it (\"CIDR out of range\", nodeipam range_allocator); keep a pod subnet"
                            + " that holds every existing node's podCIDR");
                }
            }
            if (site.isDualStack() && !n.podCidrs().isEmpty() && n.podCidrs().size() < 2) {
                singleStack.add(n.name());
            }
        }
        if (!singleStack.isEmpty()) {
            String ipam = live.calicoIpam().orElse("unknown");
            String detect = live.kubeProxyDetectLocalMode();
            boolean hostLocal = ipam.equals("host-local");
            boolean nodeCidr = detect.equals("NodeCIDR");
            if (hostLocal || nodeCidr) {
                problems.warn(KUBERNETES.child("podSubnets"), singleStack.size() + " existing nodes keep a"
                        + " single-stack podCIDR (kube-controller-manager never adds a family to a node that has one: "
                        + String.join(", ", first(singleStack)) + "); with " + (hostLocal ? "host-local IPAM their pods"
                        + " get no address of the new family" : "kube-proxy's detectLocalMode NodeCIDR their new"
                        + " family's traffic is not seen as local") + " until each Node object is re-created (drain,"
                        + " kubectl delete node, rejoin)");
            }
        }
    }

    private void maskSizes() {
        Kubernetes k = site.kubernetes();
        for (String node : controlPlaneNodes()) {
            if (!live.flag(node, NodeFile.KUBE_CONTROLLER_MANAGER, "allocate-node-cidrs").orElse("false").equals("true")) {
                continue;
            }
            for (IpFamily f : site.ipFamilies()) {
                Optional<String> captured = live.flag(node, NodeFile.KUBE_CONTROLLER_MANAGER, "node-cidr-mask-size-" + f.key());
                if (captured.isEmpty() && f == runningPrimary().orElse(null)) {
                    captured = live.flag(node, NodeFile.KUBE_CONTROLLER_MANAGER, "node-cidr-mask-size");
                }
                Integer wanted = k.nodeMaskSizes().get(f);
                if (captured.isPresent() && wanted != null && !captured.get().equals(String.valueOf(wanted))) {
                    problems.error(KUBERNETES.child("nodeMaskSizes").child(f.key()), "the running"
                            + " kube-controller-manager on " + node + " gives each node a /" + captured.get() + " "
                            + f + " range, and the nodes hold them: changing the mask size makes new ranges overlap"
                            + " allocated ones; set " + captured.get());
                    return;
                }
            }
            return;   // every control-plane node runs the same kube-controller-manager flags
        }
    }

    private Optional<IpFamily> runningPrimary() {
        return live.kubernetesServiceIp().flatMap(LiveState::family);
    }

    private void pools() {
        if (site.calico().isEmpty()) {
            return;
        }
        for (IpFamily f : site.ipFamilies()) {
            CalicoPool wanted = site.calico().get().pools().get(f);
            if (wanted == null) {
                continue;
            }
            FieldPath path = SPEC.child("calico").child(f.key() + "Pool");
            String name = "default-" + f.key() + "-ippool";
            for (LiveState.LivePool p : live.pools()) {
                boolean sameName = p.name().equals(name);
                boolean sameCidr = sameCidr(p.cidr(), wanted.cidr());
                if (sameName && !sameCidr) {
                    problems.error(path.child("cidr"), "the running IPPool " + name + " has cidr " + p.cidr()
                            + ": applying another would rewrite it silently (crd.projectcalico.org/v1 has no"
                            + " validation) and orphan its allocated blocks; set " + p.cidr() + " or migrate the pool"
                            + " first (Calico's migrate-pools procedure)");
                } else if (sameCidr && p.blockSize() != wanted.blockSize()) {
                    problems.error(path.child("blockSize"), "the running IPPool " + p.name() + " (" + p.cidr()
                            + ") has blockSize " + p.blockSize() + ", which cannot change while blocks are allocated"
                            + "; set " + p.blockSize());
                }
            }
        }
    }

    private void controlPlaneEndpoint() {
        if (controlPlaneNodes().size() < 2) {
            return;
        }
        Optional<String> running = live.controlPlaneEndpoint();
        Optional<Endpoint> wanted = site.kubernetes().controlPlaneEndpoint();
        if (wanted.isEmpty() && running.isEmpty()) {
            problems.error(KUBERNETES.child("controlPlaneEndpoint"), "is required: the site has "
                    + controlPlaneNodes().size() + " control-plane nodes and its kubeadm-config has no"
                    + " controlPlaneEndpoint, so kube-proxy and the kubelets would pin one of them");
        } else if (wanted.isPresent() && running.isPresent() && !sameEndpoint(running.get(), wanted.get())) {
            problems.warn(KUBERNETES.child("controlPlaneEndpoint"), "differs from the running cluster's "
                    + running.get() + " (kubeadm-config): kubelets and kube-proxy keep dialing that one until"
                    + " their kubeconfigs change");
        }
    }

    /** The running endpoint as kubeadm-config spells it, compared by host and port where it parses. */
    private static boolean sameEndpoint(String running, Endpoint wanted) {
        try {
            return Endpoint.parse(running).equals(wanted);
        } catch (Endpoint.Invalid e) {
            return running.equals(wanted.toString());
        }
    }

    private void kubeProxyMode() {
        Optional<String> mode = live.kubeProxyMode();
        // an empty mode (kubeadm's default config.conf) is kube-proxy's Linux default, iptables
        boolean unset = mode.isEmpty() && live.baseline().cluster(ClusterFile.KUBE_PROXY_CONFIG).isPresent();
        Optional<String> running = unset ? Optional.of(Kubernetes.KubeProxyMode.iptables.name()) : mode;
        Kubernetes.KubeProxyMode wanted = site.kubernetes().kubeProxyMode();
        if (running.isPresent() && !running.get().equals(wanted.name())) {
            problems.warn(KUBERNETES.child("kubeProxy").child("mode"), "is " + wanted + " but kube-proxy runs in "
                    + running.get() + " mode" + (unset ? " (its config.conf leaves mode empty: kube-proxy's default)" : "")
                    + "; the conversion changes only clusterCIDR and keeps " + running.get()
                    + " (set mode: " + running.get() + " to say so)");
        }
    }

    private static List<String> first(List<String> names) {
        return names.size() <= 5 ? names : List.of(String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5) + " more");
    }

    /** Whether the captured CIDR lies in the descriptor's; the descriptor's own rules report one that did not parse (null). */
    private static boolean contains(Cidr subnet, String captured) {
        return subnet == null || LiveState.parse(captured).map(inner -> subnet.contains(inner.toPrefixBlock()))
                .orElse(false);
    }

    /** Whether the captured CIDR is the descriptor's; true for a descriptor CIDR that did not parse (null), reported already. */
    static boolean sameCidr(String captured, Cidr descriptor) {
        Optional<IPAddress> a = LiveState.parse(captured);
        return descriptor == null || a.isPresent() && a.get().toPrefixBlock().toCanonicalString().equals(descriptor.toString());
    }
}
