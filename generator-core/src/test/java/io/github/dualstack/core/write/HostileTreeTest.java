package io.github.dualstack.core.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.dualstack.core.Sha256;
import io.github.dualstack.core.plan.FileKind;
import io.github.dualstack.core.render.OutputFile;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tree as a hostile pull request can leave it (git carries links), and what generate and check must do with it:
 * never create, write, truncate, rename, delete or read anything outside the tree, never hang on a FIFO, never
 * trust the manifest or a journal. Each test plants one class of attack; {@code outside} is a directory beside
 * the tree whose state is asserted unchanged.
 */
class HostileTreeTest {

    @TempDir
    Path tmp;
    Path dir;
    Path outside;
    Path secret;

    @BeforeEach
    void tree() throws Exception {
        dir = tmp.resolve("tree");
        outside = Files.createDirectories(tmp.resolve("outside"));
        secret = outside.resolve("secret");
        Files.writeString(secret, "TOKEN=hunter2\n");
        write(false, file("cluster/a.yaml", "a: 1\n"), file("scripts/x.sh", "#!/bin/bash\n"));
    }

    private static OutputFile file(String path, String text) {
        return Trees.file(path, text);
    }

    private WriteResult write(boolean force, OutputFile... files) throws IOException {
        return Trees.write(dir, force, files);
    }

    private WriteResult writeNext() throws IOException {
        return write(false, file("cluster/a.yaml", "a: 2\n"), file("scripts/x.sh", "#!/bin/bash\n"));
    }

    private Map<String, String> outsideNow() {
        return TreeSnapshot.of(tmp.resolve("outside"));
    }

    private void manifestListing(String... extra) throws IOException {
        StringBuilder json = new StringBuilder("{\"generatorVersion\":\"1.0\",\"files\":{");
        String sha = "\"" + "0".repeat(64) + "\"";
        json.append("\"cluster/a.yaml\":\"").append(Sha256.of("a: 1\n".getBytes(StandardCharsets.UTF_8))).append('"');
        for (String e : extra) {
            json.append(",").append(Manifest.quoted(e)).append(':').append(sha);
        }
        Files.writeString(dir.resolve(TreeLayout.MANIFEST), json.append("}}\n").toString());
    }

    private String check() throws IOException {
        try (TreeReader r = TreeReader.open(dir, Duration.ofSeconds(5), () -> { }, "dualstack generate site.yaml -o tree")) {
            StringBuilder seen = new StringBuilder(String.join("\n", r.problems()));
            for (String p : List.of("cluster/a.yaml", "scripts/x.sh")) {
                TreeReader.Comparison c = r.compare(p, p.endsWith(".sh") ? "#!/bin/bash\n".getBytes(StandardCharsets.UTF_8)
                        : "a: 1\n".getBytes(StandardCharsets.UTF_8), p.endsWith(".sh") ? FileKind.SCRIPT : FileKind.KUBERNETES);
                seen.append('\n').append(c.state()).append(' ').append(c.note());
            }
            for (Map.Entry<String, TreeReader.Comparison> e : r.extras(java.util.Set.of("cluster/a.yaml", "scripts/x.sh"))) {
                seen.append('\n').append(e.getKey()).append(' ').append(e.getValue().state()).append(' ')
                        .append(e.getValue().note()).append(' ')
                        .append(e.getValue().onDisk() == null ? "" : new String(e.getValue().onDisk(), StandardCharsets.UTF_8));
            }
            return seen.toString();
        }
    }

    @Test
    void aLinkPlantedAtAStagingNameIsReplacedNeverWrittenThrough() throws Exception {
        Map<String, String> before = outsideNow();
        Files.createSymbolicLink(dir.resolve("cluster/.a.yaml" + TreeLayout.NEW_SUFFIX), secret);
        Files.createSymbolicLink(dir.resolve("cluster/.b.yaml" + TreeLayout.NEW_SUFFIX), outside.resolve("created"));
        WriteResult r = write(false, file("cluster/a.yaml", "a: 2\n"), file("cluster/b.yaml", "b\n"),
                file("scripts/x.sh", "#!/bin/bash\n"));
        assertThat(r.written()).containsExactly("cluster/a.yaml", "cluster/b.yaml");
        assertThat(outsideNow()).isEqualTo(before);
        assertThat(dir.resolve("cluster/a.yaml")).isRegularFile().hasContent("a: 2");
        assertThat(Files.isSymbolicLink(dir.resolve("cluster/a.yaml"))).isFalse();
    }

