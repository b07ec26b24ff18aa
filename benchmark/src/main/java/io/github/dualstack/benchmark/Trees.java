package io.github.dualstack.benchmark;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Walking and deleting the benchmark's directories. */
final class Trees {

    private Trees() {
    }

    /** Every regular file under {@code root}, relative to it, sorted. */
    static List<Path> regularFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    /** What identifies one write of a file: an atomic rename gives it a new inode, any write a new mtime. */
    record Stamp(Object fileKey, FileTime modified, long size) {
    }

    /**
     * Every regular file under {@code root} (relative path with '/') with its stamp, {@code .dualstack/} left out:
     * the generator's own bookkeeping, rewritten by every run that writes.
     */
    static Map<String, Stamp> stamps(Path root) throws IOException {
        Map<String, Stamp> stamps = new HashMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                return d.equals(root.resolve(".dualstack")) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    stamps.put(root.relativize(file).toString().replace('\\', '/'),
                            new Stamp(attrs.fileKey(), attrs.lastModifiedTime(), attrs.size()));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return stamps;
    }

    /** The files created, rewritten or removed between two {@link #stamps} of one tree, sorted. */
    static SortedSet<String> touched(Map<String, Stamp> before, Map<String, Stamp> after) {
        SortedSet<String> touched = new TreeSet<>();
        after.forEach((path, stamp) -> {
            if (!stamp.equals(before.get(path))) {
                touched.add(path);
            }
        });
        before.keySet().stream().filter(path -> !after.containsKey(path)).forEach(touched::add);
        return touched;
    }

    /** Deletes {@code dir} and everything under it (links are deleted, never followed); absent is fine. */
    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
