package io.github.dualstack.core.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the walk to a generated path tells the writer, so that it neither looks twice at what it saw missing nor
 * probes the directories it must create, and the names a commit renames onto.
 */
class OutputRootTest {

    @TempDir
    Path dir;

    @Test
    void theWalkNamesTheFirstMissingDirectoryAndAMissingFile() throws Exception {
        OutputRoot root = new OutputRoot(dir);
        Files.createDirectories(dir.resolve("edge"));
        Files.writeString(Files.createDirectories(dir.resolve("cluster")).resolve("a.yaml"), "x");

        OutputRoot.Resolved deep = root.inspect("edge/e1/etc/kubeedge/config/edgecore.yaml");
        assertThat(deep.path()).isEqualTo(dir.resolve("edge/e1/etc/kubeedge/config/edgecore.yaml"));
        assertThat(deep.firstAbsentDirectory()).isEqualTo(dir.resolve("edge/e1"));
        assertThat(deep.absent()).isTrue();

        OutputRoot.Resolved file = root.inspect("cluster/b.yaml");
        assertThat(file.firstAbsentDirectory()).isNull();
        assertThat(file.absent()).isTrue();

        OutputRoot.Resolved there = root.inspect("cluster/a.yaml");
        assertThat(there.firstAbsentDirectory()).isNull();
        assertThat(there.absent()).isFalse();
    }

    @Test
    void aNameIsCheckedByTheWholeWalkUntilItsDirectoryIsKnown() throws Exception {
        OutputRoot root = new OutputRoot(dir);
        Path elsewhere = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-elsewhere"));
        Files.createSymbolicLink(dir.resolve("cluster"), elsewhere);
        assertThatThrownBy(() -> root.name("cluster/a.yaml")).isInstanceOf(WriteRefusedException.class)
                .hasMessageContaining("passes through the symbolic link cluster");
        assertThatThrownBy(() -> root.name("../a.yaml")).isInstanceOf(WriteRefusedException.class);

        Files.createDirectories(dir.resolve("edge/e1"));
        root.inspect("edge/e1/join.env");
        // the directory is known now; a link at the name itself is what rename(2) replaces, so it is not looked at
        Files.createSymbolicLink(dir.resolve("edge/e1/join.env"), elsewhere);
        assertThat(root.name("edge/e1/join.env")).isEqualTo(dir.resolve("edge/e1/join.env"));
    }

    @Test
    void createMissingMakesEachDirectoryTopDownAndTakesOneMadeMeanwhile() throws Exception {
        Files.createDirectories(dir.resolve("edge"));
        Files.createDirectories(dir.resolve("edge/e1/etc"));   // made by someone else after the walk saw e1 missing
        List<Path> made = new ArrayList<>();
        new Disk().createMissing(dir.resolve("edge/e1"), dir.resolve("edge/e1/etc/kubeedge/config"),
                Set.<Path>of()::contains, made::add);
        assertThat(made).containsExactly(dir.resolve("edge/e1/etc/kubeedge"), dir.resolve("edge/e1/etc/kubeedge/config"));
        assertThat(dir.resolve("edge/e1/etc/kubeedge/config")).isDirectory();

        List<Path> again = new ArrayList<>();
        new Disk().createMissing(dir.resolve("edge/e1"), dir.resolve("edge/e1/etc/kubeedge/config"),
                Set.of(dir.resolve("edge/e1"), dir.resolve("edge/e1/etc"), dir.resolve("edge/e1/etc/kubeedge"))::contains,
                again::add);
        assertThat(again).isEmpty();

        Files.writeString(dir.resolve("edge/e2"), "a file where a directory goes");
        assertThatThrownBy(() -> new Disk().createMissing(dir.resolve("edge/e2"), dir.resolve("edge/e2/etc"),
                p -> false, p -> { })).isInstanceOf(FileAlreadyExistsException.class);
        assertThatThrownBy(() -> new Disk().createMissing(dir.resolve("edge/e3"), dir.resolve("cluster"),
                p -> false, p -> { })).isInstanceOf(IllegalArgumentException.class);
    }
}
