package io.github.dualstack.core.model;

import java.util.Optional;

/**
 * Calico pools and autodetection; {@code base} names an upstream kustomize base to patch; {@code installedBy} says
 * who owns calico-node: its manifest (dualstack patches it) or the Tigera operator (dualstack writes its
 * Installation).
 */
public record Calico(FamilyPair<CalicoPool> pools, FamilyPair<String> autodetection, Optional<String> base,
                     InstalledBy installedBy) {

    /** The descriptor's spelling, lower case. */
    public enum InstalledBy {
        manifests, operator
    }

    public boolean operator() {
        return installedBy == InstalledBy.operator;
    }
}
