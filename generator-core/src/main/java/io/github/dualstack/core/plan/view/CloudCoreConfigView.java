package io.github.dualstack.core.plan.view;

import java.util.List;

/**
 * cloudcore.configmap.yaml.ftl. Components: {@code namespace}, {@code advertiseAddresses}, {@code dnsNames},
 * {@code nodeLimit}, {@code qps}, {@code burst}, {@code queryNodeWorkers}, {@code patchNodeWorkers},
 * {@code createLeaseWorkers}, {@code patchNodeBuffer}, {@code queryNodeBuffer}, {@code createLeaseBuffer},
 * {@code websocketPort}, {@code quic}, {@code quicPort}, {@code httpsPort}, {@code streamPort}, {@code tunnelPort}.
 */
public record CloudCoreConfigView(String namespace, List<String> advertiseAddresses, List<String> dnsNames,
                                  int nodeLimit, int qps, int burst,
                                  int queryNodeWorkers, int patchNodeWorkers, int createLeaseWorkers,
                                  int patchNodeBuffer, int queryNodeBuffer, int createLeaseBuffer,
                                  int websocketPort, boolean quic, int quicPort, int httpsPort, int streamPort,
                                  int tunnelPort) implements View {

    public CloudCoreConfigView {
        advertiseAddresses = List.copyOf(advertiseAddresses);
        dnsNames = List.copyOf(dnsNames);
    }
}
