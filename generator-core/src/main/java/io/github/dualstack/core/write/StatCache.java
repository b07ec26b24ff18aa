package io.github.dualstack.core.write;

import io.github.dualstack.core.Sha256;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;

/**
 * {@code .dualstack/stat-cache}: how the tree looked on disk right after a run that left it complete, and a
 * fingerprint of that run's inputs (descriptor, templates, generator). When the inputs are the same and no
 * generated file has changed since (same inode, size, mtime, ctime and mode: what git's index compares), the
 * output would be byte-identical to what is there, so a regenerate has nothing to do and can say so without
 * reading, validating or rendering anything. Any difference, a missing or unreadable cache, or traces of an
 * interrupted run mean: do the full run. The cache is per machine (inode numbers), so it is never committed.
 *
 * <p>It also records each file's render key (its template, header and view as one hash, {@code Renderer.key})
 * under a fingerprint of what rendering depends on beside them (generator, overrides, descriptor name): a run
 * whose descriptor changed takes a file it would render to the same key, and whose stat is as recorded, without
 * rendering or reading it ({@link Previous}). The run's descriptor warnings are recorded too, and an up-to-date
 * answer reports them again. A run with a baseline records no input fingerprint (its captures must be read every
 * time) but still its keys.
 *
 * <p>Like git, it guards against "racy" files: a file changed in the same clock tick as it was recorded would keep
 * its recorded stat. Files whose mtime is within {@link #RACY_WINDOW_NANOS} of the recording are compared by
 * content (sha256) as well, until a run confirms the content of one whose mtime is by then outside the window.
 * As in git, the mtime decides: every edit sets it, while a rename (each commit renames its files into place) sets
 * only the ctime, and would make a third of a 200,000-file tree racy for nothing. The ctime still takes part in
 * telling whether a file changed.
 */
public final class StatCache {

    static final String PATH = TreeLayout.STAT_CACHE;
    private static final String TMP = TreeLayout.STAT_CACHE + TreeLayout.TMP_SUFFIX;
    private static final String MAGIC = "dualstack-stat-cache 3";
    /** Recorded instead of an input fingerprint when the tree must never be taken as up to date. */
    private static final String NO_FINGERPRINT = "-";
    /** Wider than the timestamp granularity of the file systems a tree lives on (Linux ticks in milliseconds; NFS servers in up to a second). */
    /** An entry is about 150 bytes; room for far more files than any tree has. */
    private static final long MAX_BYTES = 256L * 1024 * 1024;
    static final long RACY_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

    private StatCache() {
    }

    /**
     * One file's identity on disk; {@code sha256} is set only for racy entries, "-" otherwise; {@code key} is the
     * render key it was written from, "-" for the metadata files. An entry read from a cache knows where its
     * {@link #line} stands there ({@code lineBegin} to {@code lineEnd}, or -1), so that a recording can copy it.
     */
    private record Entry(String path, long ino, long size, long mtimeNanos, long ctimeNanos, int mode, String sha256,
                         String key, int lineBegin, int lineEnd) {

        static final int NOWHERE = -1;

        String line() {
            return ino + " " + size + " " + mtimeNanos + " " + ctimeNanos + " " + mode + " " + sha256 + " " + key + " "
                    + path;
        }

        /**
         * The entry of the {@link #line} {@code text[begin, end)}, its numbers parsed in place (200,000 lines at
         * 100,000 edges). An edge node's files share their render key, and most entries are not racy: a key equal
         * to {@code before}'s, and "-", are taken, not copied.
         */
        static Entry parse(String text, int begin, int end, Entry before) {
            int[] space = new int[7];
            for (int i = 0, from = begin; i < space.length; i++) {
                space[i] = text.indexOf(' ', from);
                if (space[i] < 0 || space[i] >= end) {
                    throw new IllegalArgumentException("bad entry");
                }
                from = space[i] + 1;
            }
            return new Entry(text.substring(space[6] + 1, end), number(text, begin, space[0]),
                    number(text, space[0] + 1, space[1]), number(text, space[1] + 1, space[2]),
                    number(text, space[2] + 1, space[3]), Math.toIntExact(number(text, space[3] + 1, space[4])),
                    field(text, space[4] + 1, space[5], "-"),
                    field(text, space[5] + 1, space[6], before == null ? "-" : before.key()), begin, end);
        }

        /** {@code text[begin, end)}, as {@code known} when it holds the same. */
        private static String field(String text, int begin, int end, String known) {
            return end - begin == known.length() && text.startsWith(known, begin) ? known : text.substring(begin, end);
        }

        private static long number(String line, int begin, int end) {
            return Long.parseLong(line, begin, end, 10);
        }

        /** This entry with {@code sha} ("-": not racy) instead of its own. */
        Entry withSha(String sha) {
            return new Entry(path, ino, size, mtimeNanos, ctimeNanos, mode, sha, key, NOWHERE, NOWHERE);
        }

        boolean sameFile(Entry now) {
            return ino == now.ino && size == now.size && mtimeNanos == now.mtimeNanos && ctimeNanos == now.ctimeNanos
                    && mode == now.mode;
        }
    }

