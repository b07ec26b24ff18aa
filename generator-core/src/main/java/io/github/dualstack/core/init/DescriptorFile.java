package io.github.dualstack.core.init;

import io.github.dualstack.core.fs.SafeFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the starter descriptor as the tree writer writes its files: the whole text into a fresh file beside the
 * target ({@code O_CREAT|O_EXCL|O_NOFOLLOW}, 0644, synced), then one rename, so that the target is either what it
 * was or the whole new descriptor. An existing file is kept unless it is to be replaced: then the rename replaces
 * the name (a link there included) without writing through it. What is there and is not a file or a link is never
 * replaced.
 */
public final class DescriptorFile {

    private static final SecureRandom RANDOM = new SecureRandom();

    private DescriptorFile() {
    }

    /**
     * Writes {@code text} at {@code target}; {@code replace}: an existing file may be replaced ({@code forceOption}
     * says how to ask for it). Returns why nothing was written, when it was refused.
     */
    public static Optional<String> write(Path target, String text, boolean replace, String forceOption)
            throws IOException {
        SafeFiles.Kind kind = SafeFiles.kind(target);
        if (kind != SafeFiles.Kind.ABSENT && kind != SafeFiles.Kind.REGULAR && kind != SafeFiles.Kind.SYMLINK) {
            return Optional.of(target + " " + kind.phrase() + "; init writes the descriptor as a regular file, and"
                    + " never in place of anything else");
        }
        if (kind != SafeFiles.Kind.ABSENT && !replace) {
            return Optional.of(exists(target, forceOption));
        }
        Path dir = target.toAbsolutePath().getParent();
        Path staged = dir.resolve("." + target.getFileName() + "." + HexFormat.of().formatHex(nonce()) + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(staged, Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")))) {
                ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            if (replace) {
                move(staged, target);
            } else if (!link(staged, target)) {
                return Optional.of(exists(target, forceOption));
            }
            return Optional.empty();
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    private static String exists(Path target, String forceOption) {
        return target + " exists; init does not replace it unless asked to (" + forceOption + ")";
    }

    /**
     * Gives the staged file the target's name only if nothing has it: link(2) fails on an existing name, so a file
     * made meanwhile is never replaced. Where the file system has no hard links, the name is checked, then
     * renamed. False when the name was taken.
     */
    private static boolean link(Path staged, Path target) throws IOException {
        try {
            Files.createLink(target, staged);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException | IOException e) {
            if (SafeFiles.kind(target) != SafeFiles.Kind.ABSENT) {
                return false;
            }
            move(staged, target);
            return true;
        }
    }

    /** rename(2): replaces whatever name {@code to} is without writing through it. */
    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException(from + " -> " + to + ": cannot be renamed atomically", e);
        }
    }

    private static byte[] nonce() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return b;
    }
}
