package io.github.dualstack.core.plan.view;

import io.github.dualstack.core.model.CloudCore;
import java.util.List;
import java.util.Optional;

/**
 * runbook.md.ftl. Components: {@code siteName}, {@code families}, {@code dualStack}, {@code ipv6}, {@code podCidrs},
 * {@code serviceCidrs}, {@code controlPlaneNodes}, {@code cloudNodes}, {@code calico}, {@code calicoBase},
 * {@code exposure}, {@code hostNetwork}, {@code namespace}, {@code regenerateCertificates},
 * {@code advertiseAddresses}, {@code edgeCount}, {@code firstEdge} (absent without edges), {@code caUrls},
 * {@code secretsNamespace} (where CloudCore keeps its certificate secrets), {@code conversion} (absent unless the
 * site is a running one converted from its baseline), {@code edgePlacement} (the DaemonSets kept off edge nodes),
 * {@code streamFamilies} (the families of the CloudStream redirect on the control-plane nodes; empty without edges),
 * {@code calicoOperator} (absent unless the Tigera operator installs Calico), {@code chart} (absent unless
 * KubeEdge's cloudcore chart installs CloudCore), {@code newCluster} (absent unless the site is a new cluster that
 * kubeadm builds), {@code fleet} (absent unless some edge discovers its address or a group has a NodeGroup).
 * Families, CIDRs and addresses are comma-separated, primary first.
 */
public record RunbookView(String siteName, String families, boolean dualStack, boolean ipv6, String podCidrs,
                          String serviceCidrs, List<String> controlPlaneNodes, List<String> cloudNodes,
                          boolean calico, boolean calicoBase, CloudCore.Exposure exposure, boolean hostNetwork,
                          String namespace, boolean regenerateCertificates, String advertiseAddresses, int edgeCount,
                          Optional<String> firstEdge, List<CaUrl> caUrls, String secretsNamespace,
                          Optional<ConversionView> conversion, EdgePlacementView edgePlacement,
                          List<String> streamFamilies, Optional<CalicoOperatorView> calicoOperator,
                          Optional<ChartView> chart, Optional<NewClusterView> newCluster,
                          Optional<EdgeFleetView> fleet) implements View {

    public RunbookView {
        controlPlaneNodes = List.copyOf(controlPlaneNodes);
        cloudNodes = List.copyOf(cloudNodes);
        caUrls = List.copyOf(caUrls);
        streamFamilies = List.copyOf(streamFamilies);
    }
}
