package io.github.dualstack.core.write;

import io.github.dualstack.core.plan.FileKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Every change the writer makes to the file system, and nothing else: new files are created with
 * {@code O_CREAT|O_EXCL|O_NOFOLLOW} (never opened through a link, never truncating what is there), modes are set
 * without following links, renames and deletes act on names, not on what a link points to. Tests put faults
 * (a full disk after N operations) in through a subclass.
 */
class Disk {

    static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-r--r--");
    static final Set<PosixFilePermission> SCRIPT_MODE = PosixFilePermissions.fromString("rwxr-xr-x");
    static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwxr-xr-x");

    /** The mode of a generated file of {@code kind}: scripts are executable. */
    static Set<PosixFilePermission> modeOf(FileKind kind) {
        return kind == FileKind.SCRIPT ? SCRIPT_MODE : FILE_MODE;
    }

    static int modeBits(FileKind kind) {
        return kind == FileKind.SCRIPT ? 0755 : 0644;
    }

    /** Creates a file that must not exist yet, with {@code content} and {@code mode} (narrowed by the umask). */
    void createNew(Path file, byte[] content, Set<PosixFilePermission> mode, boolean durable) throws IOException {
        try (FileChannel ch = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS), PosixFilePermissions.asFileAttribute(mode))) {
            ByteBuffer buf = ByteBuffer.wrap(content);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            if (durable) {
                ch.force(true);
            }
        }
    }

    /**
     * {@link #createNew} under a name that may be taken by what a killed run left or a tree planted (a file, a
     * link): the name is unlinked, never opened, and created again. O_CREAT|O_EXCL fails on any name that is
     * there, a link included, so the usual free name costs no look beforehand.
     */
    void createFresh(Path file, byte[] content, Set<PosixFilePermission> mode, boolean durable) throws IOException {
        try {
            createNew(file, content, mode, durable);
        } catch (FileAlreadyExistsException e) {
            delete(file);
            createNew(file, content, mode, durable);
        }
    }

    /**
     * Creates {@code dir} and its missing parents, mode 0755 (narrowed by the umask); {@code exists} tells a
     * directory already known to be there (checked before the file system is asked), and {@code made} is told of
     * each directory created, parents first.
     */
    void createDirectories(Path dir, Predicate<Path> exists, Made made) throws IOException {
        if (exists.test(dir) || Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        createDirectories(dir.getParent(), exists, made);
        try {
            createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw e;
            }
            return;   // made meanwhile by someone else: not this run's
        }
        made.directory(dir);
    }

    /**
     * Creates {@code from}, which was seen missing, and each directory below it down to {@code to}, top-down and
     * without looking first; one that {@code made} already holds is skipped, and one made meanwhile by someone else
     * is taken as it is.
     */
    void createMissing(Path from, Path to, Predicate<Path> made, Made onMade) throws IOException {
        if (!to.startsWith(from)) {
            throw new IllegalArgumentException(to + " is not below " + from);
        }
        Path dir = from;
        int depth = from.getNameCount();
        while (true) {
            if (!made.test(dir)) {
                try {
                    createDirectory(dir);
                    onMade.directory(dir);
                } catch (FileAlreadyExistsException e) {
                    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                        throw e;
                    }
                }
            }
            if (dir.equals(to)) {
                return;
            }
            dir = dir.resolve(to.getName(depth++));
        }
    }

    /** Told of a directory just created; may change it further. */
    interface Made {
        void directory(Path dir) throws IOException;
    }

    void createDirectory(Path dir) throws IOException {
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR_MODE));
    }

    /** chmod on the name itself: a link there fails (the view opens it with O_NOFOLLOW) instead of being followed. */
    void setMode(Path p, Set<PosixFilePermission> mode) throws IOException {
        Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).setPermissions(mode);
    }

    /** rename(2): replaces whatever name {@code to} is (a link included) without writing through it. */
    void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException(from + " -> " + to + ": cannot be renamed atomically (another file system?)", e);
        }
    }

    /** unlink(2) or rmdir(2) of the name; false when nothing was there. */
    boolean delete(Path p) throws IOException {
        return Files.deleteIfExists(p);
    }
}
