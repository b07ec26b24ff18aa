package io.github.dualstack.core.write;

import io.github.dualstack.core.plan.FileKind;
import io.github.dualstack.core.render.OutputFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Writes rendered files into the output tree without ever losing anyone's work:
 * <ul>
 * <li>only files listed in {@code .dualstack/manifest.json} are replaced or removed; a file of someone else at a
 *     planned path, or an owned file edited by hand, is refused (reported with a diff) unless forced;</li>
 * <li>unchanged files are not touched (mtime kept); a run that changes nothing writes nothing;</li>
 * <li>changed files are first written beside their target as {@code .NAME.dualstack-new}; only when every file
 *     has been rendered, checked and written so, and nothing was refused, a journal is written and each new file
 *     is renamed over its target (one rename, atomic). A run killed before the journal leaves the previous tree
 *     (the next run deletes the new files it finds, guided by {@code .dualstack/in-progress}); one killed after
 *     it is completed by the next run, which replays the journal before anything else;</li>
 * <li>one run at a time: an OS file lock, released by the kernel even when the holder is killed.</li>
 * </ul>
 * {@link #offer} is thread-safe, so files can be rendered and staged on several cores.
 */
public final class TreeWriter implements AutoCloseable {

    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-r--r--");
    private static final Set<PosixFilePermission> SCRIPT_MODE = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwxr-xr-x");
    static final String NEW_SUFFIX = ".dualstack-new";
    static final String IN_PROGRESS = ".dualstack/in-progress";

    private final OutputRoot root;
    private final boolean force;
    private final String forceOption;
    private final Consumer<OutputFile> beforeWrite;
    private final String generatorVersion;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Manifest manifest;
    private final String recovery;
    private final Map<String, String> planned = new ConcurrentHashMap<>();
    private final Set<String> staged = new ConcurrentSkipListSet<>();
    /** Whether the umask let files and directories get their intended modes at creation (checked once). */
    private final boolean modesNeedFixing;
    private volatile boolean inProgressMarked;
    /** Directories this run created for new files, removed again (when empty) if the run writes nothing. */
    private final Set<Path> createdDirs = ConcurrentHashMap.newKeySet();
    private final List<String> refusals = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger unchanged = new AtomicInteger();
    private final Object stageLock = new Object();
    private boolean committed;

    private TreeWriter(OutputRoot root, boolean force, String forceOption, Consumer<OutputFile> beforeWrite,
                       String generatorVersion, FileChannel lockChannel, FileLock lock) throws IOException {
        this.root = root;
        this.force = force;
        this.forceOption = forceOption;
        this.beforeWrite = beforeWrite;
        this.generatorVersion = generatorVersion;
        this.lockChannel = lockChannel;
        this.lock = lock;
        StatCache.invalidate(root.root());   // from here until a complete commit the tree may change
        this.recovery = recover();
        this.manifest = readManifest();
        this.modesNeedFixing = umaskNarrowsModes(root.root().resolve(".dualstack"));
        if (!Files.exists(manifestPath()) && !force && !onlyDualstackDir()) {
            refusals.add(root.root() + ": is not empty and holds no .dualstack/manifest.json, so dualstack does not"
                    + " own anything in it; choose an empty directory, or use " + forceOption + " to take it over");
        }
    }

    /** Locks the output directory (waiting at most {@code lockWait}), then recovers an interrupted run. */
    public static TreeWriter open(Path outputDir, boolean force, String generatorVersion, Duration lockWait)
            throws IOException {
        return open(outputDir, force, "--force", f -> { }, generatorVersion, lockWait);
    }

    /**
     * As above; refusals name {@code forceOption} as the way to override them, and {@code beforeWrite} (the
     * self-check) sees every file that is about to be written, and may throw to stop the run.
     */
    public static TreeWriter open(Path outputDir, boolean force, String forceOption, Consumer<OutputFile> beforeWrite,
                                  String generatorVersion, Duration lockWait) throws IOException {
        OutputRoot root = new OutputRoot(outputDir);
        Path meta = root.root().resolve(".dualstack");
        if (Files.isSymbolicLink(meta)) {
            throw new IOException(meta + " is a symbolic link; refusing to use it");
        }
        createDirectories(meta);
        ignoreTransientFiles(meta);
        FileChannel ch = FileChannel.open(meta.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        long deadline = System.nanoTime() + lockWait.toNanos();
        FileLock lock = null;
        try {
            while (lock == null) {
                try {
                    lock = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;   // held by this JVM (another thread's run)
                }
                if (lock == null) {
                    if (System.nanoTime() > deadline) {
                        throw new IOException("another dualstack run is writing " + root.root() + " (lock "
                                + meta.resolve("lock") + "); waited " + lockWait.toSeconds() + "s");
                    }
                    Thread.sleep(100);
                }
            }
            return new TreeWriter(root, force, forceOption, beforeWrite, generatorVersion, ch, lock);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ch.close();
            throw new IOException("interrupted while waiting for the lock on " + root.root(), e);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** The lock and an interrupted run's leftovers must never be committed with the tree. */
    private static void ignoreTransientFiles(Path meta) throws IOException {
        Path ignore = meta.resolve(".gitignore");
        byte[] wanted = "# transient files of a dualstack run; manifest.json is committed with the tree\nlock\njournal.json\n*.tmp\nin-progress\nstaging.manifest.json\nstat-cache\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (!Files.exists(ignore) || !Arrays.equals(Files.readAllBytes(ignore), wanted)) {
            Files.write(ignore, wanted);
            Files.setPosixFilePermissions(ignore, FILE_MODE);
        }
    }

    /** Compares one rendered file with the tree and stages it if it changed. Thread-safe. */
    public void offer(OutputFile file) {
        String path = file.path();
        if (planned.putIfAbsent(path, Hashes.sha256(file.content())) != null) {
            throw new IllegalStateException("planned twice: " + path);
        }
        try {
            Path target = root.resolve(path);
            if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                refusals.add(path + ": is a directory; dualstack will not replace it");
                return;
            }
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                byte[] onDisk = Files.readAllBytes(target);
                if (Arrays.equals(onDisk, file.content()) && modeIsRight(target, file.kind())) {
                    unchanged.incrementAndGet();
                    return;
                }
                if (!force && !manifest.owns(path)) {
                    refusals.add(path + ": exists but was not written by dualstack (not in .dualstack/manifest.json);"
                            + " move it away or use " + forceOption + " to overwrite it");
                    return;
                }
                if (!force && !manifest.files().get(path).equals(Hashes.sha256(onDisk))) {
                    refusals.add(path + ": was edited by hand since dualstack wrote it; change the descriptor or a"
                            + " template override instead, or use " + forceOption + " to overwrite it. The edit, against what"
                            + " would be written:\n" + UnifiedDiff.of(path, onDisk, file.content()).stripTrailing());
                    return;
                }
            }
            beforeWrite.accept(file);
            stage(path, file);
        } catch (WriteRefusedException e) {
            refusals.add(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": " + e.getMessage(), e);
        }
    }

    private void stage(String path, OutputFile file) throws IOException, WriteRefusedException {
        markInProgress();
        Path target = root.resolve(path);
        // One thread at a time creates directories and files: concurrent inode allocation in one ext4 directory
        // tree contends in the kernel (system time tripled with two writers, for no gain in wall time), while
        // rendering and checking, the work that does scale, goes on in the other threads meanwhile.
        synchronized (stageLock) {
            writeNew(target, file);
        }
        staged.add(path);
    }

    private void writeNew(Path target, OutputFile file) throws IOException {
        createDirectories(target.getParent(), modesNeedFixing, dir -> {
            createdDirs.add(dir);
            root.created(dir);   // a real directory: paths through it need no link check
        });
        Path next = newFileFor(target);
        Set<PosixFilePermission> mode = file.kind() == FileKind.SCRIPT ? SCRIPT_MODE : FILE_MODE;
        try (FileChannel ch = FileChannel.open(next, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING), PosixFilePermissions.asFileAttribute(mode))) {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(file.content());
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        }
        if (modesNeedFixing) {
            Files.setPosixFilePermissions(next, mode);
        }
    }

    /** The new version of a file waits beside it, so that moving it into place is a single rename. */
    static Path newFileFor(Path target) {
        return target.resolveSibling("." + target.getFileName() + NEW_SUFFIX);
    }

    /** Before the first new file exists: tells a later run that new files may have to be cleaned away. */
    private synchronized void markInProgress() throws IOException {
        if (!inProgressMarked) {
            writeDurably(root.root().resolve(IN_PROGRESS), new byte[0]);
            inProgressMarked = true;
        }
    }

    /**
     * Removes owned files that are no longer planned, writes the journal and moves every staged file into place;
     * or, with any refusal, discards the staging area and writes nothing.
     */
    public WriteResult commit() throws IOException {
        if (committed) {
            throw new IllegalStateException("already committed");
        }
        committed = true;
        List<String> removals = new ArrayList<>();
        for (Map.Entry<String, String> owned : manifest.files().entrySet()) {
            String path = owned.getKey();
            if (planned.containsKey(path)) {
                continue;
            }
            Path target;
            try {
                target = root.resolve(path);
            } catch (WriteRefusedException e) {
                refusals.add(e.getMessage());
                continue;
            }
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            byte[] onDisk = Files.readAllBytes(target);
            if (!force && !Hashes.sha256(onDisk).equals(owned.getValue())) {
                refusals.add(path + ": is no longer generated but was edited by hand, so it is kept; delete it"
                        + " yourself, or use " + forceOption + " to remove it");
                continue;
            }
            removals.add(path);
        }
        List<String> refused = sortedCopy(refusals);
        if (!refused.isEmpty()) {
            discardStaging();
            return new WriteResult(List.of(), unchanged.get(), List.of(), refused, recovery);
        }
        SortedMap<String, String> files = new TreeMap<>(planned);
        Manifest next = new Manifest(generatorVersion, Collections.unmodifiableSortedMap(files));
        if (staged.isEmpty() && removals.isEmpty() && next.equals(manifest)) {
            discardStaging();
            return new WriteResult(List.of(), unchanged.get(), List.of(), List.of(), recovery);
        }
        Collections.sort(removals);
        Path stagedManifest = root.root().resolve(Journal.STAGED_MANIFEST);
        Files.write(stagedManifest, next.toBytes());
        Files.setPosixFilePermissions(stagedManifest, FILE_MODE);
        Journal journal = new Journal(new ArrayList<>(staged), removals);
        writeDurably(root.root().resolve(Journal.PATH), journal.toBytes());
        apply(journal);
        return new WriteResult(List.copyOf(staged), unchanged.get(), removals, List.of(), recovery);
    }

    /**
     * After a successful {@link #commit}: records the tree's state with the fingerprint of the inputs that made it
     * ({@link StatCache}), so that a regenerate with the same inputs can tell it has nothing to do without rendering.
     */
    public void recordUpToDate(String inputFingerprint) throws IOException {
        if (!committed || !refusals.isEmpty()) {
            throw new IllegalStateException("only a committed, complete tree can be recorded");
        }
        StatCache.record(root.root(), planned, inputFingerprint);
    }

    /** Replays a journal: every step is idempotent, so a replay after a kill finishes the same tree. */
    private void apply(Journal journal) throws IOException {
        Path rootDir = root.root();
        // The renames are independent and mostly in different directories, so they run on every core; the order
        // does not matter, as a replay after a kill finishes whichever are left.
        try {
            journal.renames().parallelStream().forEach(path -> {
                try {
                    Path to = resolveOrFail(path);
                    Path from = newFileFor(to);
                    if (Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {   // else moved before an interruption
                        move(from, to);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (String path : journal.deletes()) {
            Path target = resolveOrFail(path);
            Files.deleteIfExists(target);
            pruneEmptyParents(target.getParent());
        }
        Path stagedManifest = rootDir.resolve(Journal.STAGED_MANIFEST);
        if (Files.exists(stagedManifest)) {
            move(stagedManifest, manifestPath());
        }
        Files.deleteIfExists(rootDir.resolve(Journal.PATH));
        Files.deleteIfExists(rootDir.resolve(IN_PROGRESS));
    }

    private String recover() throws IOException {
        // A run killed while writing a marker, the journal or the stat cache leaves its temporary file; the real
        // file is only ever made by renaming a complete one, so the temporary files are garbage.
        try (Stream<Path> meta = Files.list(root.root().resolve(".dualstack"))) {
            for (Path tmp : meta.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList()) {
                Files.deleteIfExists(tmp);
            }
        }
        Path journalPath = root.root().resolve(Journal.PATH);
        if (Files.exists(journalPath)) {
            Journal journal;
            try {
                journal = Journal.parse(Files.readAllBytes(journalPath));
            } catch (IOException e) {
                throw new IOException(journalPath + " is unreadable (" + e.getMessage() + "); the previous run was"
                        + " interrupted while committing. Inspect the tree, then delete the journal to continue", e);
            }
            apply(journal);
            return "completed an interrupted earlier run from its journal (" + journal.renames().size()
                    + " files moved into place, " + journal.deletes().size() + " removed)";
        }
        boolean leftovers = Files.exists(root.root().resolve(IN_PROGRESS))
                || Files.exists(root.root().resolve(Journal.STAGED_MANIFEST));
        if (!leftovers) {
            return "";
        }
        int removed = 0;
        try (Stream<Path> walk = Files.walk(root.root())) {
            for (Path p : walk.filter(f -> f.getFileName().toString().endsWith(NEW_SUFFIX)).toList()) {
                Files.deleteIfExists(p);
                removed++;
            }
        }
        Files.deleteIfExists(root.root().resolve(Journal.STAGED_MANIFEST));
        Files.deleteIfExists(root.root().resolve(IN_PROGRESS));
        return "discarded " + removed + " new file(s) of an interrupted earlier run (it had changed nothing)";
    }

    private Manifest readManifest() throws IOException {
        return Manifest.read(root.root());
    }

    private boolean onlyDualstackDir() throws IOException {
        try (Stream<Path> s = Files.list(root.root())) {
            return s.allMatch(p -> p.getFileName().toString().equals(".dualstack"));
        }
    }

    private Path manifestPath() {
        return root.root().resolve(Manifest.PATH);
    }

    private static boolean modeIsRight(Path target, FileKind kind) throws IOException {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(target, LinkOption.NOFOLLOW_LINKS);
        return perms.equals(kind == FileKind.SCRIPT ? SCRIPT_MODE : FILE_MODE);
    }

    private Path resolveOrFail(String path) throws IOException {
        try {
            return root.resolve(path);
        } catch (WriteRefusedException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + from + " to " + to + " atomically (another file system?)", e);
        }
    }

    private static void createDirectories(Path dir) throws IOException {
        createDirectories(dir, true, created -> { });
    }

    /** Creates {@code dir} and missing parents with mode 0755, telling {@code onCreate} of each one it made. */
    private static void createDirectories(Path dir, boolean fixMode, Consumer<Path> onCreate) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        createDirectories(dir.getParent(), fixMode, onCreate);
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR_MODE));
            onCreate.accept(dir);
            if (fixMode) {
                Files.setPosixFilePermissions(dir, DIR_MODE);   // the umask may have narrowed it
            }
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
    }

    /** Creates a probe with mode 0644: if it comes out narrower, every file and directory needs a chmod. */
    private static boolean umaskNarrowsModes(Path meta) throws IOException {
        Path probe = meta.resolve("mode-probe.tmp");
        Files.deleteIfExists(probe);
        Files.createFile(probe, PosixFilePermissions.asFileAttribute(FILE_MODE));
        try {
            return !Files.getPosixFilePermissions(probe).equals(FILE_MODE);
        } finally {
            Files.delete(probe);
        }
    }

    private void pruneEmptyParents(Path dir) throws IOException {
        Path rootDir = root.root();
        while (dir != null && dir.startsWith(rootDir) && !dir.equals(rootDir)) {
            try {
                Files.delete(dir);
            } catch (DirectoryNotEmptyException | NoSuchFileException e) {
                return;
            }
            dir = dir.getParent();
        }
    }

    private static void writeDurably(Path file, byte[] bytes) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(java.nio.ByteBuffer.wrap(bytes));
            ch.force(true);
        }
        move(tmp, file);
    }

    /** Deletes this run's new files; the tree is as it was. */
    private void discardStaging() throws IOException {
        for (String path : staged) {
            try {
                Files.deleteIfExists(newFileFor(root.resolve(path)));
            } catch (WriteRefusedException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        staged.clear();
        List<Path> dirs = new ArrayList<>(createdDirs);
        dirs.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        for (Path d : dirs) {
            try {
                Files.deleteIfExists(d);
            } catch (DirectoryNotEmptyException e) {
                // something else lives there now; keep it
            }
        }
        Files.deleteIfExists(root.root().resolve(Journal.STAGED_MANIFEST));
        Files.deleteIfExists(root.root().resolve(IN_PROGRESS));
    }


    private static List<String> sortedCopy(List<String> list) {
        synchronized (list) {
            List<String> copy = new ArrayList<>(list);
            Collections.sort(copy);
            return copy;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (!committed) {
                discardStaging();
            }
        } finally {
            try {
                lock.release();
            } finally {
                lockChannel.close();
            }
        }
    }
}
