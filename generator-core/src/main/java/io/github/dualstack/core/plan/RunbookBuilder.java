package io.github.dualstack.core.plan;

import io.github.dualstack.core.model.CloudCore;
import io.github.dualstack.core.model.IpFamily;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** README.md of the tree: the rollout runbook for this site, in a safe order, naming the file each step uses. */
final class RunbookBuilder implements ArtifactBuilder {

    @Override
    public Stream<PlannedFile> files(SiteFacts facts) {
        var site = facts.site;
        CloudCore cc = site.cloudCore();
        List<String> controlPlane = facts.cloudNodes.stream().filter(n -> n.node().isControlPlane())
                .map(n -> n.node().name()).toList();
        List<String> cloudNodes = facts.cloudNodes.stream().map(n -> n.node().name()).toList();
        Map<String, Object> model = Maps.of(
                "siteName", site.name(),
                "families", String.join(",", facts.families),
                "dualStack", site.isDualStack(),
                "ipv6", facts.hasFamily(IpFamily.IPv6),
                "podCidrs", String.join(",", facts.podCidrs),
                "serviceCidrs", String.join(",", facts.serviceCidrs),
                "controlPlaneNodes", controlPlane,
                "cloudNodes", cloudNodes,
                "calico", site.calico().isPresent(),
                "calicoBase", site.calico().flatMap(c -> c.base()).isPresent(),
                "exposure", cc.exposure().name(),
                "hostNetwork", cc.exposure() == CloudCore.Exposure.HostNetwork,
                "namespace", cc.namespace(),
                "regenerateCertificates", cc.regenerateCertificates(),
                "advertiseAddresses", String.join(",", facts.advertiseAddresses),
                "edgeCount", site.edgeNodes().size(),
                "firstEdge", site.edgeNodes().isEmpty() ? "" : site.edgeNodes().get(0).name(),
                "caUrls", ScriptsBuilder.caUrls(facts));
        return Stream.of(new PlannedFile("README.md", "runbook.md.ftl", model, FileKind.DOCUMENT));
    }
}
