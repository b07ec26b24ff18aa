package io.github.dualstack.core.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dualstack.core.plan.FileKind;
import io.github.dualstack.core.render.OutputFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check's view of a tree: it waits for a generate that holds the tree, sees modes, and sees an unfinished run. */
class TreeReaderTest {

    @TempDir
    Path dir;

    private static final byte[] A = "a: 1\n".getBytes(StandardCharsets.UTF_8);

    @BeforeEach
    void tree() throws IOException {
        try (TreeWriter w = TreeWriter.open(dir, false, "1.0", Duration.ofSeconds(5))) {
            w.offer(new OutputFile("a.yaml", A, FileKind.KUBERNETES));
            w.offer(new OutputFile("x.sh", "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8), FileKind.SCRIPT));
            w.commit();
        }
    }

    private static TreeReader open(Path dir, Duration wait, Runnable onWait) throws IOException {
        return TreeReader.open(dir, wait, onWait, "dualstack generate site.yaml -o gen");
    }

    @Test
    void aModeChangedByHandIsDrift() throws Exception {
        Files.setPosixFilePermissions(dir.resolve("x.sh"), PosixFilePermissions.fromString("rw-r--r--"));
        try (TreeReader r = open(dir, Duration.ofSeconds(1), () -> { })) {
            TreeReader.Comparison c = r.compare("x.sh", "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8), FileKind.SCRIPT);
            assertThat(c.state()).isEqualTo(TreeReader.State.MODE_DIFFERS);
            assertThat(c.note()).isEqualTo("old mode 100644\nnew mode 100755");
            assertThat(r.compare("a.yaml", A, FileKind.KUBERNETES).state()).isEqualTo(TreeReader.State.SAME);
        }
    }

    @Test
    void checkWaitsForAGenerateThatHoldsTheTreeAndSaysSoOnce() throws Exception {
        Trees.LockHolder other = new Trees.LockHolder(dir);
        AtomicInteger notices = new AtomicInteger();
        assertThatThrownBy(() -> open(dir, Duration.ofMillis(400), notices::incrementAndGet))
                .hasMessageContaining("another dualstack run is using " + dir);
        assertThat(notices).hasValue(1);
        CompletableFuture<Boolean> waited = CompletableFuture.supplyAsync(() -> {
            try (TreeReader r = open(dir, Duration.ofSeconds(10), () -> { })) {
                return r.problems().isEmpty();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        Thread.sleep(200);
        assertThat(waited).isNotDone();
        other.close();
        assertThat(waited.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(dir.resolve(TreeLayout.LOCK)).as("the reader leaves no lock file").doesNotExist();
    }

    @Test
    void anInterruptedRunIsReportedWithTheCommandThatCompletesIt() throws Exception {
        Files.write(dir.resolve(TreeLayout.JOURNAL), new Journal(java.util.List.of("a.yaml"), java.util.List.of()).toBytes());
        try (TreeReader r = open(dir, Duration.ofSeconds(1), () -> { })) {
            assertThat(r.problems()).singleElement().asString().isEqualTo(dir + ": a generate was interrupted while"
                    + " committing (.dualstack/journal.json is there), so the tree is part old, part new; run dualstack"
                    + " generate site.yaml -o gen to complete it");
        }
        Files.delete(dir.resolve(TreeLayout.JOURNAL));
        Files.writeString(dir.resolve(TreeLayout.IN_PROGRESS), "");
        try (TreeReader r = open(dir, Duration.ofSeconds(1), () -> { })) {
            assertThat(r.problems()).singleElement().asString().contains("interrupted before committing",
                    "run dualstack generate site.yaml -o gen to remove them");
        }
    }

    @Test
    void aGenerateThatCommitsWhileCheckReadsIsNoticed() throws Exception {
        try (TreeReader r = open(dir, Duration.ofSeconds(1), () -> { })) {
            assertThat(r.changedWhileReading("gen")).isEmpty();
            try (TreeWriter w = TreeWriter.open(dir, false, "1.0", Duration.ofSeconds(1))) {
                w.offer(new OutputFile("a.yaml", "a: 2\n".getBytes(StandardCharsets.UTF_8), FileKind.KUBERNETES));
                w.commit();
            }
            assertThat(r.changedWhileReading("gen")).hasValueSatisfying(m -> assertThat(m)
                    .contains("a generate changed the tree while check was reading; check again"));
        }
    }
}
