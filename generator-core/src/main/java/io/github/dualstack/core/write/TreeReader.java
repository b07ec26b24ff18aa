package io.github.dualstack.core.write;

import io.github.dualstack.core.fs.SafeFiles;
import io.github.dualstack.core.plan.FileKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * check's read-only view of an output tree, held under the shared lock so that no generate commits while it
 * reads. It reads only what {@link TreeWriter} would: generated paths, through real directories, regular files
 * only, with the same {@link Ownership} policy; it creates nothing. A tree that a run left mid-commit or with
 * staged files, or whose manifest does not hold together, is reported as such instead of compared.
 */
public final class TreeReader implements AutoCloseable {

    /** How one generated file compares with what is on disk. */
    public enum State { SAME, DIFFERS, MISSING, MODE_DIFFERS, UNREADABLE }

    /**
     * One generated file against the tree: {@code onDisk} is null when missing, unreadable or too large;
     * {@code note} says why it is unreadable or too large, or (MODE_DIFFERS) holds git's old/new mode lines.
     */
    public record Comparison(State state, byte[] onDisk, String note) {
    }

    private final OutputRoot root;
    private final Optional<TreeLock> lock;
    private final Manifest manifest;
    private final List<String> problems;
    /** The manifest's identity when the reader opened: a commit renames a new one into place. */
    private final Optional<List<Object>> manifestStamp;

    private TreeReader(OutputRoot root, Optional<TreeLock> lock, Manifest manifest, List<String> problems,
                       Optional<List<Object>> manifestStamp) {
        this.root = root;
        this.lock = lock;
        this.manifest = manifest;
        this.problems = problems;
        this.manifestStamp = manifestStamp;
    }

    /**
     * Opens the tree at {@code dir} for reading, waiting at most {@code wait} for a generate that holds it;
     * {@code generateCommand} is how the problems name the command that completes an interrupted run.
     */
    public static TreeReader open(Path dir, Duration wait, Runnable onWait, String generateCommand) throws IOException {
        OutputRoot root = new OutputRoot(dir);
        List<String> problems = new ArrayList<>();
        Optional<String> rootProblem = root.rootProblem();
        if (rootProblem.isPresent()) {
            problems.add(rootProblem.get());
            return new TreeReader(root, Optional.empty(), Manifest.empty(), problems, Optional.empty());
        }
        Optional<TreeLock> lock = SafeFiles.kind(root.meta(TreeLayout.META)) == SafeFiles.Kind.DIRECTORY
                ? TreeLock.shared(root.meta(TreeLayout.LOCK), wait, onWait) : Optional.empty();
        try {
            problems.addAll(interrupted(root, generateCommand));
            Manifest manifest = Manifest.empty();
            Optional<List<Object>> stamp = manifestStamp(root);
            try {
                manifest = Manifest.read(root.root());
            } catch (WriteRefusedException e) {
                problems.add(e.getMessage());
            }
            return new TreeReader(root, lock, manifest, problems, stamp);
        } catch (IOException | RuntimeException e) {
            if (lock.isPresent()) {
                lock.get().close();
            }
            throw e;
        }
    }

    /** The traces a generate leaves while it runs or when it was stopped: the tree is not one to compare. */
    private static List<String> interrupted(OutputRoot root, String generateCommand) throws IOException {
        if (SafeFiles.kind(root.meta(TreeLayout.JOURNAL)) != SafeFiles.Kind.ABSENT) {
            return List.of(root.root() + ": a generate was interrupted while committing (" + TreeLayout.JOURNAL
                    + " is there), so the tree is part old, part new; run " + generateCommand + " to complete it");
        }
        if (SafeFiles.kind(root.meta(TreeLayout.IN_PROGRESS)) != SafeFiles.Kind.ABSENT
                || SafeFiles.kind(root.meta(TreeLayout.STAGED_MANIFEST)) != SafeFiles.Kind.ABSENT) {
            return List.of(root.root() + ": a generate was interrupted before committing and left its staged"
                    + " *" + TreeLayout.NEW_SUFFIX + " files (" + TreeLayout.IN_PROGRESS + " is there); run "
                    + generateCommand + " to remove them");
        }
        return List.of();
    }

