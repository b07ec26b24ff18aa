package io.github.dualstack.core;

/**
 * One file of the committed tree that is not what the descriptor generates: its path, how it differs, and the
 * text a reviewer reads (a unified diff, or git's mode lines for a mode change alone).
 */
public record FileDiff(String path, Change change, String text) {

    public enum Change {
        /** The bytes differ. */
        CONTENT,
        /** The bytes are the same; the mode is not (a lost executable bit). */
        MODE,
        /** Generated, but not in the tree. */
        MISSING,
        /** In the tree and the manifest, but no longer generated. */
        EXTRA
    }
}
