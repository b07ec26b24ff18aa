package io.github.dualstack.core.validate;

import io.github.dualstack.core.FieldPath;
import io.github.dualstack.core.model.CloudCore;
import io.github.dualstack.core.model.EdgeNode;
import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.net.HubAddresses;
import io.github.dualstack.core.net.Cidr;
import io.github.dualstack.core.net.IpAddress;
import io.github.dualstack.core.rules.CloudCoreChart;
import io.github.dualstack.core.rules.KubernetesLimits;
import io.github.dualstack.core.yaml.CanonicalYaml;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * CloudCore and the way each edge reaches it (reference kubeedge.md sections 1, 5 and 8): advertise addresses
 * are bare IPs of the site's families and become certificate SANs, so every address an edge dials must be one
 * of them or of dnsNames; ports are distinct; edges can only use a family and protocol CloudCore offers.
 */
final class CloudCoreRules {

    private static final FieldPath ADVERTISE = Checks.CLOUD_CORE.child("advertiseAddresses");

    private final Checks c;
    private final NetworkRules.Subnets subnets;
    private final Set<String> sans = new HashSet<>();

    CloudCoreRules(Checks c, NetworkRules.Subnets subnets) {
        this.c = c;
        this.subnets = subnets;
    }

    void check() {
        CloudCore cc = c.site.cloudCore();
        advertiseAddresses(cc.advertiseAddresses());
        sans.addAll(cc.dnsNames());
        ports(Checks.CLOUD_CORE.child("ports"), cc.ports().byName(), KubernetesLimits.PORT_MIN, KubernetesLimits.PORT_MAX, "");
        if (cc.exposure() == CloudCore.Exposure.NodePort) {
            ports(Checks.CLOUD_CORE.child("nodePorts"), cc.nodePorts().byName(), KubernetesLimits.NODE_PORT_MIN,
                    KubernetesLimits.NODE_PORT_MAX, " (the Kubernetes NodePort range)");
        }
        edges(cc);
        chart(cc);
        if (cc.regenerateCertificates()) {
            c.warn(Checks.CLOUD_CORE.child("regenerateCertificates"), "the runbook re-signs CloudCore's server certificate;"
                    + " if the CA is replaced as well (casecret deleted), every existing edge certificate and join token"
                    + " becomes invalid and each edge must join again");
        }
    }

    /**
     * The cloudcore chart fixes CloudCore's ports and prints dnsNames unquoted ({@code - {{ . }}} in
     * configmap_cloudcore.yaml); keadm fixes the release and namespace ({@link CloudCoreChart}).
     */
    private void chart(CloudCore cc) {
        if (!cc.installedBy().chart()) {
            return;
        }
        Map<String, Integer> fixed = CloudCoreChart.FIXED_PORTS.byName();
        cc.ports().byName().forEach((name, port) -> {
            if (!port.equals(fixed.get(name))) {
                c.error(Checks.CLOUD_CORE.child("ports").child(name), "is " + port + ", but with installedBy "
                        + cc.installedBy() + " the cloudcore chart fixes this port at " + fixed.get(name)
                        + " (its Service, Deployment and ConfigMap)");
            }
        });
        for (int i = 0; i < cc.dnsNames().size(); i++) {
            String name = cc.dnsNames().get(i);
            if (!CanonicalYaml.plainSafe(name)) {
                c.error(Checks.CLOUD_CORE.child("dnsNames").index(i), "YAML reads " + name + " as a number or a boolean,"
                        + " and the cloudcore chart prints dnsNames unquoted into cloudcore.yaml, which CloudCore then"
                        + " cannot read; with installedBy " + cc.installedBy() + " use a name with a letter in it");
            }
        }
        if (cc.installedBy() == CloudCore.Installer.keadm) {
            if (!cc.namespace().equals(CloudCoreChart.KEADM_NAMESPACE)) {
                c.error(Checks.CLOUD_CORE.child("namespace"), "is " + cc.namespace()
                        + ", but keadm installs CloudCore in namespace " + CloudCoreChart.KEADM_NAMESPACE);
            }
            if (!cc.helmRelease().equals(CloudCoreChart.KEADM_RELEASE)) {
                c.error(Checks.CLOUD_CORE.child("helmRelease"), "is " + cc.helmRelease()
                        + ", but keadm names the release " + CloudCoreChart.KEADM_RELEASE);
            }
        }
    }