    @Test
    void linksInTheMetadataDirectoryAreNeverFollowed() throws Exception {
        Map<String, String> before = outsideNow();
        Files.delete(dir.resolve(TreeLayout.GITIGNORE));
        Files.createSymbolicLink(dir.resolve(TreeLayout.GITIGNORE), secret);
        Files.createSymbolicLink(dir.resolve(TreeLayout.STAGED_MANIFEST), outside.resolve("manifest-out"));
        Files.createSymbolicLink(dir.resolve(TreeLayout.STAT_CACHE + TreeLayout.TMP_SUFFIX), outside.resolve("cache-out"));
        Files.createSymbolicLink(dir.resolve(TreeLayout.IN_PROGRESS + TreeLayout.TMP_SUFFIX), outside.resolve("marker-out"));
        WriteResult r = writeNext();
        assertThat(r.written()).containsExactly("cluster/a.yaml");
        assertThat(outsideNow()).isEqualTo(before);
        for (String meta : List.of(TreeLayout.GITIGNORE, TreeLayout.MANIFEST)) {
            assertThat(Files.isRegularFile(dir.resolve(meta), LinkOption.NOFOLLOW_LINKS)).as(meta).isTrue();
        }
        assertThat(dir.resolve(TreeLayout.GITIGNORE)).hasBinaryContent(TreeLayout.GITIGNORE_CONTENT);
        assertThat(Manifest.read(dir).files().get("cluster/a.yaml"))
                .isEqualTo(Sha256.of("a: 2\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aDanglingLinkAtTheLockCreatesNothingOutside() throws Exception {
        Files.createSymbolicLink(dir.resolve(TreeLayout.LOCK), outside.resolve("lock-out"));
        Map<String, String> before = outsideNow();
        assertThatThrownBy(this::writeNext).isInstanceOf(IOException.class)
                .hasMessageContaining(TreeLayout.LOCK + ": is a symbolic link");
        assertThat(outsideNow()).isEqualTo(before);
        assertThatThrownBy(this::check).as("check neither").isInstanceOf(IOException.class)
                .hasMessageContaining(TreeLayout.LOCK + ": is a symbolic link");
        assertThat(outsideNow()).isEqualTo(before);
    }

    @Test
    void theMetadataDirectoryOrTheTreeItselfAsALinkIsRefused() throws Exception {
        Path moved = tmp.resolve("moved-meta");
        Files.move(dir.resolve(TreeLayout.META), moved);
        Files.createSymbolicLink(dir.resolve(TreeLayout.META), outside);
        Map<String, String> before = outsideNow();
        WriteResult r = writeNext();
        assertThat(r.refusals()).singleElement().asString().contains(".dualstack: is a symbolic link");
        assertThat(outsideNow()).isEqualTo(before);
        assertThat(check()).contains(".dualstack: is a symbolic link").doesNotContain("hunter2");

        Path link = tmp.resolve("tree-link");
        Files.createSymbolicLink(link, outside);
        try (TreeWriter w = TreeWriter.open(link, true, "1.0", Duration.ofSeconds(5))) {
            w.offer(file("x.yaml", "x\n"));
            assertThat(w.commit().refusals()).singleElement().asString().contains("tree-link: is a symbolic link");
        }
        assertThat(outsideNow()).isEqualTo(before);
    }

    @Test
    void aManifestThatClaimsPathsOutsideOrMetadataIsRefusedWholeAndNothingIsDeletedOrRead() throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve(".git/config"), "[core]\n");
        Files.createSymbolicLink(dir.resolve("linked"), outside);
        for (String claim : List.of("../outside/secret", secret.toString(), ".dualstack/lock", ".git/config",
                "linked/secret", "cluster/.a.yaml.dualstack-new")) {
            manifestListing(claim);
            Map<String, String> tree = TreeSnapshot.of(dir);
            Map<String, String> before = outsideNow();
            WriteResult r = write(false, file("cluster/a.yaml", "a: 1\n"));
            if (claim.equals("linked/secret")) {
                // a generated-looking path: refused because it passes through a link, and not read
                assertThat(r.refusals()).as(claim).singleElement().asString()
                        .contains("linked/secret: passes through the symbolic link linked");
            } else {
                assertThat(r.refusals()).as(claim).singleElement().asString()
                        .startsWith(".dualstack/manifest.json: is not a dualstack manifest (lists ")
                        .contains("git checkout --");
            }
            assertThat(TreeSnapshot.of(dir)).as(claim).isEqualTo(tree);
            assertThat(outsideNow()).as(claim).isEqualTo(before);
            assertThat(check()).as(claim).doesNotContain("hunter2", "[core]");
        }
    }

