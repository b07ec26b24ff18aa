package io.github.dualstack.core.check;

import java.util.regex.Pattern;

/** Kubernetes' DNS-1123 names: object names, namespaces, container names, node names, host names. */
final class DnsNames {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private DnsNames() {
    }

    // rule: DNS-1123 label
    static boolean isDns1123Label(String s) {
        return s.length() <= 63 && LABEL.matcher(s).matches();
    }

    // rule: DNS-1123 subdomain
    static boolean isDns1123Subdomain(String s) {
        return s.length() <= 253 && SUBDOMAIN.matcher(s).matches();
    }
}
