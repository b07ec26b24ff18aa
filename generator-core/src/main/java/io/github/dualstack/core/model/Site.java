package io.github.dualstack.core.model;

import java.util.List;
import java.util.Optional;

/**
 * A site descriptor after schema validation with every default applied. Addresses are still the user's text;
 * {@code SiteValidator} checks them and the plan canonicalises them.
 */
public record Site(String name, List<IpFamily> ipFamilies, Kubernetes kubernetes, Optional<Calico> calico,
                   CloudCore cloudCore, List<ClusterNode> nodes, List<EdgeNode> edgeNodes) {

    public IpFamily primaryFamily() {
        return ipFamilies.get(0);
    }

    public boolean isDualStack() {
        return ipFamilies.size() == 2;
    }
}
