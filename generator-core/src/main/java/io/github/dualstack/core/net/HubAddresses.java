package io.github.dualstack.core.net;

import io.github.dualstack.core.model.EdgeNode;
import io.github.dualstack.core.model.Host;
import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.model.IpLiteral;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which CloudCore address an edge dials: its own cloudCoreAddress, else the first advertise address of its hub
 * family. Built once per site; the per-edge lookup parses nothing, the binder has.
 */
public final class HubAddresses {

    private final Map<IpFamily, String> firstByFamily = new EnumMap<>(IpFamily.class);

    public HubAddresses(List<IpLiteral> advertiseAddresses) {
        for (IpLiteral a : advertiseAddresses) {
            firstByFamily.putIfAbsent(a.family(), a.canonical());
        }
    }

    /** The address text the edge dials: an IP in RFC 5952 canonical form, whatever its spelling; a DNS name as is. */
    public Optional<String> effective(EdgeNode edge) {
        return edge.cloudCoreAddress().isPresent() ? edge.cloudCoreAddress().map(Host::canonical)
                : firstOfFamily(edge.hubFamily());
    }

    public Optional<String> firstOfFamily(IpFamily family) {
        return Optional.ofNullable(firstByFamily.get(family));
    }
}
