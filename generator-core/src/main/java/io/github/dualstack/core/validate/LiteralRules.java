package io.github.dualstack.core.validate;

/**
 * The literals the binder could not parse (addresses, CIDRs, host:port), each at its field with why. A literal under
 * a family key the site does not use is left to the pair's "is not allowed", as the value itself is never read.
 */
final class LiteralRules {

    private final Checks c;

    LiteralRules(Checks c) {
        this.c = c;
    }

    void check() {
        for (RejectedLiteral r : c.rejected) {
            if (r.family() == null || c.families().contains(r.family())) {
                c.error(r.path(), r.message());
            }
        }
    }
}
