package io.github.dualstack.core.plan.view;

import java.util.List;

/**
 * regenerate-cloudcore-certs.sh.ftl. Components: {@code namespace} (CloudCore's), {@code secretsNamespace} (its
 * certificate secrets'), {@code caUrls}, {@code advertiseAddresses}, {@code dnsNames}.
 */
public record RegenerateCertsView(String namespace, String secretsNamespace, List<CaUrl> caUrls, List<String> advertiseAddresses,
                                  List<String> dnsNames) implements View {

    public RegenerateCertsView {
        caUrls = List.copyOf(caUrls);
        advertiseAddresses = List.copyOf(advertiseAddresses);
        dnsNames = List.copyOf(dnsNames);
    }
}
