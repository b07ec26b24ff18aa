package io.github.dualstack.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreesTest {

    @Test
    void touchedNamesRewrittenReplacedCreatedAndRemovedFilesButNotTheBookkeeping(@TempDir Path tree) throws Exception {
        Files.createDirectories(tree.resolve("edge/a"));
        Files.createDirectories(tree.resolve(".dualstack"));
        for (String f : new String[] {"edge/a/join.env", "edge/join.sh", "README.md", "gone.txt", ".dualstack/manifest.json"}) {
            Files.writeString(tree.resolve(f), "v1");
        }
        var before = Trees.stamps(tree);
        assertThat(before).containsOnlyKeys("edge/a/join.env", "edge/join.sh", "README.md", "gone.txt");
        Thread.sleep(20);   // past the file system's timestamp granularity

        Files.writeString(tree.resolve("edge/a/join.env"), "v2");                  // rewritten in place
        Files.writeString(tree.resolve("staged"), "v1");                           // same bytes, new inode
        Files.move(tree.resolve("staged"), tree.resolve("edge/join.sh"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        Files.delete(tree.resolve("gone.txt"));
        Files.writeString(tree.resolve("new.txt"), "v1");
        Files.writeString(tree.resolve(".dualstack/manifest.json"), "v2");

        assertThat(Trees.touched(before, Trees.stamps(tree)))
                .containsExactly("edge/a/join.env", "edge/join.sh", "gone.txt", "new.txt");
    }
}