    private void advertiseAddresses(List<IpAddress> list) {
        Set<IpFamily> seen = EnumSet.noneOf(IpFamily.class);
        Map<IpAddress, Integer> firstIndex = new HashMap<>();
        c.eachWritten(ADVERTISE, list, (address, i) -> {
            FieldPath path = ADVERTISE.index(i);
            IpFamily f = address.family();
            String canonical = address.toString();
            Integer first = firstIndex.putIfAbsent(address, i);
            if (first != null) {
                c.error(path, "duplicate advertise address " + canonical + " (also entry " + first + ")");
            }
            if (!c.families().contains(f)) {
                c.error(path, "is an " + f + " address, but the site's ipFamilies are " + c.families());
                return;
            }
            seen.add(f);
            sans.add(canonical);
            String clash = ReservedRanges.hostClash(address);
            if (clash != null) {
                c.error(path, clash);
            }
            Cidr pods = subnets.pods().get(f);
            Cidr services = subnets.services().get(f);
            if ((pods != null && pods.contains(address)) || (services != null && services.contains(address))) {
                c.error(path, "lies inside the pod or service subnet; edges must dial an address outside the cluster's virtual ranges");
            }
        });
        for (IpFamily f : c.families()) {
            if (!seen.contains(f)) {
                c.error(ADVERTISE, "needs at least one " + f + " address: the site's ipFamilies include " + f
                        + " and the CloudCore certificate must cover it");
            }
        }
    }

    private void ports(FieldPath path, Map<String, Integer> ports, int min, int max, String range) {
        Map<Integer, String> byPort = new HashMap<>();
        for (Map.Entry<String, Integer> e : ports.entrySet()) {
            int port = e.getValue();
            if (port < min || port > max) {
                c.error(path.child(e.getKey()), "port " + port + " must be within " + min + ".." + max + range);
            }
            String other = byPort.putIfAbsent(port, e.getKey());
            if (other != null) {
                c.error(path.child(e.getKey()), "port " + port + " is already used by " + other + "; the five ports must be distinct");
            }
        }
    }

    private void edges(CloudCore cc) {
        HubAddresses hub = new HubAddresses(cc.advertiseAddresses());
        List<EdgeNode> edges = c.site.edgeNodes();
        for (EdgeNode e : edges) {
            FieldPath path = Checks.edgePath(c.site, e);
            if (!c.families().contains(e.hubFamily())) {
                c.error(path.child("hubFamily"), "hub family " + e.hubFamily() + " is not one of the site's ipFamilies " + c.families());
                continue;
            }
            if (!e.discovers(e.hubFamily()) && !c.written(path.child("addresses"), e.addresses(), e.hubFamily())) {
                // at the family's own field (an inventory's ipv4 or ipv6 column), which is missing in a descriptor
                c.error(path.child("addresses").child(e.hubFamily().key()), "needs an " + e.hubFamily()
                        + " address to reach CloudCore over its hub family; give it or discover it");
            }
            if (e.hubProtocol() == EdgeNode.HubProtocol.quic && !cc.quic()) {
                c.error(path.child("hubProtocol"), "is quic, but CloudCore's QUIC server is off; set spec.cloudCore.quic: true");
            }
            cloudCoreAddress(path, e, hub);
        }
        if (edges.size() > cc.nodeLimit()) {
            c.warn(Checks.CLOUD_CORE.child("nodeLimit"), "is " + cc.nodeLimit() + " but the site has " + edges.size()
                    + " edge nodes; one CloudCore refuses edges beyond its nodeLimit");
        }
    }

    private void cloudCoreAddress(FieldPath path, EdgeNode e, HubAddresses hub) {
        Optional<String> target = hub.effective(e);
        if (target.isEmpty()) {
            c.error(path.child("hubFamily"), "no " + e.hubFamily() + " address in spec.cloudCore.advertiseAddresses for this edge"
                    + " to dial; add one or set cloudCoreAddress");
            return;
        }
        String text = target.get();
        FieldPath at = path.child("cloudCoreAddress");
        if (e.cloudCoreAddress().isPresent()) {
            // The family check comes first: an address of the other family is wrong even when it is a SAN.
            Optional<IpFamily> f = e.cloudCoreAddress().get().address().map(IpAddress::family);
            if (f.isPresent() && f.get() != e.hubFamily()) {
                c.error(at, "is an " + f.get() + " address but the edge's hubFamily is " + e.hubFamily());
                return;
            }
            // text is the address's canonical form, or a DNS name, which must be among dnsNames
            if (!sans.contains(text)) {
                c.error(at, "'" + text + "' is neither in spec.cloudCore.advertiseAddresses nor in dnsNames, so it is not"
                        + " in CloudCore's certificate and the edge's TLS handshake would fail (x509: certificate is valid for ..., not "
                        + text + ")");
            }
        }
    }
}
