package io.github.dualstack.core.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.render.OutputFile;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk (or any I/O error) at every point of a run: the N-th change the writer makes fails, for every N
 * until the run gets through. Whatever N, the run leaves the previous tree and nothing of its own behind, or, when
 * the failure came after its journal, a tree that the next run completes to the new one.
 */
class DiskFaultTest {

    @TempDir
    Path tmp;

    /** Fails the N-th creation, mode change or rename as a full disk does; deletes always work, as they do there. */
    static final class FullDisk extends Disk {
        private final int failAt;
        private int count;

        FullDisk(int failAt) {
            this.failAt = failAt;
        }

        private void tick(Path p) throws IOException {
            if (++count == failAt) {
                throw new FileSystemException(p.toString(), null, "No space left on device");
            }
        }

        boolean failed() {
            return count >= failAt;
        }

        @Override
        void createNew(Path file, byte[] content, Set<PosixFilePermission> mode, boolean durable) throws IOException {
            tick(file);
            super.createNew(file, content, mode, durable);
        }

        @Override
        void createDirectory(Path dir) throws IOException {
            tick(dir);
            super.createDirectory(dir);
        }

        @Override
        void setMode(Path p, Set<PosixFilePermission> mode) throws IOException {
            tick(p);
            super.setMode(p, mode);
        }

        @Override
        void move(Path from, Path to) throws IOException {
            tick(to);
            super.move(from, to);
        }
    }

    private static OutputFile file(String path, String text) {
        return Trees.file(path, text);
    }

    private static final OutputFile[] OLD = {file("cluster/a.yaml", "a: 1\n"), file("cluster/gone.yaml", "g\n"),
            file("scripts/x.sh", "#!/bin/bash\n")};
    private static final OutputFile[] NEW = {file("cluster/a.yaml", "a: 2\n"), file("edge/e1/etc/c.yaml", "c\n"),
            file("edge/e2/etc/c.yaml", "d\n"), file("scripts/x.sh", "#!/bin/bash\n")};

    private static WriteResult write(Path dir, Disk disk, OutputFile... files) throws IOException {
        try (TreeWriter w = TreeWriter.open(dir, TreeWriter.Options.of(false, "1.0", Duration.ofSeconds(5)), disk)) {
            for (OutputFile f : files) {
                w.offer(f);
            }
            return w.commit();
        }
    }

    @Test
    void aFaultAtAnyPointLeavesThePreviousTreeOrOneTheNextRunCompletes() throws Exception {
        Path reference = tmp.resolve("reference");
        write(reference, new Disk(), OLD);
        Map<String, String> oldTree = TreeSnapshot.of(reference);
        write(reference, new Disk(), NEW);
        Map<String, String> newTree = TreeSnapshot.of(reference);
        int previous = 0;
        int completed = 0;
        for (int n = 1; ; n++) {
            Path dir = tmp.resolve("run-" + n);
            write(dir, new Disk(), OLD);
            FullDisk disk = new FullDisk(n);
            try {
                write(dir, disk, NEW);
            } catch (IOException | java.io.UncheckedIOException e) {
                assertThat(e.getMessage()).as("fault %d", n).contains("No space left on device");
            }
            if (!disk.failed()) {
                assertThat(TreeSnapshot.of(dir)).as("no fault: the new tree").isEqualTo(newTree);
                break;
            }
            Map<String, String> after = TreeSnapshot.of(dir);
            if (after.equals(oldTree)) {
                previous++;
            } else {
                // The journal was written: the tree is mid-commit, and the next run (with disk space) completes it;
                // or the commit was through and only the .gitignore that follows it is missing.
                Map<String, String> withoutIgnore = new java.util.TreeMap<>(newTree);
                withoutIgnore.remove(".dualstack/.gitignore");
                assertThat(after.containsKey(".dualstack/journal.json") || after.equals(withoutIgnore))
                        .as("fault %d left %s", n, after.keySet()).isTrue();
                WriteResult next = write(dir, new Disk(), NEW);
                if (after.containsKey(".dualstack/journal.json")) {
                    assertThat(next.recovery()).as("fault %d", n).startsWith("completed an interrupted earlier run");
                }
                assertThat(TreeSnapshot.of(dir)).as("fault %d, completed", n).isEqualTo(newTree);
                completed++;
            }
        }
        assertThat(previous).as("faults before the journal").isGreaterThan(5);
        assertThat(completed).as("faults inside the commit").isPositive();
    }

    @Test
    void aFaultInAFirstRunLeavesNotEvenTheOutputDirectory() throws Exception {
        for (int n = 1; n < 30; n++) {
            Path dir = tmp.resolve("first-" + n + "/generated");
            FullDisk disk = new FullDisk(n);
            try {
                write(dir, disk, NEW);
            } catch (IOException | java.io.UncheckedIOException e) {
                assertThat(e.getMessage()).contains("No space left on device");
            }
            if (!disk.failed()) {
                break;
            }
            Map<String, String> after = TreeSnapshot.of(tmp.resolve("first-" + n));
            assertThat(after.isEmpty() || after.containsKey("generated/.dualstack/journal.json")
                    || after.containsKey("generated/.dualstack/manifest.json"))
                    .as("fault %d left %s", n, after.keySet()).isTrue();
        }
    }
}