    /**
     * The lines of a cache's text (each ended by '\n', as {@link #record} writes them), without copying each line
     * into a string of its own: an entry is parsed where it stands. A '\r' stays in its line: in a number or a path
     * it makes the whole cache untrusted, in a key it matches none.
     */
    private static final class Lines {
        final String text;
        int start;
        int end;
        /** Where the line after the current one starts. */
        private int after;

        Lines(String text) {
            this.text = text;
        }

        /** Moves to the next line: {@code text[start, end)}; false at the end. */
        boolean advance() {
            if (after >= text.length()) {
                return false;
            }
            start = after;
            int nl = text.indexOf('\n', start);
            end = nl < 0 ? text.length() : nl;
            after = end + 1;
            return true;
        }

        /** The next line, or null at the end. */
        String next() {
            return advance() ? text.substring(start, end) : null;
        }
    }

    /** What a cache file holds ({@code bytes}: the file itself), or empty when it cannot be trusted at all. */
    private record Recorded(List<String> warnings, List<Entry> entries, byte[] bytes) {

        /**
         * The cache's bytes when each of them is one character of its text, so that an entry's line is where its
         * characters are; looked at only by a run that may copy lines, not by the up-to-date check.
         */
        Optional<byte[]> ascii() {
            for (byte b : bytes) {
                if (b < 0) {
                    return Optional.empty();
                }
            }
            return Optional.of(bytes);
        }
    }

