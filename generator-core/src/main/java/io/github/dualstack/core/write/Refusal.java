package io.github.dualstack.core.write;

import java.util.Optional;

/**
 * One file or state of the tree that generate will not write over, and why: {@code message} is one line naming
 * the path and what to do; {@code diff} shows a hand edit against what would be written.
 */
public record Refusal(String path, Reason reason, String message, Optional<String> diff) {

    public enum Reason {
        /** A file at a generated path that the manifest does not list. */
        NOT_OWNED,
        /** An owned file changed since dualstack wrote it (or, no longer generated, before it is removed). */
        EDITED,
        /** A directory, link, FIFO, socket or device where a generated file goes or was. */
        NOT_REGULAR,
        /** A path that leaves the tree, passes through a link, or is not a generated path. */
        UNSAFE_PATH,
        /** The output directory cannot hold a tree: a link, a file, a directory dualstack does not own. */
        OUTPUT_DIRECTORY,
        /** The manifest or what an interrupted run left does not hold together. */
        DAMAGED_METADATA
    }

    public static Refusal of(String path, Reason reason, String message) {
        return new Refusal(path, reason, message, Optional.empty());
    }

    /** The message, and the diff below it when there is one: how a log shows the refusal. */
    @Override
    public String toString() {
        return diff.map(d -> message + "\n" + d).orElse(message);
    }
}
