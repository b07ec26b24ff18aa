package io.github.dualstack.core.model;

import java.util.List;
import java.util.Optional;

/**
 * A site descriptor after schema validation with every default applied. Addresses, CIDRs and host:port values
 * are parsed; one that did not parse is absent (null in a pair, missing from a list or an Optional), and
 * {@code SiteValidator} reports why from the binder's rejections.
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
