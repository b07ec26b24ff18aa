package io.github.dualstack.core.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * Reading files that may be hostile: a tree committed to git can hold symbolic links, and any path can be a FIFO
 * (an open blocks forever), a device (endless) or a huge file. Every read here looks at the file first without
 * following links, refuses anything but a regular file, opens it with {@code O_NOFOLLOW} where the tree is
 * concerned, and reads at most a stated number of bytes from the stream itself (never trusting a size read before).
 */
public final class SafeFiles {

    private static final int S_IFMT = 0170000;

    private SafeFiles() {
    }

    /** What is at a path, as {@code lstat} sees it (or {@code stat} with {@code follow}). */
    public enum Kind {
        ABSENT("does not exist"), REGULAR("is a regular file"), DIRECTORY("is a directory"),
        SYMLINK("is a symbolic link"), FIFO("is a FIFO (named pipe)"), SOCKET("is a socket"),
        CHAR_DEVICE("is a character device"), BLOCK_DEVICE("is a block device"), OTHER("is not a regular file");

        private final String phrase;

        Kind(String phrase) {
            this.phrase = phrase;
        }

        /** "is a FIFO (named pipe)": for messages of the form {@code PATH: <phrase>}. */
        public String phrase() {
            return phrase;
        }
    }

    /** The kind of file at {@code p}, not following a link at its last component. */
    public static Kind kind(Path p) throws IOException {
        return kind(p, false);
    }

    public static Kind kind(Path p, boolean follow) throws IOException {
        Map<String, Object> a;
        try {
            a = follow ? Files.readAttributes(p, "unix:mode")
                    : Files.readAttributes(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Kind.ABSENT;
        }
        return switch ((Integer) a.get("mode") & S_IFMT) {
            case 0100000 -> Kind.REGULAR;
            case 0040000 -> Kind.DIRECTORY;
            case 0120000 -> Kind.SYMLINK;
            case 0010000 -> Kind.FIFO;
            case 0140000 -> Kind.SOCKET;
            case 0020000 -> Kind.CHAR_DEVICE;
            case 0060000 -> Kind.BLOCK_DEVICE;
            default -> Kind.OTHER;
        };
    }

    /**
     * The bytes of a regular file inside a tree: a link at {@code p} itself, or anything but a regular file, is
     * refused ({@link NotRegularFileException}), and a file of more than {@code maxBytes} is {@link TooLargeException}.
     */
    public static byte[] readInTree(Path p, long maxBytes) throws IOException {
        Kind k = kind(p, false);
        if (k != Kind.REGULAR) {
            throw k == Kind.ABSENT ? new NoSuchFileException(p.toString()) : new NotRegularFileException(p, k);
        }
        return read(p, maxBytes, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
    }

    /**
     * The bytes of a file its caller has just seen to be a regular file (one lstat, which also gave it the mode and
     * size it needed): opened with {@code O_NOFOLLOW}, read to at most {@code maxBytes}.
     */
    public static byte[] readSeenRegular(Path p, long maxBytes) throws IOException {
        return read(p, maxBytes, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
    }

    /**
     * The bytes of an input file named by the user (a descriptor, a template): links are followed, as the user
     * may keep one anywhere, but what they lead to must be a regular file, read to at most {@code maxBytes}.
     */
    public static byte[] readInput(Path p, long maxBytes) throws IOException {
        Kind k = kind(p, true);
        if (k != Kind.REGULAR) {
            throw k == Kind.ABSENT ? new NoSuchFileException(p.toString()) : new NotRegularFileException(p, k);
        }
        return read(p, maxBytes, Set.of(StandardOpenOption.READ));
    }

    private static byte[] read(Path p, long maxBytes, Set<OpenOption> options) throws IOException {
        try (FileChannel ch = FileChannel.open(p, options)) {
            if (ch.size() > maxBytes) {
                throw new TooLargeException(p, maxBytes);   // a regular file says its size: no need to read it
            }
            int cap = (int) Math.min(Math.max(maxBytes, 0) + 1, Integer.MAX_VALUE - 16);
            // The size is a hint only (0 for /proc files, stale for a growing file): the loop below is the limit.
            // A buffer of exactly the size, then one probe byte: a file that is as large as it says (the manifest
            // and the stat cache, tens of megabytes at 100,000 edges) is read without a second copy.
            byte[] buf = new byte[(int) Math.min(cap, Math.max(1, ch.size()))];
            ByteBuffer probe = ByteBuffer.allocate(1);
            int n = 0;
            while (true) {
                if (n == buf.length) {
                    probe.clear();
                    if (buf.length >= cap || read(ch, probe) < 0) {
                        break;
                    }
                    buf = Arrays.copyOf(buf, (int) Math.min(Math.max((long) buf.length * 2, 8192), cap));
                    buf[n++] = probe.get(0);
                    continue;
                }
                int r = ch.read(ByteBuffer.wrap(buf, n, buf.length - n));
                if (r < 0) {
                    break;
                }
                n += r;
            }
            if (n > maxBytes) {
                throw new TooLargeException(p, maxBytes);
            }
            return n == buf.length ? buf : Arrays.copyOf(buf, n);
        }
    }

    /** One byte into {@code probe}, or -1 at the end; a read that returns nothing yet is retried. */
    private static int read(FileChannel ch, ByteBuffer probe) throws IOException {
        int r;
        do {
            r = ch.read(probe);
        } while (r == 0);
        return r;
    }

    /** The reason of the exceptions that carry only a path and let the class name say what went wrong. */
    private static final Map<Class<?>, String> REASONS = Map.of(
            AccessDeniedException.class, "permission denied",
            NoSuchFileException.class, "no such file or directory",
            FileAlreadyExistsException.class, "already exists",
            NotDirectoryException.class, "not a directory",
            DirectoryNotEmptyException.class, "directory not empty",
            FileSystemLoopException.class, "symbolic link loop");

    /**
     * An I/O failure (or an {@link UncheckedIOException} around one) in the user's terms, one line: the path and
     * the cause as the operating system says it ("No space left on device"), never a Java class name.
     */
    public static String describe(Exception e) {
        if (e instanceof UncheckedIOException u) {
            return describe(u.getCause());
        }
        if (e instanceof NotRegularFileException || e instanceof TooLargeException) {
            return e.getMessage();
        }
        if (e instanceof FileSystemException fs) {
            StringBuilder sb = new StringBuilder();
            if (fs.getFile() != null) {
                sb.append(fs.getFile());
                if (fs.getOtherFile() != null) {
                    sb.append(" -> ").append(fs.getOtherFile());
                }
                sb.append(": ");
            }
            String reason = fs.getReason();
            if (reason == null || reason.isBlank()) {
                reason = REASONS.getOrDefault(fs.getClass(), "file system error");
            } else if (reason.startsWith("Too many levels of symbolic links")) {
                reason = "is a symbolic link";   // what O_NOFOLLOW's ELOOP means here
            }
            return sb.append(reason).toString();
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? "input/output error" : e.getMessage();
    }
}
