package io.github.dualstack.core.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dualstack.core.FieldPath;
import io.github.dualstack.core.model.FamilyPair;
import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.net.Cidr;
import io.github.dualstack.core.net.Endpoint;
import io.github.dualstack.core.net.IpAddress;
import io.github.dualstack.core.net.IpLiterals;
import io.github.dualstack.core.validate.RejectedLiterals;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The binder's parsing of address and CIDR literals, strict ({@link IpLiterals}). One that does not parse binds as
 * null and is recorded with why; its path is built only then, so the many edge addresses that parse cost one parse
 * each and nothing more.
 */
final class Literals {

    private final RejectedLiterals rejected = new RejectedLiterals();

    RejectedLiterals rejected() {
        return rejected;
    }

    /** The {@code ipv4} and {@code ipv6} addresses of {@code pair}, at {@code path}, each of the family its key names. */
    FamilyPair<IpAddress> addresses(JsonNode pair, FieldPath path) {
        JsonNode v4 = pair.get(IpFamily.IPv4.key());
        JsonNode v6 = pair.get(IpFamily.IPv6.key());
        return new FamilyPair<>(v4 == null ? null : address(v4.asText(), IpFamily.IPv4, path),
                v6 == null ? null : address(v6.asText(), IpFamily.IPv6, path));
    }

    private IpAddress address(String text, IpFamily family, FieldPath pair) {
        try {
            return IpAddress.parse(text, family);
        } catch (IpLiterals.InvalidLiteral e) {
            rejected.add(pair.child(family.key()), e.getMessage());
            return null;
        }
    }

    /** The {@code ipv4} and {@code ipv6} CIDRs of {@code pair}, at {@code path}, each of the family its key names. */
    FamilyPair<Cidr> cidrs(JsonNode pair, FieldPath path) {
        JsonNode v4 = pair.get(IpFamily.IPv4.key());
        JsonNode v6 = pair.get(IpFamily.IPv6.key());
        return new FamilyPair<>(v4 == null ? null : cidr(v4.asText(), IpFamily.IPv4, path.child(IpFamily.IPv4.key())),
                v6 == null ? null : cidr(v6.asText(), IpFamily.IPv6, path.child(IpFamily.IPv6.key())));
    }

    Cidr cidr(String text, IpFamily family, FieldPath path) {
        try {
            return Cidr.parse(text, family);
        } catch (IpLiterals.InvalidLiteral e) {
            rejected.add(path, e.getMessage());
            return null;
        }
    }

    /** A {@code host:port} at {@code path}, absent when not written or when it does not parse. */
    Optional<Endpoint> endpoint(JsonNode text, FieldPath path) {
        if (text.isMissingNode() || text.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Endpoint.parse(text.asText()));
        } catch (Endpoint.Invalid e) {
            rejected.add(path, e.reasons());
            return Optional.empty();
        }
    }

    /** {@code scheme://host:port} URLs, at {@code path}; one that does not parse is left out. */
    List<Endpoint> urls(JsonNode arr, FieldPath path) {
        List<Endpoint> out = new ArrayList<>(arr.size());
        for (int i = 0; i < arr.size(); i++) {
            try {
                out.add(Endpoint.parseUrl(arr.get(i).asText()));
            } catch (Endpoint.Invalid e) {
                rejected.add(path.index(i), e.reasons());
            }
        }
        return List.copyOf(out);
    }

    /** Addresses of either family, at {@code path}; one that does not parse is left out, the others keep their order. */
    List<IpAddress> anyAddresses(JsonNode arr, FieldPath path) {
        List<IpAddress> out = new ArrayList<>(arr.size());
        for (int i = 0; i < arr.size(); i++) {
            try {
                out.add(IpAddress.parse(arr.get(i).asText()));
            } catch (IpLiterals.InvalidLiteral e) {
                rejected.add(path.index(i), e.getMessage());
            }
        }
        return List.copyOf(out);
    }
}
