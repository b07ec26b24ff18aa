package io.github.dualstack.core.rules;

import io.github.dualstack.core.model.IpFamily;

/**
 * curl's {@code -4} ({@code --ipv4}) and {@code -6} ({@code --ipv6}) options (curl/curl docs/cmdline-opts/ipv4.md,
 * ipv6.md): the scripts pin each request to the family under test, chosen from a parsed address, never from the
 * spelling of its text.
 */
public final class CurlFamilyFlag {

    private CurlFamilyFlag() {
    }

    public static String of(IpFamily f) {
        return f == IpFamily.IPv4 ? "-4" : "-6";
    }
}
