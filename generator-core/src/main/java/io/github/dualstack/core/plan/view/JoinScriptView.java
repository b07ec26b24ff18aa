package io.github.dualstack.core.plan.view;

import io.github.dualstack.core.model.EdgeNode;
import java.util.List;

/**
 * join.sh.ftl. Components: {@code nodeName}, {@code interface}, {@code addresses}, {@code cloudCoreIpPort},
 * {@code certPort}, {@code caUrl}, {@code hubFamilyFlag}, {@code hubProtocol}, {@code kubeedgeVersion},
 * {@code cgroupDriver}, {@code runtimeEndpoint}, {@code labels} (key=value, comma-separated, as keadm takes them).
 */
public record JoinScriptView(String nodeName, @TemplateName("interface") String interfaceName,
                             List<FamilyAddress> addresses, String cloudCoreIpPort, int certPort, String caUrl,
                             String hubFamilyFlag, EdgeNode.HubProtocol hubProtocol, String kubeedgeVersion,
                             EdgeNode.CgroupDriver cgroupDriver, String runtimeEndpoint, String labels)
        implements View {

    public JoinScriptView {
        addresses = List.copyOf(addresses);
    }
}
