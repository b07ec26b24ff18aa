package io.github.dualstack.core.rules;

import java.util.regex.Pattern;

/**
 * DNS-1123 names as Kubernetes validates them: {@code IsDNS1123Label} and {@code IsDNS1123Subdomain} in
 * kubernetes/kubernetes staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go. Node names, namespaces,
 * object names and host names must pass them; the schema's {@code dnsLabel} and {@code dnsSubdomain} spell the same
 * patterns and lengths (Dns1123Test keeps them equal).
 */
public final class Dns1123 {

    /** {@code DNS1123LabelMaxLength}. */
    public static final int LABEL_MAX_LENGTH = 63;
    /** {@code DNS1123SubdomainMaxLength}. */
    public static final int SUBDOMAIN_MAX_LENGTH = 253;
    /** {@code dns1123LabelFmt}. */
    public static final String LABEL_FORMAT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    /** {@code dns1123SubdomainFmt}: dot-separated labels. */
    public static final String SUBDOMAIN_FORMAT = LABEL_FORMAT + "(\\." + LABEL_FORMAT + ")*";

    private static final Pattern LABEL = Pattern.compile(LABEL_FORMAT);
    private static final Pattern SUBDOMAIN = Pattern.compile(SUBDOMAIN_FORMAT);

    private Dns1123() {
    }

    public static boolean isLabel(String s) {
        return s.length() <= LABEL_MAX_LENGTH && LABEL.matcher(s).matches();
    }

    public static boolean isSubdomain(String s) {
        return s.length() <= SUBDOMAIN_MAX_LENGTH && SUBDOMAIN.matcher(s).matches();
    }
}
