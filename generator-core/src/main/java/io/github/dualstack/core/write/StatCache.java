package io.github.dualstack.core.write;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code .dualstack/stat-cache}: how the tree looked on disk right after a run that left it complete, and a
 * fingerprint of that run's inputs (descriptor, templates, generator). When the inputs are the same and no
 * generated file has changed since (same inode, size, mtime, ctime and mode: what git's index compares), the
 * output would be byte-identical to what is there, so a regenerate has nothing to do and can say so without
 * reading, validating or rendering anything. Any difference, a missing or unreadable cache, or traces of an
 * interrupted run mean: do the full run. The cache is per machine (inode numbers), so it is never committed.
 *
 * <p>Like git, it guards against "racy" files: a file changed in the same clock tick as it was recorded would keep
 * its recorded stat. Files whose ctime is within {@link #RACY_WINDOW_NANOS} of the recording are compared by
 * content (sha256) as well.
 */
public final class StatCache {

    static final String PATH = TreeLayout.STAT_CACHE;
    private static final String TMP = TreeLayout.STAT_CACHE + TreeLayout.TMP_SUFFIX;
    private static final String MAGIC = "dualstack-stat-cache 1";
    /** Wider than the timestamp granularity of the file systems a tree lives on (Linux ticks in milliseconds; NFS servers in up to a second). */
    /** An entry is about 150 bytes; room for far more files than any tree has. */
    private static final long MAX_BYTES = 256L * 1024 * 1024;
    static final long RACY_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

    private StatCache() {
    }

    /** One file's identity on disk; {@code sha256} is set only for racy entries, "-" otherwise. */
    private record Entry(String path, long ino, long size, long mtimeNanos, long ctimeNanos, int mode, String sha256) {

        String line() {
            return ino + " " + size + " " + mtimeNanos + " " + ctimeNanos + " " + mode + " " + sha256 + " " + path;
        }

        static Entry parse(String line) {
            String[] f = line.split(" ", 7);
            if (f.length != 7) {
                throw new IllegalArgumentException("bad entry");
            }
            return new Entry(f[6], Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
                    Long.parseLong(f[3]), Integer.parseInt(f[4]), f[5]);
        }
    }

    /**
     * The number of generated files (the manifest and .dualstack/.gitignore not counted) when the tree under
     * {@code root} is exactly as the run with {@code fingerprint} left it; empty when a full run is needed.
     */
    public static Optional<Integer> upToDate(Path root, String fingerprint) {
        Path cache = root.resolve(PATH);
        if (!Files.isDirectory(root.resolve(TreeLayout.META), LinkOption.NOFOLLOW_LINKS)
                || !Files.isRegularFile(cache, LinkOption.NOFOLLOW_LINKS)
                || Files.exists(root.resolve(TreeLayout.IN_PROGRESS), LinkOption.NOFOLLOW_LINKS)
                || Files.exists(root.resolve(TreeLayout.JOURNAL), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        List<Entry> entries = new ArrayList<>();
        // The cache can be committed by anyone (git add -f): read it like every other file of the tree.
        try (BufferedReader in = new BufferedReader(new java.io.StringReader(new String(
                io.github.dualstack.core.fs.SafeFiles.readInTree(cache, MAX_BYTES), StandardCharsets.UTF_8)))) {
            if (!MAGIC.equals(in.readLine()) || !("fingerprint " + fingerprint).equals(in.readLine())) {
                return Optional.empty();
            }
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                Entry e = Entry.parse(line);
                if (!isRecordable(e.path())) {
                    return Optional.empty();
                }
                entries.add(e);
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();   // unreadable or from another version: the full run rewrites it
        }
        if (entries.stream().noneMatch(e -> e.path().equals(Manifest.PATH))) {
            return Optional.empty();
        }
        boolean same = entries.parallelStream().allMatch(e -> unchanged(root, e));
        return same ? Optional.of((int) entries.stream().filter(e -> !e.path().startsWith(".dualstack/")).count())
                : Optional.empty();
    }

    /** Only generated paths and the two committed metadata files are ever recorded. */
    private static boolean isRecordable(String path) {
        return path.equals(TreeLayout.MANIFEST) || path.equals(TreeLayout.GITIGNORE)
                || TreeLayout.whyNotGenerated(path).isEmpty();
    }

    private static boolean unchanged(Path root, Entry recorded) {
        Path file = root.resolve(recorded.path());
        try {
            Entry now = stat(file, recorded.path(), recorded.sha256());
            if (now == null || !now.equals(recorded)) {
                return false;
            }
            return recorded.sha256().equals("-") || recorded.sha256().equals(Hashes.sha256(
                    io.github.dualstack.core.fs.SafeFiles.readInTree(file, OnDisk.MAX_BYTES)));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /**
     * Records {@code files} (path to sha256, as just committed) plus the manifest and .dualstack/.gitignore. Call
     * only while holding the tree's lock, after a commit that left the tree complete.
     */
    static void record(Path root, Map<String, String> files, String fingerprint) throws IOException {
        Path cache = root.resolve(PATH);
        Path tmp = root.resolve(TMP);
        // The file system's own clock, read before any file is looked at: what changed at or after it is racy.
        new Disk().createFresh(tmp, new byte[0], Disk.FILE_MODE, false);
        long now = nanos(Files.getLastModifiedTime(tmp));
        List<String> paths = new ArrayList<>(files.keySet());
        paths.add(Manifest.PATH);
        paths.add(".dualstack/.gitignore");
        List<Entry> entries;
        try {
            entries = paths.parallelStream().map(p -> {
                try {
                    Entry e = stat(root.resolve(p), p, "-");
                    if (e == null) {
                        throw new NoSuchFileException(p);
                    }
                    if (e.ctimeNanos() < now - RACY_WINDOW_NANOS && e.mtimeNanos() < now - RACY_WINDOW_NANOS) {
                        return e;
                    }
                    // The manifest and .gitignore are not in files: hash what is on disk (the run just wrote it).
                    String sha = files.containsKey(p) ? files.get(p) : Hashes.sha256(
                            io.github.dualstack.core.fs.SafeFiles.readInTree(root.resolve(p), Manifest.MAX_BYTES));
                    return new Entry(p, e.ino(), e.size(), e.mtimeNanos(), e.ctimeNanos(), e.mode(), sha);
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }).toList();
        } catch (UncheckedIOException e) {
            Files.deleteIfExists(tmp);
            throw e.getCause();
        }
        try (BufferedWriter out = new BufferedWriter(new java.io.OutputStreamWriter(Files.newOutputStream(tmp,
                java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING,
                LinkOption.NOFOLLOW_LINKS), StandardCharsets.UTF_8))) {
            out.write(MAGIC + "\nfingerprint " + fingerprint + "\n");
            for (Entry e : entries) {
                out.write(e.line());
                out.write('\n');
            }
        }
        Files.move(tmp, cache, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Forgets the recorded state: the next regenerate is full. (A recording that a killed run left half-written is
     * a {@code .tmp} file, which {@link TreeWriter} removes with every other one when it opens the tree.)
     */
    static void invalidate(Path root, Disk disk) throws IOException {
        disk.delete(root.resolve(PATH));
    }

    private static Entry stat(Path file, String path, String sha) throws IOException {
        Map<String, Object> a;
        try {
            a = Files.readAttributes(file, "unix:ino,size,lastModifiedTime,ctime,mode", LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
        return new Entry(path, (Long) a.get("ino"), (Long) a.get("size"), nanos((FileTime) a.get("lastModifiedTime")),
                nanos((FileTime) a.get("ctime")), (Integer) a.get("mode"), sha);
    }

    private static long nanos(FileTime t) {
        return t.to(TimeUnit.NANOSECONDS);
    }
}
