package io.github.dualstack.core.write;

import io.github.dualstack.core.Sha256;
import io.github.dualstack.core.fs.SafeFiles;
import io.github.dualstack.core.fs.TooLargeException;
import io.github.dualstack.core.plan.FileKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Set;

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

    /** One lstat for kind, mode and size (it runs for every generated file), then the bytes of a regular file. */
    static OnDisk inspect(Path p, FileKind fileKind) throws IOException {
        PosixFileAttributes a;
        try {
            a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return ABSENT;
        }
        if (!a.isRegularFile()) {
            SafeFiles.Kind kind = a.isDirectory() ? SafeFiles.Kind.DIRECTORY
                    : a.isSymbolicLink() ? SafeFiles.Kind.SYMLINK : SafeFiles.kind(p);   // which special file
            return kind == SafeFiles.Kind.ABSENT ? ABSENT : new OnDisk(kind, null, false, 0, 0);
        }
        int mode = Modes.bits(a.permissions());
        try {
            return regular(SafeFiles.readSeenRegular(p, MAX_BYTES), mode, fileKind);
        } catch (TooLargeException e) {
            return new OnDisk(SafeFiles.Kind.REGULAR, null, mode == Disk.modeBits(fileKind), mode, a.size());
        }
    }

    /** Permission bits as a number; set-id and sticky bits are not among them (a generated file never has any). */
    private static final class Modes {
        private static final PosixFilePermission[] ORDER = {PosixFilePermission.OTHERS_EXECUTE,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};

        private Modes() {
        }

        static int bits(Set<PosixFilePermission> perms) {
            int bits = 0;
            for (int i = 0; i < ORDER.length; i++) {
                if (perms.contains(ORDER[i])) {
                    bits |= 1 << i;
                }
            }
            return bits;
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

    /** The permission bits. */
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
        return bytes != null && sha256.equals(Sha256.of(bytes));
    }
}
