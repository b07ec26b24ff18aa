package io.github.dualstack.core.net;

import java.util.Optional;

/**
 * A host an edge dials: an IP address when its text is a strict one, else a DNS name as written. Either way it
 * prints as it goes into generated files and certificate SANs: the address in RFC 5952 form, the name unchanged.
 */
public final class Host {

    private final IpAddress address;
    private final String name;

    private Host(IpAddress address, String name) {
        this.address = address;
        this.name = name;
    }

    /** Whatever is not an IP address is a name; the rules check it against dnsNames. */
    public static Host of(String text) {
        try {
            return new Host(IpAddress.parse(text), null);
        } catch (IpLiterals.InvalidLiteral notAnIp) {
            return new Host(null, text);
        }
    }

    /** An address. */
    public static Host of(IpAddress address) {
        return new Host(address, null);
    }

    public Optional<IpAddress> address() {
        return Optional.ofNullable(address);
    }

    @Override
    public String toString() {
        return address != null ? address.toString() : name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Host h && toString().equals(h.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
