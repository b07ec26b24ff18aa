package io.github.dualstack.core.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The output directory and the only way to a path inside it: a relative '/'-separated path with no '..', no
 * empty or hidden-control segments, and no symbolic link on the way, so nothing can escape the root.
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

    /** The file for a relative path, refusing anything that could leave the root. */
    Path resolve(String relative) throws WriteRefusedException {
        if (relative.isEmpty() || relative.startsWith("/") || relative.contains("\\") || relative.indexOf('\0') >= 0) {
            throw new WriteRefusedException(relative, "is not a relative path inside the output directory");
        }
        Path p = root;
        String[] segments = relative.split("/", -1);
        boolean exists = true;
        for (int i = 0; i < segments.length; i++) {
            String seg = segments[i];
            if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) {
                throw new WriteRefusedException(relative, "has an empty, '.' or '..' segment");
            }
            p = p.resolve(seg);
            boolean directory = i < segments.length - 1;
            if (!exists || (directory && verifiedDirectories.contains(p))) {
                continue;   // verified, or below a directory that does not exist yet: nothing there to be a link
            }
            BasicFileAttributes a = attributes(p);
            if (a == null) {
                exists = false;
            } else if (a.isSymbolicLink()) {
                throw new WriteRefusedException(relative, "passes through the symbolic link " + p
                        + "; dualstack never writes through links in its output directory");
            } else if (directory && a.isDirectory()) {
                verifiedDirectories.add(p);
            }
        }
        if (!p.normalize().startsWith(root)) {
            throw new WriteRefusedException(relative, "resolves outside the output directory");
        }
        return p;
    }

    /** A directory this run just created (so not a link): later paths through it need no check. */
    void created(Path dir) {
        verifiedDirectories.add(dir);
    }

    private static BasicFileAttributes attributes(Path p) throws WriteRefusedException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new WriteRefusedException(p.toString(), "cannot be inspected: " + e.getMessage());
        }
    }

    /** Whether the root holds anything at all (a missing root is empty). */
    boolean isEmpty() throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        try (var s = Files.list(root)) {
            return s.findAny().isEmpty();
        }
    }
}
