package io.github.dualstack.core.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The racy-file rule: a file recorded within the racy window of its last change is also compared by content. */
class StatCacheTest {

    @TempDir
    Path root;
    Path file;

    @BeforeEach
    void tree() throws Exception {
        Files.createDirectories(root.resolve(".dualstack"));
        Files.writeString(root.resolve(Manifest.PATH), "{}\n");
        Files.writeString(root.resolve(".dualstack/.gitignore"), "stat-cache\n");
        file = root.resolve("a.txt");
        Files.writeString(file, "generated\n");
    }

    @Test
    void aJustWrittenFileIsRecordedWithItsHashAndCheckedByContent() throws Exception {
        StatCache.record(root, Map.of("a.txt", Hashes.sha256("generated\n".getBytes(StandardCharsets.UTF_8))), "fp");
        assertThat(Files.readString(root.resolve(StatCache.PATH)))
                .as("written just now, so racy: the hash is in the entry")
                .contains(Hashes.sha256("generated\n".getBytes(StandardCharsets.UTF_8)) + " a.txt");
        assertThat(StatCache.upToDate(root, "fp")).contains(1);
        assertThat(StatCache.upToDate(root, "other inputs")).isEmpty();
    }

    @Test
    void aRacyEntryWhoseContentDiffersIsNotUpToDateEvenWithAnIdenticalStat() throws Exception {
        // What a same-tick edit looks like to the cache: the stat matches, only the content tells.
        StatCache.record(root, Map.of("a.txt", Hashes.sha256("what the run wrote\n".getBytes(StandardCharsets.UTF_8))),
                "fp");
        assertThat(StatCache.upToDate(root, "fp")).isEmpty();
    }

    @Test
    void invalidatingForgetsTheTree() throws Exception {
        // A half-written recording (stat-cache.tmp) is removed by TreeWriter.open: TreeWriterTest.
        StatCache.record(root, Map.of("a.txt", Hashes.sha256("generated\n".getBytes(StandardCharsets.UTF_8))), "fp");
        StatCache.invalidate(root, new Disk());
        assertThat(StatCache.upToDate(root, "fp")).isEmpty();
        assertThat(root.resolve(".dualstack")).isDirectoryNotContaining("glob:**/stat-cache*");
    }
}
