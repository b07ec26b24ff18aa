package io.github.dualstack.core.net;

import inet.ipaddr.IPAddress;
import io.github.dualstack.core.model.EdgeNode;
import io.github.dualstack.core.model.IpFamily;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which CloudCore address an edge dials: its own cloudCoreAddress, else the first advertise address of its hub
 * family. Built once per site; the per-edge lookup parses nothing.
 */
public final class HubAddresses {

    private final Map<IpFamily, String> firstByFamily = new EnumMap<>(IpFamily.class);

    public HubAddresses(List<String> advertiseAddresses) {
        for (String text : advertiseAddresses) {
            try {
                IPAddress a = IpLiterals.address(text);
                firstByFamily.putIfAbsent(IpLiterals.family(a), a.toCanonicalString());
            } catch (IpLiterals.InvalidLiteral e) {
                // skipped here; validation reports it
            }
        }
    }

    public Optional<String> effective(EdgeNode edge) {
        return edge.cloudCoreAddress().isPresent() ? edge.cloudCoreAddress() : firstOfFamily(edge.hubFamily());
    }

    public Optional<String> firstOfFamily(IpFamily family) {
        return Optional.ofNullable(firstByFamily.get(family));
    }
}
