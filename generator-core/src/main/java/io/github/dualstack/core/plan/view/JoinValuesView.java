package io.github.dualstack.core.plan.view;

import io.github.dualstack.core.model.EdgeNode;
import java.util.List;

/**
 * join.env.ftl: the node's own values, which the one edge/join.sh reads as data, one KEY=value line each.
 * Components: {@code nodeName}, {@code interface}, {@code addresses}, {@code cloudCoreIpPort}, {@code certPort},
 * {@code caUrl}, {@code hubFamilyFlag}, {@code hubProtocol}, {@code kubeedgeVersion}, {@code cgroupDriver},
 * {@code runtimeEndpoint}, {@code labels} (key=value, comma-separated, as keadm takes them).
 */
public record JoinValuesView(String nodeName, @TemplateName("interface") String interfaceName,
                             List<FamilyAddress> addresses, String cloudCoreIpPort, int certPort, String caUrl,
                             String hubFamilyFlag, EdgeNode.HubProtocol hubProtocol, String kubeedgeVersion,
                             EdgeNode.CgroupDriver cgroupDriver, String runtimeEndpoint, String labels)
        implements View {

    public JoinValuesView {
        addresses = List.copyOf(addresses);
    }
}
