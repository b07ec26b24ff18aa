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
 * family. Built once per site; the per-edge lookup parses only an edge's own cloudCoreAddress.
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

    /** The address text the edge dials: an IP in RFC 5952 canonical form, whatever its spelling; a DNS name as is. */
    public Optional<String> effective(EdgeNode edge) {
        return edge.cloudCoreAddress().isPresent() ? edge.cloudCoreAddress().map(HubAddresses::canonical)
                : firstOfFamily(edge.hubFamily());
    }

    /** The family of the address the edge dials, or empty when it dials a DNS name. */
    public Optional<IpFamily> literalFamily(EdgeNode edge) {
        if (edge.cloudCoreAddress().isEmpty()) {
            return Optional.of(edge.hubFamily());
        }
        try {
            return Optional.of(IpLiterals.family(IpLiterals.address(edge.cloudCoreAddress().get())));
        } catch (IpLiterals.InvalidLiteral e) {
            return Optional.empty();
        }
    }

    private static String canonical(String text) {
        try {
            return IpLiterals.address(text).toCanonicalString();
        } catch (IpLiterals.InvalidLiteral e) {
            return text;
        }
    }

    public Optional<String> firstOfFamily(IpFamily family) {
        return Optional.ofNullable(firstByFamily.get(family));
    }
}
