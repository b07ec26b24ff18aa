package io.github.dualstack.core.model;

import inet.ipaddr.IPAddress;

/** A host as written: an IP address ({@code address} parsed) or a DNS name ({@code address} null). */
public record Host(String text, IPAddress address) {

    public boolean isAddress() {
        return address != null;
    }

    /** An address in RFC 5952 canonical form, whatever its spelling; a DNS name as written. */
    public String canonical() {
        return address == null ? text : address.toCanonicalString();
    }
}
