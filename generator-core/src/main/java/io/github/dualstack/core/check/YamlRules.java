package io.github.dualstack.core.check;

/**
 * Where the descriptor and the generated files legitimately differ under the strict-YAML rules of {@link
 * StrictYamlScanner}; everything else is the same rule with the same words.
 *
 * @param subject what the text is called in a problem about all of it ("descriptor nests deeper than ...")
 * @param maxDepth how deep mappings and lists may nest: a guard, not a style rule
 * @param manyDocuments whether more than one YAML document is allowed (Kubernetes manifests)
 * @param goYamlBooleans whether plain {@code y}, {@code Y}, {@code n}, {@code N} are refused: go-yaml v2, which
 *     Kubernetes and KubeEdge read with, takes them for booleans; dualstack's own reader does not
 * @param failFast whether the read ends at the first duplicate key: the descriptor is refused as a whole, while
 *     the self-check reports every problem of a file
 */
public record YamlRules(String subject, int maxDepth, boolean manyDocuments, boolean goYamlBooleans,
                        boolean failFast) {

    /** The site descriptor: one document, read by dualstack itself, refused at the first duplicate key. */
    public static final YamlRules DESCRIPTOR = new YamlRules("descriptor", 32, false, false, true);

    /**
     * A file captured from a running site (or a YAML string inside one), called {@code subject} in problems: one
     * document, nesting as deep as generated files, read by Kubernetes and KubeEdge (go-yaml), every problem of the
     * file reported.
     */
    public static YamlRules captured(String subject) {
        return new YamlRules(subject, 64, false, true, false);
    }

    /** These rules, for a text called {@code name} in problems. */
    public YamlRules withSubject(String name) {
        return name.equals(subject) ? this : new YamlRules(name, maxDepth, manyDocuments, goYamlBooleans, failFast);
    }

    /** A generated file (or a YAML string inside one); Kubernetes manifests nest deeper than descriptors. */
    static YamlRules output(boolean manyDocuments) {
        return new YamlRules("document", 64, manyDocuments, true, false);
    }
}
