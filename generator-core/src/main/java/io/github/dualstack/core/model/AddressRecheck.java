package io.github.dualstack.core.model;

import io.github.dualstack.core.FieldPath;

/**
 * How often a node that discovers an address finds it again while it runs ({@code discover.recheckEvery}, a
 * systemd time span as written): join.sh installs a timer that reruns it in config-only mode. {@code declaredAt}
 * is the field that sets it; every node inheriting it shares one instance, so it is checked once per declaration.
 */
public record AddressRecheck(String every, FieldPath declaredAt) {
}
