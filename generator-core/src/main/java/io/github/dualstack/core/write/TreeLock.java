package io.github.dualstack.core.write;

import io.github.dualstack.core.fs.SafeFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One run at a time per tree: an OS lock on {@code .dualstack/lock}, which the kernel releases even when the
 * holder is killed. generate holds it exclusively; check holds it shared, so that it never compares a tree that a
 * generate is committing. The lock file exists only while a run holds it: the writer removes it before releasing,
 * so a run that writes nothing leaves nothing. Because of that a run can win the lock of a file that was removed
 * meanwhile; each holder therefore writes a random token into its file and checks that the path still shows it.
 * The file is opened with {@code O_NOFOLLOW} (a link planted there is refused, never followed).
 */
final class TreeLock implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 48;

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final boolean exclusive;

    private TreeLock(Path file, FileChannel channel, FileLock lock, boolean exclusive) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.exclusive = exclusive;
    }

    /** Waits at most {@code wait} for the exclusive lock; {@code onWait} is told once if the lock is taken. */
    static TreeLock exclusive(Path file, Duration wait, Runnable onWait) throws IOException {
        return acquire(file, wait, onWait, true).orElseThrow();
    }

    /**
     * The shared lock, or empty when no lock file exists (no run holds the tree; a read-only run creates
     * nothing). Waits like {@link #exclusive}.
     */
    static Optional<TreeLock> shared(Path file, Duration wait, Runnable onWait) throws IOException {
        return acquire(file, wait, onWait, false);
    }

    private static Optional<TreeLock> acquire(Path file, Duration wait, Runnable onWait, boolean exclusive)
            throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        boolean told = false;
        while (true) {
            FileChannel ch;
            try {
                ch = exclusive
                        ? FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)
                        : FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                if (exclusive) {
                    throw e;
                }
                return Optional.empty();
            } catch (IOException e) {
                if (SafeFiles.kind(file) == SafeFiles.Kind.SYMLINK) {
                    throw new IOException(file + ": is a symbolic link; dualstack never follows links in its"
                            + " metadata directory. Remove it to continue", e);
                }
                throw e;
            }
            FileLock lock = null;
            try {
                lock = tryLock(ch, exclusive);
                if (lock != null) {
                    if (stillTheFile(file, ch, exclusive)) {
                        return Optional.of(new TreeLock(file, ch, lock, exclusive));
                    }
                    lock.release();   // won the lock of a file its holder removed: take the new one
                    lock = null;
                    ch.close();
                    continue;
                }
                ch.close();
                if (System.nanoTime() > deadline) {
                    throw new IOException("another dualstack run is using " + file.getParent().getParent()
                            + " (it holds " + file + "); waited " + wait.toSeconds() + "s. Try again when it has"
                            + " finished");
                }
                if (!told) {
                    onWait.run();
                    told = true;
                }
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ch.close();
                throw new IOException("interrupted while waiting for the lock " + file, e);
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
        }
    }

    private static FileLock tryLock(FileChannel ch, boolean exclusive) throws IOException {
        try {
            return ch.tryLock(0, Long.MAX_VALUE, !exclusive);
        } catch (OverlappingFileLockException e) {
            return null;   // held by this JVM (another thread's run)
        }
    }

    /**
     * Whether {@code file} still names the open file: the exclusive holder writes a fresh token and reads the
     * path back; a shared holder compares what its channel reads with what the path holds.
     */
    private static boolean stillTheFile(Path file, FileChannel ch, boolean exclusive) throws IOException {
        byte[] token;
        if (exclusive) {
            byte[] random = new byte[TOKEN_BYTES / 2];
            RANDOM.nextBytes(random);
            token = (HexFormat.of().formatHex(random)).getBytes(StandardCharsets.US_ASCII);
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(token), 0);
        } else {
            ByteBuffer buf = ByteBuffer.allocate(TOKEN_BYTES + 1);
            ch.read(buf, 0);
            token = Arrays.copyOf(buf.array(), buf.position());
        }
        try {
            return Arrays.equals(token, SafeFiles.readInTree(file, TOKEN_BYTES + 1));
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            return false;   // replaced by something else meanwhile: not ours
        }
    }

    /** Releases the lock; an exclusive holder first removes the file, so the tree keeps no trace of the run. */
    @Override
    public void close() throws IOException {
        try {
            if (exclusive) {
                Files.deleteIfExists(file);
            }
        } finally {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }
}