    /** The manifest's inode, size and mtime (not its bytes: it is tens of megabytes at 100,000 edge nodes). */
    private static Optional<List<Object>> manifestStamp(OutputRoot root) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(root.meta(TreeLayout.MANIFEST), BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return Optional.of(List.of(String.valueOf(a.fileKey()), a.size(), a.lastModifiedTime()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Why the tree as a whole cannot be compared, one line each; empty for a tree in a final state. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Compares one generated file (thread-safe). */
    public Comparison compare(String path, byte[] content, FileKind kind) throws IOException {
        Path target;
        try {
            target = root.resolve(path);
        } catch (WriteRefusedException e) {
            return new Comparison(State.UNREADABLE, null, e.getMessage());
        }
        OnDisk onDisk = OnDisk.inspect(target, kind);
        if (onDisk.absent()) {
            return new Comparison(State.MISSING, null, "");
        }
        if (!onDisk.regular()) {
            return new Comparison(State.UNREADABLE, null, path + ": " + onDisk.kind().phrase()
                    + "; dualstack neither reads nor replaces anything but regular files");
        }
        return switch (Ownership.planned(onDisk, content, null, true)) {
            case UNCHANGED -> new Comparison(State.SAME, onDisk.bytes(), "");
            case WRITE -> onDisk.sameBytes(content)
                    ? new Comparison(State.MODE_DIFFERS, onDisk.bytes(), gitModeLines(onDisk.mode(), Disk.modeBits(kind)))
                    : new Comparison(State.DIFFERS, onDisk.bytes(), onDisk.tooLarge()
                            ? path + ": is " + onDisk.size() + " bytes on disk, too large to show a diff" : "");
            default -> throw new IllegalStateException("a forced write is never refused");
        };
    }

    /** The lines git prints for a change of mode alone. */
    private static String gitModeLines(int onDisk, int generated) {
        return "old mode " + Integer.toOctalString(0100000 | onDisk) + "\nnew mode " + Integer.toOctalString(0100000 | generated);
    }

    /** Files the manifest lists that are not among {@code planned} and still exist (check's "extra" files). */
    public List<Map.Entry<String, Comparison>> extras(Set<String> planned) throws IOException {
        List<Map.Entry<String, Comparison>> out = new ArrayList<>();
        for (String owned : manifest.files().keySet()) {
            if (planned.contains(owned)) {
                continue;
            }
            Path target;
            try {
                target = root.resolve(owned);
            } catch (WriteRefusedException e) {
                out.add(Map.entry(owned, new Comparison(State.UNREADABLE, null, e.getMessage())));
                continue;
            }
            OnDisk onDisk = OnDisk.inspect(target, FileKind.DOCUMENT);
            if (!onDisk.absent()) {
                out.add(Map.entry(owned, onDisk.regular() ? new Comparison(State.DIFFERS, onDisk.bytes(), "")
                        : new Comparison(State.UNREADABLE, null, owned + ": " + onDisk.kind().phrase())));
            }
        }
        return out;
    }

    /**
     * Why what was read may not be one state of the tree: a generate that began after this reader (without a lock
     * file to share, there was nothing to wait on) committed or is committing. Empty when the tree held still.
     */
    public Optional<String> changedWhileReading(String generateCommand) throws IOException {
        List<String> now = interrupted(root, generateCommand);
        if (!now.isEmpty() && problems.isEmpty()) {
            return Optional.of(root.root() + ": a generate started while check was reading; check again when it"
                    + " has finished");
        }
        if (!manifestStamp.equals(manifestStamp(root))) {
            return Optional.of(root.root() + ": a generate changed the tree while check was reading; check again");
        }
        return Optional.empty();
    }

    @Override
    public void close() throws IOException {
        if (lock.isPresent()) {
            lock.get().close();
        }
    }
}
