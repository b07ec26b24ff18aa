package io.github.dualstack.core;

/**
 * Which rendered files the self-check parses again before they are written.
 */
public enum SelfCheckScope {
    /** Every file. */
    ALL,
    /**
     * Every site-wide file and every file of a template override; of the per-edge files of a bundled template, the
     * first of each shape (its view's structure and the plan's per-edge shape: hub family, captured source). The
     * others are correct by construction: the same template over a view of the same structure, with every value
     * escaped by the output format; the test suite holds the full self-check over the samples, synthetic, hostile
     * and fuzzed sites.
     */
    SHAPES
}
