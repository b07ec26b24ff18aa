package io.github.dualstack.core.write;

/**
 * The ownership policy, shared by generate and check and free of I/O: given what is on disk at a path, what the
 * manifest says dualstack wrote there ({@code ownedSha}, null when the path is not in it) and what the run would
 * write, may the run write or remove the file? Nothing that dualstack did not write, or that someone edited since,
 * is replaced or removed unless forced; nothing but a regular file is ever replaced, forced or not.
 */
final class Ownership {

    private Ownership() {
    }

    enum Verdict {
        /** Same bytes and mode (or, for a file no longer generated, nothing there): nothing to do. */
        UNCHANGED,
        /** Write the planned file (or remove the one no longer generated). */
        WRITE,
        /** A regular file that the manifest does not list. */
        NOT_OWNED,
        /** An owned file whose bytes are no longer what dualstack wrote. */
        EDITED,
        /** A directory, link, FIFO, socket or device: never replaced or removed. */
        NOT_REGULAR
    }

    /** For a file the run generates as {@code content}. */
    static Verdict planned(OnDisk disk, byte[] content, String ownedSha, boolean force) {
        if (disk.absent()) {
            return Verdict.WRITE;
        }
        if (!disk.regular()) {
            return Verdict.NOT_REGULAR;
        }
        if (disk.sameBytes(content)) {
            return disk.modeRight() ? Verdict.UNCHANGED : Verdict.WRITE;   // a lost executable bit is restored
        }
        return force ? Verdict.WRITE : ofOwner(disk, ownedSha);
    }

    /** For a file the manifest lists that the run no longer generates: WRITE means remove it. */
    static Verdict unplanned(OnDisk disk, String ownedSha, boolean force) {
        if (disk.absent()) {
            return Verdict.UNCHANGED;
        }
        if (!disk.regular()) {
            return Verdict.NOT_REGULAR;
        }
        return force ? Verdict.WRITE : ofOwner(disk, ownedSha);
    }

    private static Verdict ofOwner(OnDisk disk, String ownedSha) {
        if (ownedSha == null) {
            return Verdict.NOT_OWNED;
        }
        return disk.hashes(ownedSha) ? Verdict.WRITE : Verdict.EDITED;
    }
}
