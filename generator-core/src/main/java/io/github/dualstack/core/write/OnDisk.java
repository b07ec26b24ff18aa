package io.github.dualstack.core.write;

import io.github.dualstack.core.fs.SafeFiles;
import io.github.dualstack.core.fs.TooLargeException;
import io.github.dualstack.core.plan.FileKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * What is at a generated path now, read without following a link and without opening anything but a regular
 * file (a FIFO would block, a device never end): the kind, and for a regular file its bytes and whether its mode
 * is the one dualstack gives that kind of file.
 */
final class OnDisk {

    /** No generated file comes near this; a larger file at a generated path is not one of dualstack's. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    static final OnDisk ABSENT = new OnDisk(SafeFiles.Kind.ABSENT, null, false, 0, 0);

    private final SafeFiles.Kind kind;
    private final byte[] bytes;
    private final boolean modeRight;
    private final int mode;
    private final long size;

    OnDisk(SafeFiles.Kind kind, byte[] bytes, boolean modeRight, int mode, long size) {
        this.kind = kind;
        this.bytes = bytes;
        this.modeRight = modeRight;
        this.mode = mode;
        this.size = size;
    }

    static OnDisk regular(byte[] bytes, int mode, FileKind fileKind) {
        return new OnDisk(SafeFiles.Kind.REGULAR, bytes, mode == Disk.modeBits(fileKind), mode, bytes.length);
    }

    static OnDisk inspect(Path p, FileKind fileKind) throws IOException {
        SafeFiles.Kind kind = SafeFiles.kind(p);
        if (kind != SafeFiles.Kind.REGULAR) {
            return kind == SafeFiles.Kind.ABSENT ? ABSENT : new OnDisk(kind, null, false, 0, 0);
        }
        Map<String, Object> a;
        try {
            a = Files.readAttributes(p, "unix:mode,size", LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return ABSENT;
        }
        int mode = (Integer) a.get("mode") & 07777;
        try {
            return regular(SafeFiles.readInTree(p, MAX_BYTES), mode, fileKind);
        } catch (TooLargeException e) {
            return new OnDisk(kind, null, mode == Disk.modeBits(fileKind), mode, (Long) a.get("size"));
        }
    }

    SafeFiles.Kind kind() {
        return kind;
    }

    boolean absent() {
        return kind == SafeFiles.Kind.ABSENT;
    }

    boolean regular() {
        return kind == SafeFiles.Kind.REGULAR;
    }

    /** The bytes of a regular file; null when it is too large to be dualstack's. */
    byte[] bytes() {
        return bytes;
    }

    boolean tooLarge() {
        return regular() && bytes == null;
    }

    boolean modeRight() {
        return modeRight;
    }

    /** The permission bits (with set-id and sticky bits). */
    int mode() {
        return mode;
    }

    long size() {
        return size;
    }

    boolean sameBytes(byte[] content) {
        return bytes != null && Arrays.equals(bytes, content);
    }

    /** Whether the file is exactly what the manifest recorded ({@code sha256}); computed only when asked. */
    boolean hashes(String sha256) {
        return bytes != null && sha256.equals(Hashes.sha256(bytes));
    }
}
