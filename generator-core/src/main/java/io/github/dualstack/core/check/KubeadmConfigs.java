package io.github.dualstack.core.check;

import com.fasterxml.jackson.databind.JsonNode;
import inet.ipaddr.IPAddress;
import io.github.dualstack.core.FieldPath;
import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.net.IpLiterals;
import io.github.dualstack.core.rules.KubernetesLimits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A kubeadm configuration file: each document against its apiVersion/kind in {@code schemas/kubeadm.schema.json}
 * (kubeadm's and kube-proxy's Go types), and kubeadm's own networking rules (cmd/kubeadm/app/apis/kubeadm/validation/
 * validation.go: {@code ValidateIPNetFromString}, {@code ValidateServiceSubnetSize}, {@code ValidatePodSubnetNodeMask})
 * plus the kubelet's --node-ip rule and bracketed endpoints, which kubeadm itself leaves to the components. A file
 * is either an init file (InitConfiguration, ClusterConfiguration, optionally KubeProxyConfiguration) or one
 * JoinConfiguration.
 */
final class KubeadmConfigs {

    private final Map<String, KubeEdgeSchema> kinds = new HashMap<>();

    /**
     * Loads the schema, one {@link KubeEdgeSchema} walk per apiVersion/kind (the same six keywords); fails fast if it
     * is missing or uses a keyword the walk does not check.
     */
    KubeadmConfigs(String resource) {
        JsonNode schema = KubeEdgeSchema.read(resource);
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> kind = it.next();
            kinds.put(kind.getKey(), new KubeEdgeSchema("kubeadm.schema.json " + kind.getKey(), kind.getValue()));
        }
    }

    void check(List<JsonNode> docs, Findings out) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < docs.size(); i++) {
            JsonNode doc = docs.get(i);
            Scope s = Scope.document(i + 1, docs.size());
            String key = doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
            KubeEdgeSchema schema = kinds.get(key);
            if (schema == null) {
                out.add(s.at(FieldPath.ROOT), Values.quote(key) + " is not an apiVersion/kind this file may hold: "
                        + String.join(", ", kinds.keySet().stream().sorted().toList()));
                continue;
            }
            if (!seen.add(doc.path("kind").asText())) {
                out.add(s.at(FieldPath.ROOT), "a second " + doc.path("kind").asText() + "; kubeadm reads one");
            }
            schema.report(doc, s, out);
            switch (doc.path("kind").asText()) {
                case "InitConfiguration" -> {
                    endpoint(doc.path("localAPIEndpoint"), FieldPath.of("localAPIEndpoint"), s, out);
                    nodeRegistration(doc.path("nodeRegistration"), s, out);
                }
                case "JoinConfiguration" -> {
                    endpoint(doc.path("controlPlane").path("localAPIEndpoint"),
                            FieldPath.of("controlPlane.localAPIEndpoint"), s, out);
                    nodeRegistration(doc.path("nodeRegistration"), s, out);
                    hostPort(doc.path("discovery").path("bootstrapToken").path("apiServerEndpoint"),
                            FieldPath.of("discovery.bootstrapToken.apiServerEndpoint"), s, out);
                }
                case "ClusterConfiguration" -> cluster(doc, s, out);
                case "KubeProxyConfiguration" -> cidrs(doc.path("clusterCIDR"), FieldPath.of("clusterCIDR"),
                        KubernetesLimits.POD_SUBNET_MIN_ADDRESSES, s, out);
                default -> {
                }
            }
        }
        advertiseFamily(docs, out);
        boolean join = seen.contains("JoinConfiguration");
        if (join ? seen.size() != 1 : !seen.containsAll(Set.of("InitConfiguration", "ClusterConfiguration"))) {
            out.add("holds " + String.join(", ", seen.stream().sorted().toList()) + "; a kubeadm file holds"
                    + " InitConfiguration and ClusterConfiguration (and KubeProxyConfiguration), or one JoinConfiguration");
        }
    }

    private static void cluster(JsonNode doc, Scope s, Findings out) {
        hostPort(doc.path("controlPlaneEndpoint"), FieldPath.of("controlPlaneEndpoint"), s, out);
        JsonNode net = doc.path("networking");
        cidrs(net.path("serviceSubnet"), FieldPath.of("networking.serviceSubnet"),
                KubernetesLimits.SERVICE_SUBNET_MIN_ADDRESSES, s, out).forEach(c -> {
                    IpFamily f = IpLiterals.family(c);
                    if (c.getNetworkPrefixLength() < KubernetesLimits.shortestServicePrefix(f)) {
                        out.add(s.at(FieldPath.of("networking.serviceSubnet")), "/" + c.getNetworkPrefixLength()
                                + " is too large: for " + f.bits() + "-bit addresses the mask must be >= "
                                + KubernetesLimits.shortestServicePrefix(f) + " (kubeadm ValidateServiceSubnetSize)");
                    }
                });
        List<IPAddress> pods = cidrs(net.path("podSubnet"), FieldPath.of("networking.podSubnet"),
                KubernetesLimits.POD_SUBNET_MIN_ADDRESSES, s, out);
        JsonNode kcmArgs = doc.path("controllerManager").path("extraArgs");
        if (arg(kcmArgs, "allocate-node-cidrs").orElse("true").equals("false")) {
            return;
        }
        for (IPAddress pod : pods) {
            IpFamily f = IpLiterals.family(pod);
            String flag = "node-cidr-mask-size-" + f.key();
            String text = arg(kcmArgs, flag).orElse(f == IpFamily.IPv4 ? "24" : "64");
            int prefix = pod.getNetworkPrefixLength();
            FieldPath where = FieldPath.of("controllerManager.extraArgs");
            try {
                int mask = Integer.parseInt(text);
                if (mask < prefix || mask > KubernetesLimits.longestNodeMask(prefix)) {
                    out.add(s.at(where), "--" + flag + "=" + mask + " must lie between the pod subnet's /" + prefix
                            + " and /" + KubernetesLimits.longestNodeMask(prefix) + " (kubeadm ValidatePodSubnetNodeMask)");
                }
            } catch (NumberFormatException e) {
                out.add(s.at(where), "--" + flag + "=" + Values.quote(text) + " is not an integer");
            }
        }
    }

    /**
     * kubeadm's {@code ValidateIPNetFromString}: one CIDR, or two of different families, each holding at least
     * {@code minAddresses}; the parsed CIDRs of those that are valid.
     */
    private static List<IPAddress> cidrs(JsonNode value, FieldPath path, int minAddresses, Scope s, Findings out) {
        List<IPAddress> cidrs = new ArrayList<>();
        if (!value.isTextual()) {
            out.add(s.at(path), "is missing; the site's subnets must be set");
            return cidrs;
        }
        String[] parts = value.textValue().split(",", -1);
        for (String part : parts) {
            if (!part.equals(part.strip())) {
                // kubeadm splits on ',' and parses each part as it is (ValidateIPNetFromString)
                out.add(s.at(path), Values.quote(part) + " has surrounding spaces, which kubeadm does not trim");
                continue;
            }
            IpFamily f = part.contains(":") ? IpFamily.IPv6 : IpFamily.IPv4;
            try {
                IPAddress c = IpLiterals.cidr(part, f);
                if (c.getNetworkPrefixLength() > f.bits() - bitsFor(minAddresses)) {
                    out.add(s.at(path), Values.quote(part) + " holds fewer than " + minAddresses + " addresses");
                }
                cidrs.add(c);
            } catch (IpLiterals.InvalidLiteral e) {
                out.add(s.at(path), Values.quote(part) + " " + e.getMessage());
            }
        }
        if (parts.length > 2 || (cidrs.size() == 2 && cidrs.get(0).isIPv4() == cidrs.get(1).isIPv4())) {
            out.add(s.at(path), Values.quote(value.textValue()) + " must be one CIDR or two CIDRs of different families");
        }
        return cidrs;
    }

    /**
     * kube-apiserver refuses an advertise address of another family than the primary service range
     * (cmd/kube-apiserver/app/options/validation.go); kubeadm leaves that check to it.
     */
    private static void advertiseFamily(List<JsonNode> docs, Findings out) {
        JsonNode adv = null;
        JsonNode services = null;
        int at = 0;
        for (int i = 0; i < docs.size(); i++) {
            switch (docs.get(i).path("kind").asText()) {
                case "InitConfiguration" -> {
                    adv = docs.get(i).path("localAPIEndpoint").path("advertiseAddress");
                    at = i;
                }
                case "ClusterConfiguration" -> services = docs.get(i).path("networking").path("serviceSubnet");
                default -> {
                }
            }
        }
        if (adv == null || services == null || !adv.isTextual() || !services.isTextual()) {
            return;
        }
        String primary = services.textValue().split(",", -1)[0];
        boolean v6 = adv.textValue().contains(":");
        if (v6 != primary.contains(":")) {
            out.add(Scope.document(at + 1, docs.size()).at(FieldPath.of("localAPIEndpoint.advertiseAddress")),
                    Values.quote(adv.textValue()) + " is not of the primary service subnet's family ("
                            + Values.quote(primary) + "); kube-apiserver refuses it");
        }
    }

    /** The fewest host bits that hold {@code n} addresses. */
    private static int bitsFor(int n) {
        return 32 - Integer.numberOfLeadingZeros(n - 1);
    }

    private static void nodeRegistration(JsonNode reg, Scope s, Findings out) {
        arg(reg.path("kubeletExtraArgs"), "node-ip").ifPresentOrElse(
                ip -> Addresses.nodeIp(ip, () -> s.at(FieldPath.of("nodeRegistration.kubeletExtraArgs")), out),
                () -> out.add(s.at(FieldPath.of("nodeRegistration.kubeletExtraArgs")),
                        "sets no node-ip; the kubelet would report one family only"));
    }

    private static void endpoint(JsonNode api, FieldPath path, Scope s, Findings out) {
        if (api.isMissingNode()) {
            return;
        }
        JsonNode adv = api.path("advertiseAddress");
        if (adv.isTextual()) {
            Addresses.ipAddress(adv.textValue(), () -> s.at(path.child("advertiseAddress")), out);
        }
        JsonNode port = api.path("bindPort");
        if (!port.canConvertToLong() || !KubernetesLimits.isPort(port.asLong())) {
            out.add(s.at(path.child("bindPort")), "must be a port, 1 to 65535");
        }
    }

    private static void hostPort(JsonNode value, FieldPath path, Scope s, Findings out) {
        if (value.isTextual()) {
            Addresses.hostPort(value.textValue(), () -> s.at(path), out);
        }
    }

    /** A flag's value in extraArgs or kubeletExtraArgs: v1beta4's list of name/value (the last wins), v1beta3's map. */
    static Optional<String> arg(JsonNode args, String name) {
        if (args.isObject()) {
            return Optional.ofNullable(args.get(name)).map(JsonNode::asText);
        }
        String found = null;
        for (JsonNode a : args) {
            if (a.path("name").asText().equals(name)) {
                found = a.path("value").asText();
            }
        }
        return Optional.ofNullable(found);
    }
}
