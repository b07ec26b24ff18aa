package io.github.dualstack.core.plan.view;

import io.github.dualstack.core.model.IpFamily;
import java.util.List;
import java.util.Optional;

/**
 * cloudcore.service.yaml.ftl. Components: {@code namespace}, {@code type} (the Service type), {@code ipFamilyPolicy},
 * {@code ipFamilies}, {@code ports}.
 */
public record CloudCoreServiceView(String namespace, String type, String ipFamilyPolicy, List<IpFamily> ipFamilies,
                                   List<Port> ports) implements View {

    public CloudCoreServiceView {
        ipFamilies = List.copyOf(ipFamilies);
        ports = List.copyOf(ports);
    }

    /**
     * One Service port. Components: {@code name}, {@code protocol}, {@code port}, {@code nodePort} (present with
     * NodePort exposure only).
     */
    public record Port(String name, String protocol, int port, Optional<Integer> nodePort) {
    }
}
