package io.github.dualstack.core.plan.view;

import io.github.dualstack.core.model.IpFamily;

/** A node's address of one family. Components: {@code family}, {@code flag} (-4 or -6), {@code address}. */
public record FamilyAddress(IpFamily family, String flag, String address) {
}