    /**
     * A manifest that the previous run's record vouches for (the file that run committed, untouched since) is not
     * checked entry by entry again. One changed since is, even with its size, inode and mtime as recorded (the
     * ctime tells), and a claim outside the tree is refused as in a tree without a record.
     */
    @Test
    void aManifestChangedSinceTheRecordIsCheckedAgainWhateverItsMtimeSays() throws Exception {
        TreeWriter.Options recording = new TreeWriter.Options(false, "--force", "dualstack generate", f -> { }, "1.0",
                Duration.ofSeconds(5), () -> { }, java.util.Optional.of("r"));
        try (TreeWriter w = TreeWriter.open(dir, recording)) {
            w.offer(file("cluster/a.yaml", "a: 2\n"));
            w.offer(file("scripts/x.sh", "#!/bin/bash\n"));
            w.commit();
            w.record(Map.of("cluster/a.yaml", "k1", "scripts/x.sh", "k2"), java.util.Optional.empty(), "r", List.of());
        }
        try (TreeWriter w = TreeWriter.open(dir, recording)) {
            assertThat(w.previousRun().vouchesForManifest()).isTrue();
        }
        Path manifest = dir.resolve(TreeLayout.MANIFEST);
        java.nio.file.attribute.FileTime mtime = Files.getLastModifiedTime(manifest);
        String text = Files.readString(manifest);
        assertThat("../outside/s").hasSameSizeAs("scripts/x.sh");
        Files.writeString(manifest, text.replace("\"scripts/x.sh\"", "\"../outside/s\""));   // in place: same inode
        Files.setLastModifiedTime(manifest, mtime);
        Map<String, String> before = outsideNow();
        try (TreeWriter w = TreeWriter.open(dir, recording)) {
            assertThat(w.previousRun().vouchesForManifest()).isFalse();
            w.offer(file("cluster/a.yaml", "a: 3\n"));
            assertThat(w.commit().refusals()).singleElement().asString()
                    .startsWith(".dualstack/manifest.json: is not a dualstack manifest (lists \"../outside/s\"");
        }
        assertThat(outsideNow()).isEqualTo(before);
        assertThat(Files.readString(dir.resolve("cluster/a.yaml"))).isEqualTo("a: 2\n");
    }

    @Test
    void aJournalThatDoesNotMatchItsManifestsIsRefusedWithTheRepairAndTheRepairWorks() throws Exception {
        Files.writeString(dir.resolve(TreeLayout.IN_PROGRESS), "");
        Files.writeString(dir.resolve("cluster/.a.yaml" + TreeLayout.NEW_SUFFIX), "planted\n");
        Files.write(dir.resolve(TreeLayout.JOURNAL), new Journal(List.of("cluster/a.yaml"), List.of("scripts/x.sh"))
                .toBytes());
        Files.writeString(dir.resolve(TreeLayout.STAGED_MANIFEST), "{ not json");
        Map<String, String> tree = TreeSnapshot.of(dir);
        WriteResult r = writeNext();
        assertThat(r.refusals()).singleElement().asString()
                .contains("an earlier run was interrupted while committing and what it left is damaged",
                        "staging.manifest.json: is not a dualstack manifest (not valid JSON)",
                        "Delete " + dir.resolve(TreeLayout.JOURNAL), "then run dualstack generate again");
        assertThat(TreeSnapshot.of(dir)).as("nothing replayed, nothing written").isEqualTo(tree);
        assertThat(check()).contains("a generate was interrupted while committing", "run dualstack generate site.yaml -o tree");

        // A well-formed staged manifest that does not own what the journal renames: refused just the same.
        Files.write(dir.resolve(TreeLayout.STAGED_MANIFEST), new Manifest("1.0", new java.util.TreeMap<>(Map.of(
                "scripts/x.sh", Sha256.of("#!/bin/bash\n".getBytes(StandardCharsets.UTF_8))))).toBytes());
        assertThat(writeNext().refusals()).singleElement().asString()
                .contains("it renames \"cluster/a.yaml\", which the staged manifest does not list");

        Files.delete(dir.resolve(TreeLayout.JOURNAL));
        Files.delete(dir.resolve(TreeLayout.STAGED_MANIFEST));
        WriteResult repaired = writeNext();
        assertThat(repaired.refused()).isFalse();
        assertThat(repaired.recovery()).startsWith("discarded 1 new file(s)");
        assertThat(dir.resolve("cluster/a.yaml")).hasContent("a: 2");
    }

