package io.github.dualstack.core.model;

import java.util.Optional;

/** Calico pools and autodetection; {@code base} names an upstream kustomize base to patch. */
public record Calico(FamilyPair<CalicoPool> pools, FamilyPair<String> autodetection, Optional<String> base) {
}
