package io.github.dualstack.core.validate;

import io.github.dualstack.core.FieldPath;
import io.github.dualstack.core.model.FamilyPair;
import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.model.Kubernetes;
import io.github.dualstack.core.net.Cidr;
import io.github.dualstack.core.rules.KubernetesLimits;
import java.util.EnumMap;
import java.util.Map;

/**
 * Pod and service subnets, node mask sizes and the API endpoints (kube-apiserver, kube-controller-manager and
 * kubeadm rules, reference kubernetes-dualstack.md sections 1 to 3 and 10).
 */
final class NetworkRules {

    private static final FieldPath PODS = Checks.KUBERNETES.child("podSubnets");
    private static final FieldPath SERVICES = Checks.KUBERNETES.child("serviceSubnets");
    private static final FieldPath MASKS = Checks.KUBERNETES.child("nodeMaskSizes");

    /** The subnets per family; a family is absent when its text was invalid. */
    record Subnets(Map<IpFamily, Cidr> pods, Map<IpFamily, Cidr> services) {
    }

    private final Checks c;

    NetworkRules(Checks c) {
        this.c = c;
    }

    Subnets check() {
        Kubernetes k = c.site.kubernetes();
        c.exactFamilies(PODS, k.podSubnets());
        c.exactFamilies(SERVICES, k.serviceSubnets());
        c.exactFamilies(MASKS, k.nodeMaskSizes());
        Map<IpFamily, Cidr> pods = new EnumMap<>(IpFamily.class);
        Map<IpFamily, Cidr> services = new EnumMap<>(IpFamily.class);
        for (IpFamily f : c.families()) {
            Cidr pod = subnet(PODS, k.podSubnets(), f);
            Cidr svc = subnet(SERVICES, k.serviceSubnets(), f);
            if (pod != null) {
                pods.put(f, pod);
                podSize(pod, f);
            }
            if (svc != null) {
                services.put(f, svc);
                serviceSize(svc, f);
            }
            if (pod != null && svc != null && pod.overlaps(svc)) {
                String how = pod.contains(svc) ? "contains the service subnet " : svc.contains(pod)
                        ? "lies inside the service subnet " : "overlaps the service subnet ";
                c.error(PODS.child(f.key()), how + svc + "; pod and service subnets must not overlap");
            }
            if (pod != null && k.allocateNodeCIDRs() && k.nodeMaskSizes().has(f)) {
                nodeMask(pod, k.nodeMaskSizes().get(f), f);
            }
        }
        endpoint(k);
        return new Subnets(pods, services);
    }

    private Cidr subnet(FieldPath base, FamilyPair<Cidr> pair, IpFamily f) {
        FieldPath path = base.child(f.key());
        Cidr a = pair.get(f);
        if (a == null) {
            c.rejected(path);
            return null;
        }
        String clash = ReservedRanges.subnetClash(a);
        if (clash != null) {
            c.error(path, clash);
        }
        if (f == IpFamily.IPv6 && ReservedRanges.SITE_LOCAL.overlaps(a)) {
            c.warn(path, "contains IPv6 site-local addresses that belong to fec0::/10, deprecated by RFC 3879 (kubeadm warns too)");
        }
        return a;
    }

    private void serviceSize(Cidr svc, IpFamily f) {
        int prefix = svc.prefixLength();
        int largest = KubernetesLimits.shortestServicePrefix(f);
        int smallest = KubernetesLimits.longestServicePrefix(f);
        FieldPath path = SERVICES.child(f.key());
        if (prefix < largest) {
            c.error(path, "prefix /" + prefix + " is too large; " + f + " service subnets must be /" + largest
                    + " or smaller (kube-apiserver)");
        } else if (prefix > smallest) {
            c.error(path, "prefix /" + prefix + " is too small; " + f + " service subnets must be /" + smallest
                    + " or larger, to hold the " + KubernetesLimits.SERVICE_SUBNET_MIN_ADDRESSES + " addresses kubeadm needs (kubeadm)");
        }
    }

    private void podSize(Cidr pod, IpFamily f) {
        int prefix = pod.prefixLength();
        int smallest = KubernetesLimits.longestPodPrefix(f);
        if (prefix > smallest) {
            c.error(PODS.child(f.key()), "prefix /" + prefix + " is too small; a pod subnet must hold at least "
                    + KubernetesLimits.POD_SUBNET_MIN_ADDRESSES + " addresses, /" + smallest + " or larger (kubeadm)");
        }
    }

    private void nodeMask(Cidr pod, int mask, IpFamily f) {
        int prefix = pod.prefixLength();
        int longest = KubernetesLimits.longestNodeMask(prefix);
        FieldPath path = MASKS.child(f.key());
        if (mask < prefix) {
            c.error(path, "node mask /" + mask + " is larger than the " + f + " pod subnet /" + prefix
                    + "; it must be between /" + prefix + " and /" + Math.min(f.bits(), longest) + " (kubeadm)");
            return;
        }
        if (mask > longest) {
            c.error(path, "node mask /" + mask + " is more than " + KubernetesLimits.NODE_MASK_MAX_DIFF
                    + " bits longer than the " + f + " pod subnet /" + prefix
                    + "; it must be between /" + prefix + " and /" + longest + " (kubeadm, kube-controller-manager)");
            return;
        }
        long ranges = 1L << (mask - prefix);
        long nodes = (long) c.site.nodes().size() + c.site.edgeNodes().size();
        if (ranges < nodes) {
            c.error(path, "node mask /" + mask + " in the " + f + " pod subnet /" + prefix + " gives " + ranges
                    + " node ranges for " + nodes + " nodes; use a shorter mask or a larger pod subnet (kube-controller-manager)");
        }
    }

    /**
     * controlPlaneEndpoint and etcd URLs: the binder parsed them (bracketed IPv6, IPv4 or DNS name hosts, ports in
     * range, {@link io.github.dualstack.core.net.Endpoint}); those it could not are reported here.
     */
    private void endpoint(Kubernetes k) {
        c.rejected(Checks.KUBERNETES.child("controlPlaneEndpoint"));
        // a parsed URL has nothing more to check: only the ones that did not parse are reported
        c.eachWritten(Checks.KUBERNETES.child("apiServer").child("etcdServers"), k.etcdServers(), (url, i) -> { });
    }
}