    /**
     * A tree exactly as the run with the same inputs left it: its number of generated files and that run's
     * warnings, each one line as the caller recorded it, to be reported again.
     */
    public record UpToDate(int files, List<String> warnings) {
        public UpToDate {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * The cache, when {@code wanted} accepts its input fingerprint and rendering fingerprint: a cache of other
     * inputs is not parsed any further. With {@code everyPath}, for a caller that stats every entry, an entry whose
     * path the tree could not hold distrusts the whole cache; a caller that only looks entries up by its own
     * generated paths can never reach such an entry, and skips the check of 200,000 paths at 100,000 edges.
     */
    private static Optional<Recorded> read(Path root, BiPredicate<String, String> wanted, boolean everyPath) {
        Path cache = root.resolve(PATH);
        if (!Files.isDirectory(root.resolve(TreeLayout.META), LinkOption.NOFOLLOW_LINKS)
                || !Files.isRegularFile(cache, LinkOption.NOFOLLOW_LINKS)
                || Files.exists(root.resolve(TreeLayout.IN_PROGRESS), LinkOption.NOFOLLOW_LINKS)
                || Files.exists(root.resolve(TreeLayout.JOURNAL), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        List<Entry> entries = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String fingerprint;
        String rendering;
        byte[] bytes;
        // The cache can be committed by anyone (git add -f): read it like every other file of the tree.
        try {
            bytes = io.github.dualstack.core.fs.SafeFiles.readInTree(cache, MAX_BYTES);
            Lines in = new Lines(new String(bytes, StandardCharsets.UTF_8));
            if (!MAGIC.equals(in.next())) {
                return Optional.empty();
            }
            String fingerprintLine = in.next();
            String renderingLine = in.next();
            if (fingerprintLine == null || renderingLine == null || !fingerprintLine.startsWith("fingerprint ")
                    || !renderingLine.startsWith("rendering ")) {
                return Optional.empty();
            }
            fingerprint = fingerprintLine.substring("fingerprint ".length());
            rendering = renderingLine.substring("rendering ".length());
            if (!wanted.test(fingerprint, rendering)) {
                return Optional.empty();
            }
            String warningsLine = in.next();
            if (warningsLine == null || !warningsLine.startsWith("warnings ")) {
                return Optional.empty();
            }
            for (int i = Integer.parseInt(warningsLine.substring("warnings ".length())); i > 0; i--) {
                String w = in.next();
                if (w == null || !w.startsWith("w ")) {
                    return Optional.empty();
                }
                warnings.add(w.substring(2));
            }
            Entry before = null;
            while (in.advance()) {
                Entry e = Entry.parse(in.text, in.start, in.end, before);
                if (everyPath && !isRecordable(e.path())) {
                    return Optional.empty();
                }
                entries.add(e);
                before = e;
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();   // unreadable or from another version: the full run rewrites it
        }
        Optional<Entry> manifest = entries.stream().filter(e -> e.path().equals(Manifest.PATH)).findFirst();
        if (manifest.isEmpty() || !unchanged(root, manifest.get())) {
            return Optional.empty();   // the manifest is what reused files are taken from: it must be as recorded
        }
        return Optional.of(new Recorded(warnings, entries, bytes));
    }

    /**
     * The number of generated files (the manifest and .dualstack/.gitignore not counted) when the tree under
     * {@code root} is exactly as the run with {@code fingerprint} left it; empty when a full run is needed.
     */
    public static Optional<UpToDate> upToDate(Path root, String fingerprint) {
        if (NO_FINGERPRINT.equals(fingerprint)) {
            return Optional.empty();
        }
        Optional<Recorded> recorded = read(root, (input, rendering) -> input.equals(fingerprint), true);
        if (recorded.isEmpty()) {
            return Optional.empty();
        }
        List<Entry> entries = recorded.get().entries();
        boolean same = entries.parallelStream().allMatch(e -> unchanged(root, e));
        return same ? Optional.of(new UpToDate((int) entries.stream().filter(e -> !e.path().startsWith(".dualstack/"))
                .count(), recorded.get().warnings())) : Optional.empty();
    }

    /**
     * The files of the run recorded with the same {@code rendering} fingerprint, by path, which a run may take as
     * they are when it would render them to the same key; none when the record is missing, of another rendering,
     * or the tree was left mid-run. Read under the tree's lock, after recovery.
     */
    static Previous previous(Path root, String rendering) {
        Optional<Recorded> recorded = read(root, (input, recordedRendering) -> recordedRendering.equals(rendering),
                false);
        if (recorded.isEmpty()) {
            return none(root);
        }
        Map<String, Entry> byPath = new java.util.HashMap<>(recorded.get().entries().size() * 4 / 3 + 1);
        for (Entry e : recorded.get().entries()) {
            if (!e.key().equals("-")) {
                byPath.put(e.path(), e);
            }
        }
        try {
            return new Previous(root, true, byPath, recorded.get().ascii(), clock(root) - RACY_WINDOW_NANOS);
        } catch (IOException | UncheckedIOException e) {
            return none(root);   // a tree that cannot be written to: the run itself says so
        }
    }

    /** No previous run: nothing to reuse. */
    static Previous none(Path root) {
        return new Previous(root, false, Map.of(), Optional.empty(), Long.MIN_VALUE);
    }

    /**
     * The file system's own clock, in nanoseconds, read without keeping the recording's temporary file (which
     * {@link #record} creates again, and {@link TreeWriter} removes if a run is killed meanwhile).
     */
    private static long clock(Path root) throws IOException {
        Path tmp = root.resolve(TMP);
        try {
            return createForClock(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Creates {@code tmp} empty, afresh, and returns its mtime: the file system's own clock, in nanoseconds. */
    private static long createForClock(Path tmp) throws IOException {
        new Disk().createFresh(tmp, new byte[0], Disk.FILE_MODE, false);
        return nanos(Files.getLastModifiedTime(tmp, LinkOption.NOFOLLOW_LINKS));
    }

    /** A previous run's files, each reusable when its key is the same and it is on disk as that run left it. */
    public static final class Previous {
        private final Path root;
        private final Map<String, Entry> byPath;
        private final Map<String, Entry> confirmed;
        /** The recorded cache's bytes, when its entries' lines can be copied from them ({@link Recorded#ascii}). */
        private final Optional<byte[]> lines;
        /** Whether there is a previous run's record at all. */
        private final boolean recorded;
        /**
         * The racy window before the file system's clock as this run began to confirm files: a stat from before
         * this is settled, as no confirmation looked earlier.
         */
        private final long settledBefore;

        private Previous(Path root, boolean recorded, Map<String, Entry> byPath, Optional<byte[]> lines,
                         long settledBefore) {
            this.root = root;
            this.recorded = recorded;
            this.byPath = byPath;
            this.lines = lines;
            this.confirmed = new ConcurrentHashMap<>(byPath.size());
            this.settledBefore = settledBefore;
        }

        /**
         * Whether the manifest is the one the previous run committed, untouched since: it is, for any record at all,
         * as a record is trusted only when the manifest is as recorded ({@link #read}).
         */
        boolean vouchesForManifest() {
            return recorded;
        }

        /** How many files the previous run recorded with a render key. */
        public int files() {
            return byPath.size();
        }

        /** True when {@code path} was written from {@code key} and is still exactly what that run left. */
        public boolean unchanged(String path, String key) {
            Entry e = byPath.get(path);
            if (e != null && e.key().equals(key) && StatCache.unchanged(root, e)) {
                confirmed.put(path, e);
                return true;
            }
            return false;
        }

        /**
         * The entry {@link #unchanged} confirmed for {@code path} and {@code key}: as the file still was then, and
         * is still, unless this run wrote it since.
         */
        private Entry confirmed(String path, String key) {
            Entry e = confirmed.get(path);
            if (e == null || !e.key().equals(key)) {
                return null;
            }
            // A racy entry whose content this run confirmed, and whose mtime was already outside the racy window
            // when it looked: an edit since then would have changed the mtime, so the stat alone tells from now
            // on. Kept racy, it would be read and hashed again by every run.
            boolean settled = e.mtimeNanos() < settledBefore;
            return settled && !e.sha256().equals("-") ? e.withSha("-") : e;
        }
    }

    /** Only generated paths and the two committed metadata files are ever recorded. */
    private static boolean isRecordable(String path) {
        return path.equals(TreeLayout.MANIFEST) || path.equals(TreeLayout.GITIGNORE)
                || TreeLayout.whyNotGenerated(path).isEmpty();
    }

    private static boolean unchanged(Path root, Entry recorded) {
        Path file = root.resolve(recorded.path());
        try {
            Entry now = stat(file, recorded.path(), recorded.sha256(), recorded.key());
            if (now == null || !recorded.sameFile(now)) {
                return false;
            }
            return recorded.sha256().equals("-") || recorded.sha256().equals(Sha256.of(
                    io.github.dualstack.core.fs.SafeFiles.readInTree(file, OnDisk.MAX_BYTES)));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /**
     * Records {@code files} (path to sha256, as just committed, each with its render key in {@code keys}) plus the
     * manifest and .dualstack/.gitignore, under the run's input {@code fingerprint} (empty: never up to date) and
     * {@code rendering} fingerprint. Call only while holding the tree's lock, after a commit that left the tree
     * complete. The entries that {@code previous} confirmed for a file this run did not write ({@code written}) are
     * taken as they are instead of looking at the file again: at 100,000 edges a one-node change looks at 3 files
     * here instead of 200,000, and a file edited by hand since this run looked at it is not recorded as this run's
     * output.
     */
    static void record(Path root, Map<String, String> files, Map<String, String> keys, Optional<String> fingerprint,
                       String rendering, List<String> warnings, Previous previous, Set<String> written)
            throws IOException {
        if (warnings.stream().anyMatch(w -> w.indexOf('\n') >= 0 || w.indexOf('\r') >= 0)) {
            throw new IllegalArgumentException("a recorded warning is one line");
        }
        Path cache = root.resolve(PATH);
        Path tmp = root.resolve(TMP);
        // The file system's own clock, read before any file is looked at: what changed at or after it is racy.
        long now = createForClock(tmp);
        List<String> paths = new ArrayList<>(files.keySet());
        paths.add(Manifest.PATH);
        paths.add(".dualstack/.gitignore");
        List<Entry> entries;
        try {
            // Each file is looked at on every core.
            entries = paths.parallelStream().map(p -> {
                try {
                    Entry known = written.contains(p) ? null : previous.confirmed(p, keys.getOrDefault(p, "-"));
                    if (known != null) {
                        return known;
                    }
                    Entry e = stat(root.resolve(p), p, "-", keys.getOrDefault(p, "-"));
                    if (e == null) {
                        throw new NoSuchFileException(p);
                    }
                    if (e.mtimeNanos() < now - RACY_WINDOW_NANOS) {
                        return e;
                    }
                    // The manifest and .gitignore are not in files: hash what is on disk (the run just wrote it).
                    String sha = files.containsKey(p) ? files.get(p) : Sha256.of(
                            io.github.dualstack.core.fs.SafeFiles.readInTree(root.resolve(p), Manifest.MAX_BYTES));
                    return e.withSha(sha);
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }).toList();
        } catch (UncheckedIOException e) {
            Files.deleteIfExists(tmp);
            throw e.getCause();
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp,
                java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING,
                LinkOption.NOFOLLOW_LINKS), 1 << 16)) {
            StringBuilder head = new StringBuilder(MAGIC + "\nfingerprint " + fingerprint.orElse(NO_FINGERPRINT)
                    + "\nrendering " + rendering + "\nwarnings " + warnings.size() + "\n");
            warnings.forEach(w -> head.append("w ").append(w).append('\n'));
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            for (Entry e : entries) {
                // An entry taken as it was recorded is its recorded line (most of them, in a run that changed
                // little): copied, not made again.
                if (e.lineBegin() != Entry.NOWHERE && previous.lines.isPresent()) {
                    out.write(previous.lines.get(), e.lineBegin(), e.lineEnd() - e.lineBegin());
                } else {
                    out.write(e.line().getBytes(StandardCharsets.UTF_8));
                }
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

    private static Entry stat(Path file, String path, String sha, String key) throws IOException {
        Map<String, Object> a;
        try {
            a = Files.readAttributes(file, "unix:ino,size,lastModifiedTime,ctime,mode", LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
        return new Entry(path, (Long) a.get("ino"), (Long) a.get("size"), nanos((FileTime) a.get("lastModifiedTime")),
                nanos((FileTime) a.get("ctime")), (Integer) a.get("mode"), sha, key, Entry.NOWHERE, Entry.NOWHERE);
    }

    private static long nanos(FileTime t) {
        return t.to(TimeUnit.NANOSECONDS);
    }
}
