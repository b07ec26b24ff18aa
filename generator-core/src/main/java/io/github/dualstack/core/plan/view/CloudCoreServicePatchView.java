package io.github.dualstack.core.plan.view;

import io.github.dualstack.core.model.IpFamily;
import java.util.List;
import java.util.Optional;

/**
 * cloudcore.service.patch.yaml.ftl: what the cloudcore chart cannot render on its Service. Components:
 * {@code namespace}, {@code ipFamilyPolicy}, {@code ipFamilies}, {@code type} (present when the site's type is one
 * the chart never renders: LoadBalancer).
 */
public record CloudCoreServicePatchView(String namespace, String ipFamilyPolicy, List<IpFamily> ipFamilies,
                                        Optional<String> type) implements View {

    public CloudCoreServicePatchView {
        ipFamilies = List.copyOf(ipFamilies);
    }
}
