package io.github.dualstack.core.model;

/**
 * Where the descriptor says the running site's captured state is: {@code directory} relative to the descriptor's
 * directory. {@code rebuildingCluster} allows a primary family other than the running cluster's (KEP-563: a
 * running cluster cannot change it).
 */
public record BaselineRef(String directory, boolean rebuildingCluster) {
}
