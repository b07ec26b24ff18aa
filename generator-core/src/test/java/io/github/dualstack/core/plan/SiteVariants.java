package io.github.dualstack.core.plan;

import io.github.dualstack.core.Descriptors.Base;
import io.github.dualstack.core.Descriptors;
import io.github.dualstack.core.descriptor.DescriptorLoader;
import io.github.dualstack.core.model.Site;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The site shapes the plan distinguishes: the three samples and edits of the dual-stack one, each valid. Builder
 * tests take their rows from here, and the strict render renders every template of each.
 */
public enum SiteVariants {
    DUAL(Base.DUAL, e -> e),
    IPV6_ONLY(Base.IPV6_ONLY, e -> e),
    IPV6_PRIMARY_HOSTNETWORK(Base.IPV6_PRIMARY, e -> e),
    IPV4_ONLY(Base.DUAL, e -> e.sub(9, "[IPv4, IPv6]", "[IPv4]")
            .sub(12, ", ipv6: \"fd00:10:244::/56\"", "").sub(13, ",  ipv6: \"fd00:10:96::/112\"", "").delete(18)
            .sub(21, ", \"2001:db8::10\"", "").sub(27, ", ipv6: \"2001:db8::10\"", "")
            .sub(31, ", ipv6: \"2001:db8::11\"", "").sub(35, "IPv6", "IPv4").sub(43, ", ipv6: \"2001:db8::101\"", "")
            .sub(47, ", ipv6: \"2001:db8::102\"", "").sub(53, ", ipv6: \"2001:db8::103\"", "")),
    LOAD_BALANCER(Base.DUAL, e -> e.sub(20, "NodePort", "LoadBalancer")),
    INGRESS(Base.DUAL, e -> e.sub(20, "NodePort", "Ingress")),
    KEADM(Base.DUAL, e -> e.after(22, "    installedBy: keadm\n    dnsNames: [cloudcore.factory-east.example.com]")),
    HELM_LOAD_BALANCER(Base.DUAL, e -> e.sub(20, "NodePort", "LoadBalancer")
            .after(22, "    installedBy: helm\n    helmRelease: edge-cloud\n    namespace: edge-system")),
    HELM_HOST_NETWORK(Base.IPV6_PRIMARY, e -> e.after(27, "    installedBy: helm")),
    NO_CALICO(Base.DUAL, e -> e.delete(16, 18)),
    CALICO_BASE(Base.DUAL, e -> e.after(16, "    base: ../calico-base")),
    CALICO_OPERATOR(Base.DUAL, e -> e.after(16, "    installedBy: operator")),
    VXLAN_CROSS_SUBNET(Base.DUAL, e -> e.sub(17, "IPIP", "VXLANCrossSubnet").sub(18, "None", "VXLANCrossSubnet")),
    QUIC_AND_NEW_CERTIFICATES(Base.DUAL, e -> e.after(22, "    quic: true\n    regenerateCertificates: true")
            .sub(36, "websocket", "quic")),
    // EdgeMesh (dynamicController, MetaServer, its DNS), a Helm-installed CloudCore, an air-gapped edge's own pause
    // image and pod limit, and a cluster name of the site's own
    EDGEMESH(Base.DUAL, e -> e.after(11, "    clusterName: factory-east")
            .after(22, "    dynamicController: true\n    iptablesManager: external")
            .after(34, "      metaServer: true\n      clusterDNS: [169.254.96.16, \"fd00:10:96::a\"]")
            .after(54, "        podSandboxImage: registry.factory-east.local:5000/kubeedge/pause:3.6\n        maxPods: 40"
                    + "\n        clusterDomain: edge.factory-east.local")),
    NO_EDGES(Base.DUAL, e -> e.set(40, "    nodes: []").delete(41, 55)),
    /** A group with a NodeGroup whose node's IPv6 address is found at join time. */
    EDGE_GROUP_DISCOVERY(Base.DUAL, e -> e.after(39, String.join("\n",
            "    groups:",
            "      - name: hall-b",
            "        labels: {hall: b}",
            "        nodeGroup: true",
            "        discover: {ipv6: {prefix: \"2001:db8::/64\"}}",
            "        nodes:",
            "          - {name: edge-0101, interface: eth0, addresses: {ipv4: 192.0.2.151}}"))),
    EXTRA_VOLUMES(Base.DUAL, e -> e.after(13, String.join("\n",
            "    apiServer:",
            "      extraArgs: {audit-policy-file: /etc/kubernetes/audit/policy.yaml,"
                    + " audit-log-path: /var/log/kubernetes/audit/audit.log}",
            "      extraVolumes:",
            "        - {name: audit-policy, hostPath: /srv/audit, mountPath: /etc/kubernetes/audit, readOnly: true,"
                    + " pathType: Directory}",
            "        - {name: audit-log, hostPath: /var/log/kubernetes/audit, mountPath: /var/log/kubernetes/audit}",
            "    controllerManager:",
            "      extraArgs: {pv-recycler-pod-template-filepath-nfs: /etc/kubernetes/recycler/nfs.yaml}",
            "      extraVolumes:",
            "        - {name: recycler, hostPath: /etc/kubernetes/recycler, mountPath: /etc/kubernetes/recycler,"
                    + " readOnly: true, pathType: DirectoryOrCreate}"))),
    /** A new cluster built with kubeadm 1.32: v1beta4 configurations. */
    NEW_CLUSTER(Base.DUAL, e -> e.after(10, "    bootstrap: kubeadm")),
    NEW_CLUSTER_NAMED(Base.DUAL, e -> e.after(10, "    bootstrap: kubeadm\n    clusterName: plant-east")),
    /** kubeadm 1.30 (v1beta3: map-style args), node IPAM off, flags and volumes of its own. */
    NEW_CLUSTER_V1BETA3(Base.DUAL, e -> e.sub(11, "v1.32.4", "v1.30.6").after(13, String.join("\n",
            "    bootstrap: kubeadm",
            "    allocateNodeCIDRs: false",
            "    apiServer:",
            "      extraArgs: {audit-log-path: /var/log/kubernetes/audit/audit.log}",
            "      extraVolumes:",
            "        - {name: audit-log, hostPath: /var/log/kubernetes/audit, mountPath: /var/log/kubernetes/audit}"))),
    /** Two control-plane nodes behind a load balancer's DNS name: the second one joins as a control plane. */
    NEW_CLUSTER_HA(Base.DUAL, e -> e.after(10, "    bootstrap: kubeadm\n    controlPlaneEndpoint: lb.factory-east.example:6443")
            .after(27, String.join("\n",
                    "    - name: master-2",
                    "      role: control-plane",
                    "      interface: eth0",
                    "      addresses: {ipv4: 192.0.2.12, ipv6: \"2001:db8::12\"}"))),
    /** A new IPv6-primary cluster: every advertise address and the endpoint are IPv6. */
    NEW_CLUSTER_IPV6_PRIMARY(Base.IPV6_PRIMARY, e -> e.after(10, "    bootstrap: kubeadm"));

    private final Site site;

    SiteVariants(Base base, UnaryOperator<Descriptors.Edited> edit) {
        DescriptorLoader.Result r = edit.apply(base.edit()).load();
        if (!r.ok()) {
            throw new IllegalStateException(name() + " is no valid site: " + r.problems());
        }
        this.site = r.site();
    }

    public Site site() {
        return site;
    }

    public SiteFacts facts() {
        return new SiteFacts(site);
    }

    /** Every planned file of the variant, site files then edge files. */
    public List<PlannedFile> files() {
        OutputPlan plan = new OutputPlan(site);
        return java.util.stream.Stream.concat(plan.siteFiles().stream(), plan.edgeFiles()).toList();
    }
}
