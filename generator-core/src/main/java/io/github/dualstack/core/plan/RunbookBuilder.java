package io.github.dualstack.core.plan;

import io.github.dualstack.core.model.CloudCore;
import io.github.dualstack.core.model.EdgeNode;
import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.plan.view.RunbookView;
import java.util.List;
import java.util.stream.Stream;

/** README.md of the tree: the rollout runbook for this site, in a safe order, naming the file each step uses. */
final class RunbookBuilder implements ArtifactBuilder {

    @Override
    public Stream<PlannedFile> files(SiteFacts facts) {
        return Stream.of(new PlannedFile("README.md", view(facts)));
    }

    static RunbookView view(SiteFacts facts) {
        var site = facts.site;
        CloudCore cc = site.cloudCore();
        List<String> controlPlane = facts.cloudNodes.stream().filter(n -> n.node().isControlPlane())
                .map(n -> n.node().name()).toList();
        List<String> cloudNodes = facts.cloudNodes.stream().map(n -> n.node().name()).toList();
        return new RunbookView(site.name(), facts.familyList(), site.isDualStack(), facts.hasFamily(IpFamily.IPv6),
                String.join(",", facts.podCidrs), String.join(",", facts.serviceCidrs), controlPlane, cloudNodes,
                site.calico().isPresent(), site.calico().flatMap(c -> c.base()).isPresent(),
                cc.exposure(), cc.exposure() == CloudCore.Exposure.HostNetwork, cc.namespace(),
                cc.regenerateCertificates(), SiteFacts.joined(facts.advertiseAddresses), site.edgeNodes().size(),
                site.edgeNodes().stream().findFirst().map(EdgeNode::name), facts.caUrls);
    }
}