    @Test
    void aJournalCannotRenameOverVcsMetadata() throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve(".git/config"), "[core]\n");
        Files.writeString(dir.resolve(".git/.config" + TreeLayout.NEW_SUFFIX), "[alias]\n");
        Files.write(dir.resolve(TreeLayout.JOURNAL), new Journal(List.of(".git/config"), List.of()).toBytes());
        Files.write(dir.resolve(TreeLayout.STAGED_MANIFEST), "{\"files\":{}}".getBytes(StandardCharsets.UTF_8));
        assertThat(writeNext().refusals()).singleElement().asString()
                .contains("it renames \".git/config\", which is inside version control metadata (.git)");
        assertThat(dir.resolve(".git/config")).hasContent("[core]");
    }

    @Test
    void aFifoSocketOrDirectoryWhereAGeneratedFileGoesIsRefusedWithoutHanging() throws Exception {
        Path fifo = dir.resolve("cluster/a.yaml");
        Files.delete(fifo);
        mkfifo(fifo);
        Path sock = dir.resolve("scripts/x.sh");
        Files.delete(sock);
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(sock));
            for (boolean force : new boolean[] {false, true}) {
                WriteResult r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> writeNextForced(force));
                assertThat(r.refusals().stream().map(Refusal::message)).as("force " + force).containsExactly(
                        "cluster/a.yaml: is a FIFO (named pipe); dualstack only ever replaces regular files, so move it"
                                + " away yourself",
                        "scripts/x.sh: is a socket; dualstack only ever replaces regular files, so move it away yourself");
            }
            String seen = assertTimeoutPreemptively(Duration.ofSeconds(30), this::check);
            assertThat(seen).contains("UNREADABLE cluster/a.yaml: is a FIFO (named pipe); dualstack neither reads nor"
                    + " replaces anything but regular files", "UNREADABLE scripts/x.sh: is a socket");
        }
        assertThat(Files.isRegularFile(fifo)).isFalse();
    }

    private WriteResult writeNextForced(boolean force) throws IOException {
        return write(force, file("cluster/a.yaml", "a: 2\n"), file("scripts/x.sh", "#!/bin/bash\n"));
    }

    static void mkfifo(Path p) throws IOException, InterruptedException {
        Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        assertThat(mk.waitFor()).isZero();
    }

    @Test
    void checkReadsNeitherThroughLinksNorOutsideTheTree() throws Exception {
        Files.delete(dir.resolve("cluster/a.yaml"));
        Files.createSymbolicLink(dir.resolve("cluster/a.yaml"), secret);
        String seen = check();
        assertThat(seen).contains("UNREADABLE cluster/a.yaml: passes through the symbolic link cluster/a.yaml")
                .doesNotContain("hunter2");
    }

    @Test
    void aRefusedRunIntoADirectoryItDoesNotOwnCreatesNothingThere() throws Exception {
        Path theirs = Files.createDirectories(tmp.resolve("theirs"));
        Files.writeString(theirs.resolve("notes.txt"), "mine\n");
        Map<String, String> before = TreeSnapshot.of(theirs);
        try (TreeWriter w = TreeWriter.open(theirs, false, "1.0", Duration.ofSeconds(5))) {
            w.offer(file("a.yaml", "a\n"));
            assertThat(w.commit().refusals()).singleElement().asString().contains("holds no .dualstack/manifest.json");
        }
        assertThat(TreeSnapshot.of(theirs)).isEqualTo(before);
    }

    @Test
    void aRefusedOrNoOpRunLeavesNoLockAndARunThatCommitsLeavesNoneEither() throws Exception {
        assertThat(dir.resolve(TreeLayout.LOCK)).doesNotExist();
        Files.writeString(dir.resolve("cluster/a.yaml"), "edited\n");
        Map<String, String> before = TreeSnapshot.of(dir);
        assertThat(writeNext().refused()).isTrue();
        assertThat(TreeSnapshot.of(dir)).isEqualTo(before);
        Path fresh = tmp.resolve("fresh/deeper/tree");
        try (TreeWriter w = TreeWriter.open(fresh, false, "1.0", Duration.ofSeconds(5))) {
            w.offer(file("a.yaml", "a\n"));
            w.offer(file("b.yaml", "b\n"));
            throw new IOException("a render failed half-way");
        } catch (IOException expected) {
            assertThat(expected).hasMessage("a render failed half-way");
        }
        assertThat(tmp.resolve("fresh")).as("the directories it made went with it").doesNotExist();
    }
}
