package io.github.dualstack.core.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import inet.ipaddr.IPAddress;
import io.github.dualstack.core.FieldPath;
import io.github.dualstack.core.model.Calico;
import io.github.dualstack.core.model.CalicoPool;
import io.github.dualstack.core.model.CloudCore;
import io.github.dualstack.core.model.ClusterNode;
import io.github.dualstack.core.model.EdgeNode;
import io.github.dualstack.core.model.Endpoint;
import io.github.dualstack.core.model.FamilyPair;
import io.github.dualstack.core.model.HubPorts;
import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.model.IpLiteral;
import io.github.dualstack.core.model.Kubernetes;
import io.github.dualstack.core.model.Site;
import io.github.dualstack.core.validate.RejectedLiteral;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Binds a schema-valid descriptor, defaults applied, to {@link Site}. Edge defaults are resolved here: each
 * {@link EdgeNode} carries its effective settings. The schema has passed, so every enumerated value (role,
 * exposure, encapsulation, kube-proxy mode, hub protocol, cgroup driver) becomes its enum; every address, CIDR and
 * host:port is parsed once, here ({@link Literals}), and one that does not parse binds as absent and is returned
 * as a rejection for the validator to report. One binder binds one descriptor.
 */
public final class SiteBinder {

    private static final FieldPath SPEC = FieldPath.ROOT.child("spec");
    private static final FieldPath KUBERNETES = SPEC.child("kubernetes");

    /** The bound site and the literals that bound as absent in it. */
    public record Bound(Site site, List<RejectedLiteral> rejected) {
    }

    private final Literals literals = new Literals();

    public Bound bind(JsonNode root) {
        return new Bound(site(root), literals.rejected());
    }

    private Site site(JsonNode root) {
        JsonNode spec = root.path("spec");
        List<IpFamily> families = new ArrayList<>();
        spec.path("ipFamilies").forEach(f -> families.add(IpFamily.valueOf(f.asText())));
        List<IpFamily> ipFamilies = List.copyOf(families);

        List<ClusterNode> nodes = new ArrayList<>();
        FieldPath nodesPath = SPEC.child("nodes");
        int i = 0;
        for (JsonNode n : spec.path("nodes")) {
            int index = i++;
            nodes.add(new ClusterNode(n.path("name").asText(),
                    ClusterNode.Role.of(n.path("role").asText()),
                    n.path("interface").asText(), addresses(n.path("addresses"), () -> nodesPath.index(index))));
        }
        return new Site(root.path("metadata").path("name").asText(), ipFamilies,
                kubernetes(spec.path("kubernetes")),
                spec.has("calico") ? Optional.of(calico(spec.path("calico"))) : Optional.empty(),
                cloudCore(spec.path("cloudCore")), List.copyOf(nodes), edgeNodes(spec.path("edge"), ipFamilies.get(0)));
    }

    private Kubernetes kubernetes(JsonNode k) {
        JsonNode api = k.path("apiServer");
        Optional<Endpoint> controlPlane = optionalText(k.path("controlPlaneEndpoint"))
                .map(e -> literals.endpoint(e, e, KUBERNETES.child("controlPlaneEndpoint")));
        return new Kubernetes(k.path("version").asText(), k.path("imageRepository").asText(),
                k.path("dnsDomain").asText(), cidrs(k.path("podSubnets"), KUBERNETES.child("podSubnets")),
                cidrs(k.path("serviceSubnets"), KUBERNETES.child("serviceSubnets")),
                pair(k.path("nodeMaskSizes"), (v, f) -> v.asInt()), k.path("allocateNodeCIDRs").asBoolean(),
                controlPlane, api.path("bindPort").asInt(), etcdServers(api.path("etcdServers")),
                textMap(api.path("extraArgs")), textMap(k.path("controllerManager").path("extraArgs")),
                Kubernetes.KubeProxyMode.valueOf(k.path("kubeProxy").path("mode").asText()));
    }

    /** The etcd URLs, each scheme://host:port (the schema's pattern); one that does not parse is left out. */
    private List<Endpoint> etcdServers(JsonNode arr) {
        FieldPath base = KUBERNETES.child("apiServer").child("etcdServers");
        List<Endpoint> out = new ArrayList<>(arr.size());
        for (int i = 0; i < arr.size(); i++) {
            String url = arr.get(i).asText();
            Endpoint e = literals.endpoint(url, url.substring(url.indexOf("://") + 3), base.index(i));
            if (e != null) {
                out.add(e);
            }
        }
        return List.copyOf(out);
    }

    private Calico calico(JsonNode c) {
        FieldPath calico = SPEC.child("calico");
        FamilyPair<CalicoPool> pools = new FamilyPair<>(pool(c.get("ipv4Pool"), IpFamily.IPv4, calico),
                pool(c.get("ipv6Pool"), IpFamily.IPv6, calico));
        return new Calico(pools, pair(c.path("autodetection"), (v, f) -> v.asText()), optionalText(c.path("base")));
    }

