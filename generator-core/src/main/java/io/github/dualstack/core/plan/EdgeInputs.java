package io.github.dualstack.core.plan;

import io.github.dualstack.core.Sha256;
import io.github.dualstack.core.model.AddressDiscovery;
import io.github.dualstack.core.model.AddressRecheck;
import io.github.dualstack.core.model.EdgeCoreSettings;
import io.github.dualstack.core.model.EdgeNode;
import io.github.dualstack.core.model.HubPorts;
import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.net.HubAddresses;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * Everything site-wide that an edge node's files are made from, the only part of {@link SiteFacts} that {@link
 * EdgeBuilder} reads, and the key of one node's files: those values and every value of the node's record, as one
 * sha256. Two nodes with the same key get the same files, so a run can take a node's files as the previous run
 * left them without building their views (at 100,000 edges, most of a one-edge change's rendering). Where a value
 * is declared ({@code declaredAt}) is left out: adding a node earlier in the list moves every later node's
 * declaration but changes none of their files. On the way, the same digest gives the key of the values that the
 * site files that list every node print of it ({@link NodeKey#listed}). A conversion merges each node's captured
 * edgecore.yaml, which the key does not cover, so there is no key then.
 */
final class EdgeInputs {

    final List<IpFamily> families;
    final HubAddresses hub;
    final HubPorts dialPorts;
    final String dnsDomain;
    final Optional<Captures> captured;
    /** The key text's start: its version and the site-wide values, computed once. */
    private final String siteText;

    EdgeInputs(SiteFacts facts) {
        this.families = facts.families;
        this.hub = facts.hub;
        this.dialPorts = facts.dialPorts;
        this.dnsDomain = facts.site.kubernetes().dnsDomain();
        this.captured = facts.captured;
        StringBuilder s = new StringBuilder();
        piece(s, "edge files", 1);
        piece(s, "families", families);
        for (IpFamily f : IpFamily.values()) {
            piece(s, "hub " + f, hub.firstOfFamily(f));
        }
        piece(s, "ports", dialPorts);
        piece(s, "dnsDomain", dnsDomain);
        this.siteText = s.toString();
    }

    /**
     * The keys of an edge node's values: {@code listed}, of what the site files that list every node print of it
     * (its name, its addresses and how they are found, the hub it dials), and {@code all}, of every value its own
     * files are made from, the listed ones included.
     */
    record NodeKey(String listed, String all) {
    }

    /** Both keys of {@code e}, from one digest: the listed values first. A conversion has none ({@link EdgeKeys}). */
    NodeKey keys(EdgeNode e) {
        StringBuilder s = new StringBuilder(512).append(siteText);
        piece(s, "name", e.name());
        for (IpFamily f : IpFamily.values()) {
            piece(s, "address " + f, e.addresses().get(f));
        }
        EdgeNode.Fleet fleet = e.fleet();
        for (IpFamily f : IpFamily.values()) {
            AddressDiscovery d = fleet.discovery().get(f);
            piece(s, "discover " + f, d == null ? null : "prefix " + d.prefix().map(Object::toString).orElse("any"));
        }
        piece(s, "hubFamily", e.hubFamily());
        piece(s, "cloudCoreAddress", e.cloudCoreAddress());
        MessageDigest md = Sha256.digest();
        md.update(s.toString().getBytes(StandardCharsets.UTF_8));
        String listed = Sha256.hex(Sha256.copy(md));
        s.setLength(0);
        piece(s, "interface", e.interfaceName());
        piece(s, "kubeedgeVersion", e.kubeedgeVersion());
        piece(s, "hubProtocol", e.hubProtocol());
        piece(s, "cgroupDriver", e.cgroupDriver());
        piece(s, "containerRuntimeEndpoint", e.containerRuntimeEndpoint());
        piece(s, "labels", e.labels().size());
        e.labels().forEach((k, v) -> piece(s, k, v));
        EdgeCoreSettings c = e.edgeCore();
        piece(s, "metaServer", c.metaServer());
        piece(s, "clusterDNS", c.clusterDns());
        piece(s, "clusterDomain", c.clusterDomain());
        piece(s, "podSandboxImage", c.podSandboxImage());
        piece(s, "maxPods", c.maxPods());
        piece(s, "group", fleet.group());
        piece(s, "sharedPrivateLan", fleet.sharedPrivateLan());
        piece(s, "recheck", fleet.recheck().map(AddressRecheck::every));
        md.update(s.toString().getBytes(StandardCharsets.UTF_8));
        return new NodeKey(listed, Sha256.hex(md));
    }

    /**
     * {@code name} and {@code value}, each as {@code LENGTH:TEXT}, so that no two different sequences of pieces
     * make the same text; an absent value (null or an empty Optional) is {@code -}, which no present value is.
     */
    private static void piece(StringBuilder s, String name, Object value) {
        s.append(name.length()).append(':').append(name);
        Object v = value instanceof Optional<?> o ? o.orElse(null) : value;
        if (v == null) {
            s.append('-');
        } else {
            String text = v.toString();
            s.append(text.length()).append(':').append(text);
        }
    }
}
