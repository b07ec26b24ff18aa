package io.github.dualstack.core.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dualstack.core.Sha256;
import io.github.dualstack.core.render.OutputFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeWriterTest {

    @TempDir
    Path dir;

    private static OutputFile file(String path, String text) {
        return Trees.file(path, text);
    }

    private WriteResult write(boolean force, OutputFile... files) throws IOException {
        return Trees.write(dir, force, files);
    }

    private String read(String rel) throws IOException {
        return Files.readString(dir.resolve(rel));
    }

    @Test
    void theTemporaryFilesOfARunKilledWhileWritingAMarkerOrTheJournalAreRemoved() throws Exception {
        write(false, file("cluster/a.yaml", "a: 1\n"));
        for (String tmp : new String[] {"in-progress.tmp", "journal.json.tmp", "stat-cache.tmp"}) {
            Files.write(dir.resolve(".dualstack").resolve(tmp), new byte[0]);
        }
        WriteResult r = write(false, file("cluster/a.yaml", "a: 1\n"));
        assertThat(r.noOp()).isTrue();
        assertThat(r.recovery()).isEmpty();
        assertThat(dir.resolve(".dualstack")).isDirectoryNotContaining("glob:**.tmp");
        assertThat(read("cluster/a.yaml")).isEqualTo("a: 1\n");
    }

    @Test
    void writesFilesWithModesAndAManifestOfSha256() throws Exception {
        WriteResult r = write(false, file("cluster/a.yaml", "a: 1\n"), file("scripts/x.sh", "#!/bin/bash\n"));
        assertThat(r.written()).containsExactly("cluster/a.yaml", "scripts/x.sh");
        assertThat(read("cluster/a.yaml")).isEqualTo("a: 1\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("cluster/a.yaml"))))
                .isEqualTo("rw-r--r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("scripts/x.sh"))))
                .isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("cluster"))))
                .isEqualTo("rwxr-xr-x");
        Manifest m = Manifest.read(dir);
        assertThat(m.generatorVersion()).isEqualTo("1.0");
        assertThat(m.files()).containsEntry("cluster/a.yaml", Sha256.of("a: 1\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.exists(dir.resolve(TreeWriter.IN_PROGRESS))).isFalse();
        assertThat(Files.exists(dir.resolve(Journal.PATH))).isFalse();
        assertThat(Files.exists(dir.resolve("cluster/.a.yaml" + TreeWriter.NEW_SUFFIX))).isFalse();
    }

    @Test
    void aNoOpRunWritesNothingAndKeepsMtimes() throws Exception {
        write(false, file("cluster/a.yaml", "a: 1\n"));
        FileTime old = FileTime.fromMillis(1_000_000_000L);
        Files.setLastModifiedTime(dir.resolve("cluster/a.yaml"), old);
        Files.setLastModifiedTime(dir.resolve(Manifest.PATH), old);
        WriteResult r = write(false, file("cluster/a.yaml", "a: 1\n"));
        assertThat(r.noOp()).isTrue();
        assertThat(r.unchanged()).isEqualTo(1);
        assertThat(Files.getLastModifiedTime(dir.resolve("cluster/a.yaml"))).isEqualTo(old);
        assertThat(Files.getLastModifiedTime(dir.resolve(Manifest.PATH))).isEqualTo(old);
    }

    @Test
    void changingOneFileRewritesOnlyThatFileAndTheManifest() throws Exception {
        write(false, file("a.yaml", "a: 1\n"), file("b.yaml", "b: 1\n"));
        FileTime old = FileTime.fromMillis(1_000_000_000L);
        Files.setLastModifiedTime(dir.resolve("a.yaml"), old);
        WriteResult r = write(false, file("a.yaml", "a: 1\n"), file("b.yaml", "b: 2\n"));
        assertThat(r.written()).containsExactly("b.yaml");
        assertThat(Files.getLastModifiedTime(dir.resolve("a.yaml"))).isEqualTo(old);
        assertThat(Manifest.read(dir).files().get("b.yaml")).isEqualTo(Sha256.of("b: 2\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aHandEditedFileIsReportedWithADiffAndNothingIsWritten() throws Exception {
        write(false, file("a.yaml", "a: 1\n"), file("b.yaml", "b: 1\n"));
        Files.writeString(dir.resolve("a.yaml"), "a: 42\n");
        WriteResult r = write(false, file("a.yaml", "a: 1\n"), file("b.yaml", "b: 2\n"));
        assertThat(r.refused()).isTrue();
        assertThat(r.refusals()).singleElement().asString()
                .contains("a.yaml: was edited by hand", "--force", "--- a/a.yaml", "+++ b/a.yaml", "-a: 42", "+a: 1");
        assertThat(read("a.yaml")).isEqualTo("a: 42\n");
        assertThat(read("b.yaml")).isEqualTo("b: 1\n");   // all or nothing
        WriteResult forced = write(true, file("a.yaml", "a: 1\n"), file("b.yaml", "b: 2\n"));
        assertThat(forced.written()).containsExactly("a.yaml", "b.yaml");
        assertThat(read("a.yaml")).isEqualTo("a: 1\n");
    }

    @Test
    void filesOfOthersAreNeverTouched() throws Exception {
        write(false, file("cluster/a.yaml", "a: 1\n"));
        Files.writeString(dir.resolve("cluster/mine.yaml"), "mine\n");
        Files.writeString(dir.resolve("cluster/b.yaml"), "someone else's\n");
        WriteResult r = write(false, file("cluster/a.yaml", "a: 2\n"), file("cluster/b.yaml", "b: 1\n"));
        assertThat(r.refusals()).singleElement().asString().startsWith("cluster/b.yaml: exists but was not written by dualstack");
        assertThat(read("cluster/b.yaml")).isEqualTo("someone else's\n");
        assertThat(read("cluster/a.yaml")).isEqualTo("a: 1\n");
        write(false, file("cluster/a.yaml", "a: 2\n"));
        assertThat(read("cluster/mine.yaml")).isEqualTo("mine\n");
    }

    @Test
    void ownedFilesNoLongerPlannedAreRemovedOnlyWhenUnmodified() throws Exception {
        write(false, file("edge/e1/x.yaml", "x\n"), file("edge/e2/x.yaml", "y\n"), file("keep.yaml", "k\n"));
        WriteResult r = write(false, file("keep.yaml", "k\n"));
        assertThat(r.removed()).containsExactly("edge/e1/x.yaml", "edge/e2/x.yaml");
        assertThat(Files.exists(dir.resolve("edge"))).isFalse();   // emptied directories go too
        write(false, file("edge/e3/x.yaml", "z\n"), file("keep.yaml", "k\n"));
        Files.writeString(dir.resolve("edge/e3/x.yaml"), "edited\n");
        WriteResult refused = write(false, file("keep.yaml", "k\n"));
        assertThat(refused.refusals()).singleElement().asString().contains("edge/e3/x.yaml: is no longer generated but was edited");
        assertThat(read("edge/e3/x.yaml")).isEqualTo("edited\n");
    }

    @Test
    void aNonEmptyDirectoryWithoutManifestIsRefusedUnlessForced() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "hello\n");
        WriteResult r = write(false, file("a.yaml", "a\n"));
        assertThat(r.refusals()).singleElement().asString().contains("holds no .dualstack/manifest.json", "--force");
        assertThat(Files.exists(dir.resolve("a.yaml"))).isFalse();
        assertThat(write(true, file("a.yaml", "a\n")).written()).containsExactly("a.yaml");
        assertThat(read("notes.txt")).isEqualTo("hello\n");
    }

    @Test
    void nothingEscapesTheRootThroughDotsOrSymlinks() throws Exception {
        Path outside = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-outside"));
        Files.createDirectories(dir.resolve("edge"));
        Files.createSymbolicLink(dir.resolve("edge/evil"), outside);
        WriteResult r = write(true, file("../escape.yaml", "x\n"), file("edge/evil/x.yaml", "x\n"),
                file("ok.yaml", "ok\n"));
        assertThat(r.refusals()).hasSize(2);
        assertThat(r.refusals().toString()).contains("'..'", "symbolic link");
        assertThat(Files.list(outside).count()).isZero();
        assertThat(Files.exists(dir.resolveSibling("escape.yaml"))).isFalse();
        assertThat(Files.exists(dir.resolve("ok.yaml"))).isFalse();
    }

    @Test
    void aJournalLeftByAKilledRunIsCompletedBeforeAnythingElse() throws Exception {
        write(false, file("a.yaml", "old\n"), file("gone.yaml", "g\n"));
        // What a run killed right after writing its journal leaves: new files, staged manifest, journal.
        Files.writeString(dir.resolve(TreeWriter.IN_PROGRESS), "");
        Files.writeString(dir.resolve(".a.yaml" + TreeWriter.NEW_SUFFIX), "new\n");
        Map<String, String> files = new TreeMap<>(Map.of("a.yaml", Sha256.of("new\n".getBytes(StandardCharsets.UTF_8))));
        Files.write(dir.resolve(Journal.STAGED_MANIFEST), new Manifest("1.0", new TreeMap<>(files)).toBytes());
        Files.write(dir.resolve(Journal.PATH), new Journal(List.of("a.yaml"), List.of("gone.yaml")).toBytes());
        WriteResult r = write(false, file("a.yaml", "new\n"));
        assertThat(r.recovery()).startsWith("completed an interrupted earlier run");
        assertThat(r.noOp()).isTrue();
        assertThat(read("a.yaml")).isEqualTo("new\n");
        assertThat(Files.exists(dir.resolve("gone.yaml"))).isFalse();
        assertThat(Manifest.read(dir).files()).containsOnlyKeys("a.yaml");
    }

    @Test
    void stagingLeftBeforeTheJournalIsDiscardedAndThePreviousTreeStands() throws Exception {
        write(false, file("a.yaml", "old\n"));
        Files.writeString(dir.resolve(TreeWriter.IN_PROGRESS), "");
        Files.createDirectories(dir.resolve("edge/new-node"));
        Files.writeString(dir.resolve(".a.yaml" + TreeWriter.NEW_SUFFIX), "half-done\n");
        Files.writeString(dir.resolve("edge/new-node/.x.yaml" + TreeWriter.NEW_SUFFIX), "half-done\n");
        WriteResult r = write(false, file("a.yaml", "old\n"));
        assertThat(r.recovery()).startsWith("discarded 2 new file(s)");
        assertThat(read("a.yaml")).isEqualTo("old\n");
        assertThat(Files.exists(dir.resolve(".a.yaml" + TreeWriter.NEW_SUFFIX))).isFalse();
        assertThat(Files.exists(dir.resolve("edge/new-node/.x.yaml" + TreeWriter.NEW_SUFFIX))).isFalse();
        assertThat(Files.exists(dir.resolve(TreeWriter.IN_PROGRESS))).isFalse();
    }

    @Test
    void aSecondRunWaitsForTheLockAndGivesUpWithAClearMessage() throws Exception {
        java.util.concurrent.atomic.AtomicInteger notices = new java.util.concurrent.atomic.AtomicInteger();
        TreeWriter.Options waitBriefly = new TreeWriter.Options(false, "--force", "dualstack generate", f -> { }, "1.0",
                Duration.ofMillis(500), notices::incrementAndGet, java.util.Optional.empty());
        try (Trees.LockHolder other = new Trees.LockHolder(dir)) {
            assertThatThrownBy(() -> TreeWriter.open(dir, waitBriefly))
                    .isInstanceOf(IOException.class).hasMessageContaining("another dualstack run is using " + dir)
                    .hasMessageContaining("waited 0s. Try again when it has finished");
            assertThat(notices).as("a waiting run says so once").hasValue(1);
        }
        try (TreeWriter w = TreeWriter.open(dir, false, "1.0", Duration.ofSeconds(1))) {
            assertThat(w.commit().noOp()).isTrue();
        }
    }

    @Test
    void aRefusedRunLeavesNoNewFilesOrDirectories() throws Exception {
        write(false, file("a.yaml", "a: 1\n"));
        Files.writeString(dir.resolve("a.yaml"), "edited\n");
        WriteResult r = write(false, file("a.yaml", "a: 1\n"), file("edge/n1/etc/x.yaml", "x\n"));
        assertThat(r.refused()).isTrue();
        assertThat(Files.exists(dir.resolve("edge"))).isFalse();
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a.yaml", ".dualstack");
        }
    }

    @Test
    void aLostExecutableBitIsRestored() throws Exception {
        write(false, file("scripts/x.sh", "#!/bin/bash\n"));
        Files.setPosixFilePermissions(dir.resolve("scripts/x.sh"), PosixFilePermissions.fromString("rw-r--r--"));
        WriteResult r = write(false, file("scripts/x.sh", "#!/bin/bash\n"));
        assertThat(r.written()).containsExactly("scripts/x.sh");
        assertThat(Files.isExecutable(dir.resolve("scripts/x.sh"))).isTrue();
    }
}