    private CalicoPool pool(JsonNode p, IpFamily family, FieldPath calico) {
        if (p == null) {
            return null;
        }
        IpLiteral cidr = literals.cidr(p.path("cidr").asText(), family,
                () -> calico.child(family.key() + "Pool").child("cidr"));
        return new CalicoPool(cidr, p.path("blockSize").asInt(), p.path("natOutgoing").asBoolean(),
                CalicoPool.Encapsulation.valueOf(p.path("encapsulation").asText()));
    }

    private CloudCore cloudCore(JsonNode c) {
        return new CloudCore(c.path("namespace").asText(), CloudCore.Exposure.valueOf(c.path("exposure").asText()),
                advertiseAddresses(c.path("advertiseAddresses")), textList(c.path("dnsNames")), c.path("nodeLimit").asInt(),
                ports(c.path("ports")), ports(c.path("nodePorts")), c.path("quic").asBoolean(),
                c.path("regenerateCertificates").asBoolean());
    }

    /** Addresses of either family; one that does not parse is left out. */
    private List<IpLiteral> advertiseAddresses(JsonNode arr) {
        FieldPath base = SPEC.child("cloudCore").child("advertiseAddresses");
        List<IpLiteral> out = new ArrayList<>(arr.size());
        for (int i = 0; i < arr.size(); i++) {
            int index = i;
            IpLiteral a = literals.anyAddress(arr.get(i).asText(), () -> base.index(index));
            if (a != null) {
                out.add(a);
            }
        }
        return List.copyOf(out);
    }

    private static HubPorts ports(JsonNode p) {
        return new HubPorts(p.path("websocket").asInt(), p.path("quic").asInt(), p.path("https").asInt(),
                p.path("stream").asInt(), p.path("tunnel").asInt());
    }

    private List<EdgeNode> edgeNodes(JsonNode edge, IpFamily primary) {
        JsonNode d = edge.path("defaults");
        FieldPath nodesPath = SPEC.child("edge").child("nodes");
        List<EdgeNode> out = new ArrayList<>(edge.path("nodes").size());
        int i = 0;
        for (JsonNode n : edge.path("nodes")) {
            int index = i++;
            SortedMap<String, String> labels = new TreeMap<>(textMap(d.path("labels")));
            labels.putAll(textMap(n.path("labels")));
            String hubFamily = setting(n, d, "hubFamily");
            out.add(new EdgeNode(n.path("name").asText(), n.path("interface").asText(),
                    addresses(n.path("addresses"), () -> nodesPath.index(index)),
                    setting(n, d, "kubeedgeVersion"), hubFamily == null ? primary : IpFamily.valueOf(hubFamily),
                    EdgeNode.HubProtocol.valueOf(setting(n, d, "hubProtocol")),
                    EdgeNode.CgroupDriver.valueOf(setting(n, d, "cgroupDriver")), setting(n, d, "containerRuntimeEndpoint"),
                    Collections.unmodifiableSortedMap(labels), optionalText(n.path("cloudCoreAddress")).map(Literals::host)));
        }
        return Collections.unmodifiableList(out);
    }

    /** The node's own setting, else the edge default, else null. */
    private static String setting(JsonNode node, JsonNode defaults, String key) {
        JsonNode v = node.has(key) ? node.get(key) : defaults.get(key);
        return v == null ? null : v.asText();
    }

    /** A node's addresses, each of the family its key names. */
    private FamilyPair<IPAddress> addresses(JsonNode pair, Supplier<FieldPath> node) {
        return pair(pair, (v, f) -> literals.address(v.asText(), f, () -> node.get().child("addresses").child(f.key())));
    }

    private FamilyPair<IpLiteral> cidrs(JsonNode pair, FieldPath path) {
        return pair(pair, (v, f) -> literals.cidr(v.asText(), f, () -> path.child(f.key())));
    }

    /** The {@code ipv4} and {@code ipv6} values of a per-family object, each bound knowing its family. */
    private static <T> FamilyPair<T> pair(JsonNode pair, BiFunction<JsonNode, IpFamily, T> fn) {
        JsonNode v4 = pair.get("ipv4");
        JsonNode v6 = pair.get("ipv6");
        return new FamilyPair<>(v4 == null ? null : fn.apply(v4, IpFamily.IPv4),
                v6 == null ? null : fn.apply(v6, IpFamily.IPv6));
    }

    private static Optional<String> optionalText(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? Optional.empty() : Optional.of(n.asText());
    }

    private static List<String> textList(JsonNode arr) {
        List<String> out = new ArrayList<>(arr.size());
        arr.forEach(v -> out.add(v.asText()));
        return List.copyOf(out);
    }

    private static SortedMap<String, String> textMap(JsonNode obj) {
        SortedMap<String, String> out = new TreeMap<>();
        obj.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

}
