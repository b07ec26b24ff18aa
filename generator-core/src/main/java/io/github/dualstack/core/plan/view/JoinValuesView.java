package io.github.dualstack.core.plan.view;

import io.github.dualstack.core.model.EdgeNode;
import java.util.List;

/**
 * join.env.ftl: the node's own values, which the one edge/join.sh reads as data, one KEY=value line each.
 * Components: {@code nodeName}, {@code interface}, {@code addresses} (the known ones), {@code discovered} (the
 * families found on the node, with the prefix to pick from), {@code nodeIpOrder} (the family flags of nodeIP in the
 * site's order when a family is discovered, else empty), {@code cloudCoreIpPort}, {@code certPort}, {@code caUrl},
 * {@code hubFamilyFlag}, {@code hubProtocol}, {@code kubeedgeVersion}, {@code cgroupDriver}, {@code runtimeEndpoint},
 * {@code labels} (key=value, comma-separated, as keadm takes them), {@code recheckEvery} (the systemd time span of
 * the timer that finds a discovered address again, empty for none).
 */
public record JoinValuesView(String nodeName, @TemplateName("interface") String interfaceName,
                             List<FamilyAddress> addresses, List<Discovered> discovered, List<String> nodeIpOrder,
                             String cloudCoreIpPort, int certPort, String caUrl,
                             String hubFamilyFlag, EdgeNode.HubProtocol hubProtocol, String kubeedgeVersion,
                             EdgeNode.CgroupDriver cgroupDriver, String runtimeEndpoint, String labels,
                             String recheckEvery)
        implements View {

    /** What join.sh takes as the prefix when any global address of the family will do. */
    public static final String ANY_PREFIX = "any";

    /** A family found on the node. Components: {@code flag} (-4 or -6), {@code prefix} (canonical, or any). */
    public record Discovered(String flag, String prefix) {
    }

    public JoinValuesView {
        addresses = List.copyOf(addresses);
        discovered = List.copyOf(discovered);
        nodeIpOrder = List.copyOf(nodeIpOrder);
    }
}
