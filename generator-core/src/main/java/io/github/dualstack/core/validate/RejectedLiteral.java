package io.github.dualstack.core.validate;

import io.github.dualstack.core.FieldPath;
import io.github.dualstack.core.model.IpFamily;

/**
 * A literal the binder could not parse, bound as absent: where it is and why, in the words of a problem line.
 * {@code family} is the family its key names ({@code ipv4}, {@code ipv6}), null for a key that names none.
 */
public record RejectedLiteral(FieldPath path, IpFamily family, String message) {
}
