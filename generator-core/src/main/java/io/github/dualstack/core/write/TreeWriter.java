package io.github.dualstack.core.write;

import io.github.dualstack.core.Sha256;
import io.github.dualstack.core.fs.SafeFiles;
import io.github.dualstack.core.render.OutputFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Writes rendered files into the output tree without ever losing anyone's work or leaving the tree:
 * <ul>
 * <li>only files listed in {@code .dualstack/manifest.json} are replaced or removed ({@link Ownership}); every
 *     path, planned or listed, is a generated path reached through real directories only ({@link OutputRoot});</li>
 * <li>unchanged files are not touched (mtime kept); a run that changes nothing, or is refused, writes nothing at
 *     all: not even its lock, metadata directory or output directory stay behind;</li>
 * <li>changed files are first created fresh ({@code O_EXCL|O_NOFOLLOW}) beside their target as
 *     {@code .NAME.dualstack-new}; only when every file has been rendered, checked and written so, and nothing was
 *     refused, a journal is written and each new file is renamed over its target. A run that fails before the
 *     journal removes what it staged; one killed then leaves the previous tree (the next run deletes the new files,
 *     guided by {@code .dualstack/in-progress}); one stopped after it is completed by the next run, which replays
 *     the journal before anything else ({@link Recovery});</li>
 * <li>one run at a time: {@link TreeLock}.</li>
 * </ul>
 * {@link #offer} is thread-safe, so files can be rendered and staged on several cores.
 */
public final class TreeWriter implements AutoCloseable {

    static final String NEW_SUFFIX = TreeLayout.NEW_SUFFIX;
    static final String IN_PROGRESS = TreeLayout.IN_PROGRESS;

    /**
     * How a run writes: {@code forceOption} and {@code generateCommand} are how the front end spells the override
     * and the command that completes an interrupted run (they appear in refusals); {@code beforeWrite} (the
     * self-check) sees every file about to be written and may throw to stop the run; {@code onWait} is told once
     * when another run holds the tree; {@code rendering} is the fingerprint of what rendering depends on, whose
     * record of a previous run the run may take files from ({@link #previousRun}; none without it).
     */
    public record Options(boolean force, String forceOption, String generateCommand, Consumer<OutputFile> beforeWrite,
                          String generatorVersion, Duration lockWait, Runnable onWait, Optional<String> rendering) {

        public static Options of(boolean force, String generatorVersion, Duration lockWait) {
            return new Options(force, "--force", "dualstack generate", f -> { }, generatorVersion, lockWait, () -> { },
                    Optional.empty());
        }
    }

    private final OutputRoot root;
    private final Options options;
    private final Disk disk;
    private final TreeLock lock;
    private final List<Path> createdAtOpen;
    private final Manifest manifest;
    private final String recovery;
    private final boolean refusedAtOpen;
    private final Map<String, String> planned;
    /** The planned paths whose hash the manifest does not list as it is: what the next manifest changes. */
    private final Set<String> relisted = ConcurrentHashMap.newKeySet();
    /**
     * How many offered paths the manifest lists; with the reused ones (all listed), how many planned paths it lists.
     * When that is all of them, no owned file is unplanned, and the commit need not walk the manifest's 200,000
     * entries (at 100,000 edges) to find the ones to remove.
     */
    private final LongAdder listedAndOffered = new LongAdder();
    private final Set<String> staged = new ConcurrentSkipListSet<>();
    /** Directories this run created for new files, removed again (when empty) if the run writes nothing. */
    private final Set<Path> createdDirs = ConcurrentHashMap.newKeySet();
    private final List<Refusal> refusals = Collections.synchronizedList(new ArrayList<>());
    /** Counted by every thread that offers or reuses a file (200,000 at 100,000 edges): adders, not contended counters. */
    private final LongAdder unchanged = new LongAdder();
    /** Of the unchanged files, those taken from the previous run without being rendered. */
    private final LongAdder reused = new LongAdder();
    private final Object stageLock = new Object();
    /**
     * Offers hold it shared, close exclusively: a render that fails on one thread ends the run while other
     * threads may still be staging, and close must clean up only once they are done (later offers do nothing).
     */
    private final ReadWriteLock offering = new ReentrantReadWriteLock();
    private volatile boolean closed;
    /** Whether the umask narrows the modes files and directories get at creation; known after the first one. */
    private Boolean modesNeedFixing;
    private volatile boolean inProgressMarked;
    /** The previous run's record as {@link #open} read it, whose confirmed entries {@link #record} keeps. */
    private final StatCache.Previous previous;
    private boolean committed;
    private boolean journalWritten;

    private TreeWriter(OutputRoot root, Options options, Disk disk, TreeLock lock, List<Path> createdAtOpen,
                       Manifest manifest, StatCache.Previous previous, String recovery, List<Refusal> refusedWith) {
        this.root = root;
        this.options = options;
        this.disk = disk;
        this.lock = lock;
        this.createdAtOpen = createdAtOpen;
        this.manifest = manifest;
        // Sized for the previous run's files, which a run mostly plans again: no rehash of 200,000 entries.
        this.planned = new ConcurrentHashMap<>(manifest.files().size());
        this.recovery = recovery;
        this.refusedAtOpen = !refusedWith.isEmpty();
        this.refusals.addAll(refusedWith);
        this.previous = previous;
    }

    /**
     * Locks the output directory (waiting at most {@code lockWait}), recovers an interrupted run, then reads the
     * previous run's record and the manifest.
     */
    public static TreeWriter open(Path outputDir, boolean force, String generatorVersion, Duration lockWait)
            throws IOException {
        return open(outputDir, Options.of(force, generatorVersion, lockWait));
    }

    public static TreeWriter open(Path outputDir, Options options) throws IOException {
        return open(outputDir, options, new Disk());
    }

    /**
     * Nothing is created before the checks that need no lock have passed: a refused run into a directory that
     * dualstack does not own leaves it exactly as it was.
     */
    static TreeWriter open(Path outputDir, Options options, Disk disk) throws IOException {
        OutputRoot root = new OutputRoot(outputDir);
        Optional<String> rootProblem = root.rootProblem();
        if (rootProblem.isPresent()) {
            return refused(root, options, disk, Refusal.of(root.root().toString(), Refusal.Reason.OUTPUT_DIRECTORY,
                    rootProblem.get()));
        }
        Path manifestPath = root.meta(TreeLayout.MANIFEST);
        if (!options.force() && SafeFiles.kind(root.root()) == SafeFiles.Kind.DIRECTORY
                && SafeFiles.kind(manifestPath) == SafeFiles.Kind.ABSENT && !emptyButForMetadata(root.root())) {
            return refused(root, options, disk, Refusal.of(root.root().toString(), Refusal.Reason.OUTPUT_DIRECTORY,
                    root.root() + ": is not empty and holds no " + TreeLayout.MANIFEST + ", so dualstack does not own"
                    + " anything in it; choose an empty directory, or use " + options.forceOption() + " to take it over"));
        }
        List<Path> created = new ArrayList<>();
        TreeLock lock = null;
        try {
            disk.createDirectories(root.meta(TreeLayout.META), dir -> false, dir -> {
                created.add(dir);
                disk.setMode(dir, Disk.DIR_MODE);   // the umask may have narrowed it
            });
            lock = TreeLock.exclusive(root.meta(TreeLayout.LOCK), options.lockWait(), options.onWait());
            String recovery = Recovery.run(root, disk, options.generateCommand());
            StatCache.Previous previous = options.rendering().map(r -> StatCache.previous(root.root(), r))
                    .orElseGet(() -> StatCache.none(root.root()));
            Manifest manifest = Manifest.read(root.root(), previous.vouchesForManifest());
            return new TreeWriter(root, options, disk, lock, created, manifest, previous, recovery, List.of());
        } catch (WriteRefusedException e) {
            return new TreeWriter(root, options, disk, lock, created, Manifest.empty(), StatCache.none(root.root()), "",
                    List.of(e.refusal()));
        } catch (IOException | RuntimeException e) {
            if (lock != null) {
                lock.close();
            }
            removeIfEmpty(disk, created);
            throw e;
        }
    }

    private static TreeWriter refused(OutputRoot root, Options options, Disk disk, Refusal why) {
        return new TreeWriter(root, options, disk, null, List.of(), Manifest.empty(), StatCache.none(root.root()), "",
                List.of(why));
    }

    private static boolean emptyButForMetadata(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.allMatch(p -> p.getFileName().toString().equals(TreeLayout.META));
        }
    }

    /** Compares one rendered file with the tree and stages it if it changed. Thread-safe. */
    public void offer(OutputFile file) {
        String path = file.path();
        String sha = Sha256.of(file.content());
        if (planned.putIfAbsent(path, sha) != null) {
            throw new IllegalStateException("planned twice: " + path);
        }
        String listed = manifest.files().get(path);
        if (listed != null) {
            listedAndOffered.increment();
        }
        if (!sha.equals(listed)) {
            relisted.add(path);
        }
        if (refusedAtOpen) {
            return;
        }
        offering.readLock().lock();
        try {
            if (closed) {
                return;
            }
            OutputRoot.Resolved resolved = root.inspect(path);
            Path target = resolved.path();
            OnDisk onDisk = resolved.absent() ? OnDisk.ABSENT : OnDisk.inspect(target, file.kind());
            switch (Ownership.planned(onDisk, file.content(), listed, options.force())) {
                case UNCHANGED -> unchanged.increment();
                case WRITE -> {
                    options.beforeWrite().accept(file);
                    stage(path, resolved, file);
                }
                case NOT_OWNED -> refusals.add(Refusal.of(path, Refusal.Reason.NOT_OWNED, path + ": exists but was"
                        + " not written by dualstack (not in " + TreeLayout.MANIFEST + "); move it away or use "
                        + options.forceOption() + " to overwrite it"));
                case EDITED -> refusals.add(new Refusal(path, Refusal.Reason.EDITED, path + ": was edited by hand"
                        + " since dualstack wrote it; change the descriptor or a template override instead, or use "
                        + options.forceOption() + " to overwrite it. " + (onDisk.tooLarge() ? "It is now "
                        + onDisk.size() + " bytes." : "The edit, against what would be written:"),
                        onDisk.tooLarge() ? Optional.empty()
                                : Optional.of(UnifiedDiff.of(path, onDisk.bytes(), file.content()).stripTrailing())));
                case NOT_REGULAR -> refusals.add(Refusal.of(path, Refusal.Reason.NOT_REGULAR, path + ": "
                        + onDisk.kind().phrase() + "; dualstack only ever replaces regular files, so move it away"
                        + " yourself"));
            }
        } catch (WriteRefusedException e) {
            refusals.add(e.refusal());
        } catch (IOException e) {
            throw new UncheckedIOException(SafeFiles.describe(e), e);
        } finally {
            offering.readLock().unlock();
        }
    }

    /**
     * The files the previous complete run recorded with the options' rendering fingerprint (read under this
     * writer's lock, after recovery): what {@link #reuse} may take without rendering.
     */
    public StatCache.Previous previousRun() {
        return previous;
    }

    /**
     * Takes {@code path} as it is on disk, unrendered: the caller knows it would render to what the previous run
     * wrote there ({@link StatCache.Previous#unchanged}), so it is planned with the manifest's hash and counted
     * unchanged. False when the manifest does not list it: then the caller renders and offers it.
     */
    public boolean reuse(String path) {
        String sha = manifest.files().get(path);
        if (sha == null || refusedAtOpen) {
            return false;
        }
        if (planned.putIfAbsent(path, sha) != null) {
            throw new IllegalStateException("planned twice: " + path);
        }
        unchanged.increment();
        reused.increment();
        return true;
    }

    private void stage(String path, OutputRoot.Resolved resolved, OutputFile file) throws IOException {
        Path target = resolved.path();
        markInProgress();
        Set<PosixFilePermission> mode = Disk.modeOf(file.kind());
        // One thread at a time creates directories and files: concurrent inode allocation in one ext4 directory
        // tree contends in the kernel (system time tripled with two writers, for no gain in wall time), while
        // rendering and checking, the work that does scale, goes on in the other threads meanwhile.
        synchronized (stageLock) {
            if (resolved.firstAbsentDirectory() != null) {
                disk.createMissing(resolved.firstAbsentDirectory(), target.getParent(), createdDirs::contains,
                        this::madeDirectory);
            }
            Path next = TreeLayout.newFileFor(target);
            staged.add(path);   // before the file exists: a failure half-way still removes it
            disk.createFresh(next, file.content(), mode, false);
            if (modesNeedFixing == null) {
                modesNeedFixing = !Files.getPosixFilePermissions(next, LinkOption.NOFOLLOW_LINKS).equals(mode);
                if (modesNeedFixing) {
                    for (Path d : createdDirs) {
                        disk.setMode(d, Disk.DIR_MODE);
                    }
                }
            }
            if (modesNeedFixing) {
                disk.setMode(next, mode);
            }
        }
    }

    /** A directory this run made for a new file: removed again if the run writes nothing, known to be real. */
    private void madeDirectory(Path dir) throws IOException {
        createdDirs.add(dir);
        root.created(dir);
        if (Boolean.TRUE.equals(modesNeedFixing)) {
            disk.setMode(dir, Disk.DIR_MODE);
        }
    }

    /** Before the first new file exists: tells a later run that new files may have to be cleaned away. */
    private synchronized void markInProgress() throws IOException {
        if (!inProgressMarked) {
            StatCache.invalidate(root.root(), disk);   // from here until a complete commit the tree may change
            writeDurably(TreeLayout.IN_PROGRESS, new byte[0]);
            inProgressMarked = true;
        }
    }

    /**
     * Removes owned files that are no longer planned, writes the journal and moves every staged file into place;
     * or, with any refusal, writes nothing (the staged files go when the writer closes).
     */
    public WriteResult commit() throws IOException {
        if (committed) {
            throw new IllegalStateException("already committed");
        }
        committed = true;
        if (refusedAtOpen) {
            return new WriteResult(List.of(), 0, 0, List.of(), List.copyOf(refusals), recovery);
        }
        List<String> removals = removals();
        List<Refusal> refused = sortedCopy(refusals);
        if (!refused.isEmpty()) {
            return new WriteResult(List.of(), unchanged.intValue(), reused.intValue(), List.of(), refused, recovery);
        }
        Manifest next = nextManifest();
        boolean gitignoreCurrent = gitignoreIsCurrent();
        if (staged.isEmpty() && removals.isEmpty() && next.equals(manifest) && gitignoreCurrent) {
            return new WriteResult(List.of(), unchanged.intValue(), reused.intValue(), List.of(), List.of(), recovery);
        }
        markInProgress();
        createMetaFile(root.meta(TreeLayout.STAGED_MANIFEST), next.toBytes());
        Journal journal = new Journal(new ArrayList<>(staged), removals);
        writeDurably(TreeLayout.JOURNAL, journal.toBytes());
        journalWritten = true;
        try {
            journal.apply(root, disk, false);
        } catch (IOException | UncheckedIOException e) {
            throw new IOException("the commit stopped half-way (" + SafeFiles.describe(e instanceof UncheckedIOException u
                    ? u.getCause() : (IOException) e) + "); its journal is kept, so run " + options.generateCommand()
                    + " again to complete it", e);
        }
        if (!gitignoreCurrent) {
            // After the commit, so that a run that fails before it leaves no .gitignore it did not find.
            writeDurably(TreeLayout.GITIGNORE, TreeLayout.GITIGNORE_CONTENT);
        }
        return new WriteResult(List.copyOf(staged), unchanged.intValue(), reused.intValue(), removals, List.of(), recovery);
    }

    /**
     * Every planned file with its hash: the manifest read at open with what this run changed, which is a copy of a
     * sorted map (no sorting of 200,000 paths when one node changed) and a few puts and removals.
     */
    private Manifest nextManifest() {
        TreeMap<String, String> files = new TreeMap<>(manifest.files());
        if (!allListedPlanned()) {
            files.keySet().removeIf(path -> !planned.containsKey(path));
        }
        for (String path : relisted) {
            files.put(path, planned.get(path));
        }
        return new Manifest(options.generatorVersion(), Collections.unmodifiableSortedMap(files));
    }

    /** Owned files the run no longer generates: removed when untouched, else refused. */
    private List<String> removals() throws IOException {
        List<String> removals = new ArrayList<>();
        if (allListedPlanned()) {
            return removals;
        }
        for (Map.Entry<String, String> owned : manifest.files().entrySet()) {
            String path = owned.getKey();
            if (planned.containsKey(path)) {
                continue;
            }
            try {
                OnDisk onDisk = OnDisk.inspect(root.resolve(path), io.github.dualstack.core.plan.FileKind.DOCUMENT);
                switch (Ownership.unplanned(onDisk, owned.getValue(), options.force())) {
                    case UNCHANGED -> { }
                    case WRITE -> removals.add(path);
                    case NOT_REGULAR -> refusals.add(Refusal.of(path, Refusal.Reason.NOT_REGULAR, path + ": is no"
                            + " longer generated and " + onDisk.kind().phrase() + " now; remove it yourself"));
                    default -> refusals.add(Refusal.of(path, Refusal.Reason.EDITED, path + ": is no longer generated"
                            + " but was edited by hand, so it is kept; delete it yourself, or use "
                            + options.forceOption() + " to remove it"));
                }
            } catch (WriteRefusedException e) {
                refusals.add(e.refusal());
            }
        }
        Collections.sort(removals);
        return removals;
    }

    /** Whether every path the manifest lists is planned again (a path is planned once, or the run stops). */
    private boolean allListedPlanned() {
        return listedAndOffered.sum() + reused.sum() == manifest.files().size();
    }

    private boolean gitignoreIsCurrent() throws IOException {
        Path p = root.meta(TreeLayout.GITIGNORE);
        try {
            return SafeFiles.kind(p) == SafeFiles.Kind.REGULAR
                    && Arrays.equals(SafeFiles.readInTree(p, 4096), TreeLayout.GITIGNORE_CONTENT);
        } catch (io.github.dualstack.core.fs.TooLargeException e) {
            return false;
        }
    }

    /**
     * After a successful {@link #commit}: records the tree's state for the next run ({@link StatCache}): each
     * file's render key in {@code keys} (path to key) under the {@code rendering} fingerprint, and
     * {@code inputFingerprint} when a regenerate with the same inputs may tell it has nothing to do without
     * rendering, reporting {@code warnings} (one line each) again. Best effort: the tree is complete either way,
     * and without a record the next run is a full one.
     */
    public void record(Map<String, String> keys, Optional<String> inputFingerprint, String rendering,
                       List<String> warnings) {
        if (!committed || !refusals.isEmpty()) {
            throw new IllegalStateException("only a committed, complete tree can be recorded");
        }
        try {
            StatCache.record(root.root(), planned, keys, inputFingerprint, rendering, warnings, previous, staged);
        } catch (IOException | UncheckedIOException e) {
            try {
                StatCache.invalidate(root.root(), disk);
            } catch (IOException ignored) {
                // the cache's fingerprint and stat checks refuse a partial one anyway
            }
        }
    }

    /** A file of {@code .dualstack/} replaced atomically and durably: a temporary file made fresh, then renamed. */
    private void writeDurably(String layoutPath, byte[] bytes) throws IOException {
        Path file = root.meta(layoutPath);
        Path tmp = file.resolveSibling(file.getFileName() + TreeLayout.TMP_SUFFIX);
        try {
            createMetaFile(tmp, bytes);
            disk.move(tmp, file);
        } catch (IOException e) {
            disk.delete(tmp);
            throw e;
        }
    }

    /** A durable file of {@code .dualstack/}, made fresh, 0644 whatever the umask. */
    private void createMetaFile(Path p, byte[] bytes) throws IOException {
        disk.createFresh(p, bytes, Disk.FILE_MODE, true);
        if (!Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS).equals(Disk.FILE_MODE)) {
            disk.setMode(p, Disk.FILE_MODE);
        }
    }

    /** Removes directories (deepest first) that are still empty; a directory someone else filled stays. */
    private static void removeIfEmpty(Disk disk, Iterable<Path> dirs) {
        List<Path> sorted = new ArrayList<>();
        dirs.forEach(sorted::add);
        sorted.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        for (Path d : sorted) {
            try {
                disk.delete(d);
            } catch (DirectoryNotEmptyException e) {
                // something else lives there now; keep it
            } catch (IOException e) {
                // best effort: an empty directory harms nothing
            }
        }
    }

    /** Deletes this run's new files, its marker and the directories it made: the tree is as it was. */
    private void discardStaging() throws IOException {
        IOException first = null;
        for (String path : staged) {
            try {
                disk.delete(TreeLayout.newFileFor(root.resolve(path)));
            } catch (IOException | WriteRefusedException e) {
                first = first != null ? first : e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            }
        }
        staged.clear();
        removeIfEmpty(disk, createdDirs);
        for (String meta : List.of(TreeLayout.STAGED_MANIFEST, TreeLayout.IN_PROGRESS)) {
            try {
                if (inProgressMarked) {
                    disk.delete(root.meta(meta));
                }
            } catch (IOException e) {
                first = first != null ? first : e;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static List<Refusal> sortedCopy(List<Refusal> list) {
        synchronized (list) {
            List<Refusal> copy = new ArrayList<>(list);
            copy.sort(Comparator.comparing(Refusal::message));
            return copy;
        }
    }

    /**
     * Without a written journal, everything this run made goes: staged files, its marker, and (when it created
     * them) the metadata and output directories; then the lock, which removes its file. With a journal the commit
     * is authoritative and is completed, here or by the next run.
     */
    @Override
    public void close() throws IOException {
        offering.writeLock().lock();
        closed = true;
        offering.writeLock().unlock();
        try {
            if (!journalWritten && !refusedAtOpen) {
                discardStaging();
            }
        } finally {
            if (lock != null) {
                lock.close();
            }
            if (!journalWritten) {
                removeIfEmpty(disk, createdAtOpen);
            }
        }
    }
}
