package io.github.dualstack.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The physical floor: the time to write exactly the files of a generated tree (same relative paths, same bytes,
 * {@code .dualstack/} included) into an empty directory with plain Java writes, one thread, nothing rendered,
 * checked, staged, renamed or synced. Each file's bytes are read from the generated tree just before it is
 * written; only {@code Files.createDirectories} (once per directory) and {@code Files.write} are timed.
 */
final class Floor {

    /** {@code edgeBytes}: the bytes of the files under {@code edge/}, the per-edge share of the tree. */
    record Result(double seconds, int files, long bytes, long edgeBytes) {
    }

    private Floor() {
    }

    static Result write(Path tree, Path target) throws IOException {
        if (Files.exists(target)) {
            throw new IOException("floor target must not exist: " + target);
        }
        List<Path> files = Trees.regularFiles(tree);
        Set<Path> made = new HashSet<>();
        long nanos = 0;
        long bytes = 0;
        long edgeBytes = 0;
        for (Path rel : files) {
            byte[] data = Files.readAllBytes(tree.resolve(rel));
            Path to = target.resolve(rel.toString());
            long start = System.nanoTime();
            Path dir = to.getParent();
            if (made.add(dir)) {
                Files.createDirectories(dir);
            }
            Files.write(to, data);
            nanos += System.nanoTime() - start;
            bytes += data.length;
            if (rel.startsWith("edge")) {
                edgeBytes += data.length;
            }
        }
        return new Result(nanos / 1e9, files.size(), bytes, edgeBytes);
    }
}
