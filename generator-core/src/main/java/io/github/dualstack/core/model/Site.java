package io.github.dualstack.core.model;

import java.util.List;
import java.util.Optional;

/**
 * A site descriptor after schema validation with every default applied. Node, advertise and cluster DNS addresses,
 * subnets, pools, discovery prefixes and host:port endpoints are parsed values ({@code net.IpAddress}, {@code
 * net.Cidr}, {@code net.Endpoint}, {@code net.Host}), absent where the text did not parse. With a {@code baseline},
 * the site is a running one to convert rather than one to build. {@code keepOffEdge} are the DaemonSets the descriptor lists to keep off
 * edge nodes ({@code spec.edge.keepOff}), besides kube-proxy and calico-node, which always are; {@code edgeGroups}
 * the groups the edge nodes may belong to ({@code spec.edge.groups}). {@code edgeCoreDefaults} are the EdgeCore
 * settings of {@code spec.edge.defaults}: the very instance that every edge setting none of its own holds.
 */
public record Site(String name, List<IpFamily> ipFamilies, Optional<BaselineRef> baseline, Kubernetes kubernetes,
                   Optional<Calico> calico, CloudCore cloudCore, List<ClusterNode> nodes, List<EdgeNode> edgeNodes,
                   List<DaemonSetRef> keepOffEdge, EdgeCoreSettings edgeCoreDefaults, List<EdgeGroup> edgeGroups) {

    public Site(String name, List<IpFamily> ipFamilies, Optional<BaselineRef> baseline, Kubernetes kubernetes,
                Optional<Calico> calico, CloudCore cloudCore, List<ClusterNode> nodes, List<EdgeNode> edgeNodes,
                List<DaemonSetRef> keepOffEdge, EdgeCoreSettings edgeCoreDefaults) {
        this(name, ipFamilies, baseline, kubernetes, calico, cloudCore, nodes, edgeNodes, keepOffEdge, edgeCoreDefaults,
                List.of());
    }

    public IpFamily primaryFamily() {
        return ipFamilies.get(0);
    }

    public boolean isDualStack() {
        return ipFamilies.size() == 2;
    }
}
