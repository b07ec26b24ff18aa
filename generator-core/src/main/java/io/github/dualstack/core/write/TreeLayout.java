package io.github.dualstack.core.write;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.List;

/**
 * Where everything of dualstack's own lives in an output tree, and which relative paths may be generated files.
 * The metadata directory {@code .dualstack/} holds the committed manifest and its {@code .gitignore}, and the
 * transient files of a run (lock, in-progress marker, journal, staged manifest, stat cache, temporary files).
 */
final class TreeLayout {

    static final String META = ".dualstack";
    static final String MANIFEST = META + "/manifest.json";
    static final String GITIGNORE = META + "/.gitignore";
    static final String LOCK = META + "/lock";
    static final String IN_PROGRESS = META + "/in-progress";
    static final String JOURNAL = META + "/journal.json";
    static final String STAGED_MANIFEST = META + "/staging.manifest.json";
    static final String STAT_CACHE = META + "/stat-cache";
    /** Suffix of every temporary file in {@code .dualstack/}: only ever renamed into place when complete. */
    static final String TMP_SUFFIX = ".tmp";
    /** The new version of a generated file waits beside it as {@code .NAME.dualstack-new} until the commit. */
    static final String NEW_SUFFIX = ".dualstack-new";

    /** The committed .gitignore: the transient files of a run must never be committed with the tree. */
    static final byte[] GITIGNORE_CONTENT = ("# transient files of a dualstack run; manifest.json is committed with"
            + " the tree\nlock\njournal.json\n*.tmp\nin-progress\nstaging.manifest.json\nstat-cache\n")
            .getBytes(StandardCharsets.UTF_8);

    /** Metadata of version control systems: never a generated file, whatever a manifest says. */
    private static final List<String> VCS_METADATA = List.of(".git", ".hg", ".svn", ".bzr", "_darcs", "CVS", ".jj");
    /** Linux's NAME_MAX and PATH_MAX, in bytes. */
    private static final int MAX_SEGMENT_BYTES = 255;
    private static final int MAX_PATH_BYTES = 4095;

    private TreeLayout() {
    }

    /**
     * Why {@code relative} (from the plan, the manifest or a journal) cannot be a generated file, or empty: it must
     * be a plain relative '/'-separated path, without '.', '..' or empty segments, control characters or
     * backslashes, outside {@code .dualstack/}, outside any VCS metadata directory, and not a staging name.
     */
    static Optional<String> whyNotGenerated(String relative) {
        if (relative.isEmpty() || relative.startsWith("/")) {
            return Optional.of("is not a relative path inside the output directory");
        }
        // Every run checks each path of the manifest and the stat cache (200,000 at 100,000 edges): one pass tells
        // an ASCII path, the usual one, which is measured in chars and walked segment by segment without copies.
        boolean ascii = true;
        boolean control = false;
        for (int i = 0; i < relative.length(); i++) {
            char c = relative.charAt(i);
            control |= c < 0x20 || c == 0x7f || c == '\\';
            ascii &= c < 0x80;
        }
        if (utf8Length(relative, 0, relative.length(), ascii) > MAX_PATH_BYTES) {
            return Optional.of("is longer than " + MAX_PATH_BYTES + " bytes");
        }
        if (control) {
            return Optional.of("holds a control character or a backslash");
        }
        for (int start = 0; start <= relative.length(); ) {
            int slash = relative.indexOf('/', start);
            int end = slash < 0 ? relative.length() : slash;
            int length = end - start;
            if (length == 0 || length <= 2 && relative.startsWith("..".substring(0, length), start)) {
                return Optional.of("has an empty, '.' or '..' segment");
            }
            if (utf8Length(relative, start, end, ascii) > MAX_SEGMENT_BYTES) {
                return Optional.of("has a name longer than " + MAX_SEGMENT_BYTES + " bytes");
            }
            for (String vcs : VCS_METADATA) {
                if (vcs.length() == length && relative.startsWith(vcs, start)) {
                    return Optional.of("is inside version control metadata (" + vcs + ")");
                }
            }
            start = end + 1;
        }
        if (relative.startsWith(META) && (relative.length() == META.length() || relative.charAt(META.length()) == '/')) {
            return Optional.of("is inside dualstack's own metadata directory " + META + "/");
        }
        if (relative.endsWith(NEW_SUFFIX)) {   // the suffix holds no '/': it ends the last segment
            return Optional.of("is a staging name (*" + NEW_SUFFIX + ")");
        }
        return Optional.empty();
    }

    /** The UTF-8 length of {@code s} from {@code start} to {@code end}. */
    private static int utf8Length(String s, int start, int end, boolean ascii) {
        return ascii ? end - start : s.substring(start, end).getBytes(StandardCharsets.UTF_8).length;
    }

    /** The staging name of a generated file: beside it, so that moving it into place is a single rename. */
    static Path newFileFor(Path target) {
        return target.resolveSibling("." + target.getFileName() + NEW_SUFFIX);
    }

    static boolean isStagingName(Path p) {
        String name = p.getFileName().toString();
        return name.startsWith(".") && name.endsWith(NEW_SUFFIX);
    }
}
