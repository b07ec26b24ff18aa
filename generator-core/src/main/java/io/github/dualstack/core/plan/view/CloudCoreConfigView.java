package io.github.dualstack.core.plan.view;

import java.util.List;
import java.util.Optional;

/**
 * cloudcore.configmap.yaml.ftl. Components: {@code namespace}, {@code advertiseAddresses}, {@code dnsNames},
 * {@code nodeLimit}, {@code qps}, {@code burst}, {@code queryNodeWorkers}, {@code patchNodeWorkers},
 * {@code createLeaseWorkers}, {@code patchNodeBuffer}, {@code queryNodeBuffer}, {@code createLeaseBuffer},
 * {@code websocketPort}, {@code quic}, {@code quicPort}, {@code httpsPort}, {@code streamPort}, {@code tunnelPort},
 * {@code dynamicController}, {@code iptablesManager} (empty: KubeEdge's default, internal mode, is left to it).
 */
public record CloudCoreConfigView(String namespace, List<String> advertiseAddresses, List<String> dnsNames,
                                  int nodeLimit, int qps, int burst,
                                  int queryNodeWorkers, int patchNodeWorkers, int createLeaseWorkers,
                                  int patchNodeBuffer, int queryNodeBuffer, int createLeaseBuffer,
                                  int websocketPort, boolean quic, int quicPort, int httpsPort, int streamPort,
                                  int tunnelPort, boolean dynamicController,
                                  Optional<IptablesManager> iptablesManager) implements View {

    public CloudCoreConfigView {
        advertiseAddresses = List.copyOf(advertiseAddresses);
        dnsNames = List.copyOf(dnsNames);
    }

    /** modules.iptablesManager. Components: {@code enable}, {@code mode} (empty when disabled). */
    public record IptablesManager(boolean enable, Optional<String> mode) {
    }
}
