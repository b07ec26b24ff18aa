package io.github.dualstack.core.plan;

import io.github.dualstack.core.baseline.CapturedFile;
import io.github.dualstack.core.model.AddressRecheck;
import io.github.dualstack.core.model.EdgeCoreSettings;
import io.github.dualstack.core.model.EdgeNode;
import io.github.dualstack.core.model.HubPorts;
import io.github.dualstack.core.net.Cidr;
import io.github.dualstack.core.net.IpAddress;
import io.github.dualstack.core.plan.merge.EdgeCoreMerge;
import io.github.dualstack.core.plan.view.EdgeCoreView;
import io.github.dualstack.core.plan.view.JoinScriptView;
import io.github.dualstack.core.plan.view.JoinValuesView;
import io.github.dualstack.core.plan.view.Labels;
import io.github.dualstack.core.plan.view.MergedDocumentView;
import io.github.dualstack.core.plan.view.View;
import io.github.dualstack.core.rules.CurlFamilyFlag;
import io.github.dualstack.core.rules.EdgeCoreDefaults;
import io.github.dualstack.core.rules.HostPort;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Per edge node: edgecore.yaml and join.env (the node's values for the one edge/join.sh), which agree on the
 * CloudCore address, family and ports (reference kubeedge.md sections 2, 3 and 8). The site-wide values come from
 * {@link EdgeInputs} alone, which keys each node's files. The stream is lazy: at 100,000 edges only the files being
 * rendered exist in memory, and a node's views are built only when its files are asked for.
 */
final class EdgeBuilder implements ArtifactBuilder {

    static final String EDGECORE = "etc/kubeedge/config/edgecore.yaml";
    static final String JOIN_VALUES = "join.env";

    @Override
    public Stream<PlannedFile> files(SiteFacts facts) {
        return edges(facts, EdgeKeys.NONE).flatMap(e -> e.files().stream());
    }

    /** Each edge node's files, unbuilt, keyed by the node's entry in {@code keys}. */
    static Stream<KeyedFiles> edges(SiteFacts facts, EdgeKeys keys) {
        EdgeInputs in = new EdgeInputs(facts);
        List<EdgeNode> edges = facts.site.edgeNodes();
        return IntStream.range(0, edges.size()).mapToObj(i -> {
            EdgeNode e = edges.get(i);
            String dir = "edge/" + e.name() + "/";
            return new KeyedFiles(List.of(dir + EDGECORE, dir + JOIN_VALUES),
                    keys.of(i).map(k -> new KeyedFiles.Inputs(Optional.empty(), List.of(k))),
                    () -> edgeFiles(in, e, dir));
        });
    }

    /** The input key of every edge node, for {@link #edges} and the site files that list the nodes. */
    static EdgeKeys keys(SiteFacts facts) {
        return EdgeKeys.of(new EdgeInputs(facts), facts.site.edgeNodes());
    }

    private static List<PlannedFile> edgeFiles(EdgeInputs in, EdgeNode e, String dir) {
        Hub hub = new Hub(in, e);
        List<IpAddress> addresses = e.addresses().inOrder(in.families);
        Optional<CapturedFile> captured = in.captured.flatMap(c -> c.edgeCore(e.name()));
        View edgeCore = captured.<View>map(c -> mergedEdgeCore(c, e, hub, addresses))
                .orElseGet(() -> edgeCore(in, e, hub, addresses));
        Optional<String> shape = Optional.of(shape(in, e, captured));
        return List.of(new PlannedFile(dir + EDGECORE, edgeCore, shape),
                new PlannedFile(dir + JOIN_VALUES, join(in, e, hub, addresses), shape));
    }

    /**
     * What makes two edges' files differ beyond their views' structure: the kind of hub address (an IPv6 literal is
     * bracketed in every server address), the captured edgecore.yaml merged, if any (its own structure), and whether
     * an address is found at join time.
     */
    private static String shape(EdgeInputs in, EdgeNode e, Optional<CapturedFile> captured) {
        return "hub=" + in.hub.literalFamily(e).map(Enum::name).orElse("name")
                + ",captured=" + captured.map(CapturedFile::name).orElse("-")
                + ",discovered=" + e.discoversAny();   // the committed edgecore.yaml then has no nodeIP
    }

    /** The CloudCore host this edge dials (canonical already when it is an IP) and the ports it dials there. */
    private record Hub(String host, HubPorts ports, boolean quic) {
        Hub(EdgeInputs in, EdgeNode e) {
            this(in.hub.effective(e).orElseThrow(), in.dialPorts, e.hubProtocol() == EdgeNode.HubProtocol.quic);
        }

        String server() {
            return HostPort.join(host, quic ? ports.quic() : ports.websocket());
        }

        String https() {
            return HostPort.https(host, ports.https());
        }
    }

    /**
     * The node's captured edgecore.yaml (or the fleet's) with its node IPs and the CloudCore addresses it dials:
     * EdgeMesh's MetaServer and cluster DNS, the sandbox image and every other setting of the edge stay.
     */
    private static MergedDocumentView mergedEdgeCore(CapturedFile captured, EdgeNode e, Hub hub,
                                                     List<IpAddress> addresses) {
        Map<String, String> servers = Map.of("edgeHub.httpServer", hub.https(),
                "edgeHub.websocket.server", HostPort.join(hub.host(), hub.ports().websocket()),
                "edgeHub.quic.server", HostPort.join(hub.host(), hub.ports().quic()),
                "edgeStream.server", HostPort.join(hub.host(), hub.ports().tunnel()));
        return Captures.view(FileKind.EDGECORE_CONFIG, captured,
                EdgeCoreMerge.merge(captured.tree(), e.name(), SiteFacts.joined(addresses), servers));
    }

    /** With a family discovered, nodeIP is left out of the committed file: join.sh installs it with the one found. */
    private static EdgeCoreView edgeCore(EdgeInputs in, EdgeNode e, Hub hub, List<IpAddress> addresses) {
        EdgeCoreSettings s = e.edgeCore();
        String nodeIp = e.discoversAny() ? "" : SiteFacts.joined(addresses);
        return new EdgeCoreView(e.name(), nodeIp, e.kubeedgeVersion(), hub.quic(),
                HostPort.join(hub.host(), hub.ports().websocket()), HostPort.join(hub.host(), hub.ports().quic()),
                hub.https(), HostPort.join(hub.host(), hub.ports().tunnel()), new Labels(e.labels()),
                e.cgroupDriver(), e.containerRuntimeEndpoint(),
                s.clusterDomain().orElse(in.dnsDomain), s.metaServer(),
                s.clusterDns().stream().map(IpAddress::toString).toList(),
                Optional.of(s.podSandboxImage()).filter(i -> !i.equals(EdgeCoreDefaults.POD_SANDBOX_IMAGE)),
                Optional.of(s.maxPods()).filter(m -> m != EdgeCoreDefaults.MAX_PODS));
    }

    /** edge/join.sh, the one join script of every edge node, when there are edge nodes. */
    static Stream<PlannedFile> joinScript(SiteFacts facts) {
        return facts.site.edgeNodes().isEmpty() ? Stream.empty()
                : Stream.of(new PlannedFile("edge/join.sh", new JoinScriptView(facts.site.name())));
    }

    private static JoinValuesView join(EdgeInputs in, EdgeNode e, Hub hub, List<IpAddress> addresses) {
        List<JoinValuesView.Discovered> discovered = in.families.stream().filter(e::discovers)
                .map(f -> new JoinValuesView.Discovered(CurlFamilyFlag.of(f),
                        e.fleet().discovery().get(f).prefix().map(Cidr::toString).orElse(JoinValuesView.ANY_PREFIX)))
                .toList();
        List<String> order = e.discoversAny() ? in.families.stream().map(CurlFamilyFlag::of).toList() : List.of();
        return new JoinValuesView(e.name(), e.interfaceName(), SiteFacts.familyAddresses(addresses), discovered, order,
                hub.server(),
                hub.ports().https(), hub.https() + "/ca.crt", CurlFamilyFlag.of(e.hubFamily()), e.hubProtocol(),
                e.kubeedgeVersion(), e.cgroupDriver(), e.containerRuntimeEndpoint(),
                e.labels().entrySet().stream().map(l -> l.getKey() + "=" + l.getValue()).collect(Collectors.joining(",")),
                e.recheck().map(AddressRecheck::every).orElse(""));
    }
}
