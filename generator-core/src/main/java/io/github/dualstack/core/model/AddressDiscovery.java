package io.github.dualstack.core.model;

import io.github.dualstack.core.FieldPath;
import io.github.dualstack.core.net.Cidr;
import java.util.Optional;

/**
 * A family whose node address join.sh finds on the node instead of the descriptor naming it: the one global,
 * preferred address on the node's interface, inside {@code prefix} when there is one. {@code declaredAt} is the
 * descriptor field that asks for it (the edge defaults', a group's or a node's {@code discover.<family>}): every
 * node inheriting it shares one instance, so a rule about the setting runs once per declaration, not per node.
 */
public record AddressDiscovery(Optional<Cidr> prefix, FieldPath declaredAt) {
}
