package io.github.dualstack.core.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The output directory and the only way to a path inside it: a generated path ({@link TreeLayout#whyNotGenerated})
 * with no symbolic link on the way, so nothing can escape the root, whatever a plan, manifest or journal says.
 * The tree is committed to git and git carries links, so every directory on the way is looked at (once per run).
 */
final class OutputRoot {

    private final Path root;
    /** Directories already seen to be real directories, not links: checked once per run, not once per file. */
    private final Set<Path> verifiedDirectories = ConcurrentHashMap.newKeySet();

    OutputRoot(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /** A file of dualstack's own in the tree ({@link TreeLayout}); its directory is checked when the tree opens. */
    Path meta(String layoutPath) {
        return root.resolve(layoutPath);
    }

    /** Why the output directory itself cannot hold a tree, or empty (a missing one is created). */
    Optional<String> rootProblem() throws IOException {
        BasicFileAttributes a = attributes(root);
        if (a == null) {
            return Optional.empty();
        }
        if (a.isSymbolicLink()) {
            return Optional.of(root + ": is a symbolic link; give the directory it points to, so that a link"
                    + " committed in its place cannot send the tree elsewhere");
        }
        if (!a.isDirectory()) {
            return Optional.of(root + ": exists and is not a directory");
        }
        Path meta = root.resolve(TreeLayout.META);
        BasicFileAttributes m = attributes(meta);
        if (m != null && !m.isDirectory()) {
            return Optional.of(meta + ": is " + (m.isSymbolicLink() ? "a symbolic link" : "not a directory")
                    + "; dualstack keeps its metadata only in a real directory. Remove it (git rm) to continue");
        }
        return Optional.empty();
    }

    /**
     * A generated file's path as {@link #resolve} found it: {@code firstAbsentDirectory} is the first directory on
     * the way that does not exist (null when all do), and {@code absent} tells that the file itself does not, so
     * that a writer neither looks again at what this walk saw missing nor probes directories it must create.
     */
    record Resolved(Path path, Path firstAbsentDirectory, boolean absent) {
    }

    /** The file for a relative path, refusing anything that could leave the root or is not a generated file. */
    Path resolve(String relative) throws WriteRefusedException {
        return inspect(relative).path();
    }

    /**
     * A name to rename onto or unlink: every directory on the way is checked as by {@link #resolve}, the name itself
     * is not, as rename(2) and unlink(2) act on the name and never through a link there.
     */
    Path name(String relative) throws WriteRefusedException {
        Path parent = root.resolve(relative).getParent();
        if (parent == null || !(parent.equals(root) || verifiedDirectories.contains(parent))) {
            return resolve(relative);   // a directory not yet checked in this run: the whole walk
        }
        Optional<String> why = TreeLayout.whyNotGenerated(relative);
        if (why.isPresent()) {
            throw new WriteRefusedException(relative, why.get());
        }
        return root.resolve(relative);
    }

    /** {@link #resolve}, with what the walk saw missing. */
    Resolved inspect(String relative) throws WriteRefusedException {
        Optional<String> why = TreeLayout.whyNotGenerated(relative);
        if (why.isPresent()) {
            throw new WriteRefusedException(relative, why.get());
        }
        Path p = root;
        String[] segments = relative.split("/", -1);
        boolean exists = true;
        Path firstAbsent = null;
        for (int i = 0; i < segments.length; i++) {
            p = p.resolve(segments[i]);
            boolean directory = i < segments.length - 1;
            if (!exists || (directory && verifiedDirectories.contains(p))) {
                continue;   // verified, or below a directory that does not exist yet: nothing there to be a link
            }
            BasicFileAttributes a;
            try {
                a = attributes(p);
            } catch (IOException e) {
                throw new WriteRefusedException(relative, "cannot be inspected: "
                        + io.github.dualstack.core.fs.SafeFiles.describe(e));
            }
            if (a == null) {
                exists = false;
                firstAbsent = directory ? p : null;
            } else if (a.isSymbolicLink()) {
                throw new WriteRefusedException(relative, "passes through the symbolic link " + root.relativize(p)
                        + "; dualstack never reads or writes through links in its output directory");
            } else if (directory && !a.isDirectory()) {
                throw new WriteRefusedException(relative, root.relativize(p) + " is not a directory");
            } else if (directory) {
                verifiedDirectories.add(p);
            }
        }
        return new Resolved(p, firstAbsent, !exists);
    }

    /** A directory this run just created (so not a link): later paths through it need no check. */
    void created(Path dir) {
        verifiedDirectories.add(dir);
    }

    private static BasicFileAttributes attributes(Path p) throws IOException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
