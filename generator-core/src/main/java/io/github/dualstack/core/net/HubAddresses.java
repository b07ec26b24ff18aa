package io.github.dualstack.core.net;

import io.github.dualstack.core.model.EdgeNode;
import io.github.dualstack.core.model.IpFamily;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which CloudCore address an edge dials: its own cloudCoreAddress, else the first advertise address of its hub
 * family. Built once per site.
 */
public final class HubAddresses {

    private final Map<IpFamily, String> firstByFamily = new EnumMap<>(IpFamily.class);

    public HubAddresses(List<IpAddress> advertiseAddresses) {
        for (IpAddress a : advertiseAddresses) {
            if (!firstByFamily.containsKey(a.family())) {
                firstByFamily.put(a.family(), a.toString());
            }
        }
    }

    /** The address text the edge dials: an IP in RFC 5952 canonical form, whatever its spelling; a DNS name as is. */
    public Optional<String> effective(EdgeNode edge) {
        return edge.cloudCoreAddress().isPresent() ? edge.cloudCoreAddress().map(Host::toString)
                : firstOfFamily(edge.hubFamily());
    }

    /** The family of the address the edge dials, or empty when it dials a DNS name. */
    public Optional<IpFamily> literalFamily(EdgeNode edge) {
        return edge.cloudCoreAddress().isEmpty() ? Optional.of(edge.hubFamily())
                : edge.cloudCoreAddress().get().address().map(IpAddress::family);
    }

    public Optional<String> firstOfFamily(IpFamily family) {
        return Optional.ofNullable(firstByFamily.get(family));
    }
}
