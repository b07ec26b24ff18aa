package io.github.dualstack.core.plan;

import inet.ipaddr.IPAddress;
import io.github.dualstack.core.baseline.LiveState;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * With hostNetwork, the captured nodes whose addresses edges dial ({@code nodes}), and whether the captured
 * CloudCore Deployment is pinned to them ({@code pinned}); empty when CloudCore is not on the host's network.
 */
record CloudCoreHosts(List<String> nodes, boolean pinned) {

    CloudCoreHosts {
        nodes = List.copyOf(nodes);
    }

    static CloudCoreHosts of(SiteFacts facts, LiveState live) {
        Set<String> advertised = Set.copyOf(SiteFacts.canonical(facts.advertiseAddresses));
        List<String> nodes = !live.cloudCoreOnHostNetwork() ? List.of() : live.nodes().stream()
                .filter(n -> n.internalIps().stream().map(CloudCoreHosts::canonical).anyMatch(advertised::contains))
                .map(LiveState.LiveNode::name).toList();
        boolean pinned = !nodes.isEmpty() && nodes.containsAll(live.cloudCoreHostnames())
                && !live.cloudCoreHostnames().isEmpty();
        return new CloudCoreHosts(nodes, pinned);
    }

    /** The one node to pin CloudCore to, when edges dial exactly one node and nothing pins it there yet. */
    Optional<String> pinTo() {
        return nodes.size() == 1 && !pinned ? Optional.of(nodes.get(0)) : Optional.empty();
    }

    private static String canonical(String address) {
        return LiveState.parse(address).map(IPAddress::toCanonicalString).orElse(address);
    }
}
