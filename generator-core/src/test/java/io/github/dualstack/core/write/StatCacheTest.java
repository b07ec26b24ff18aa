package io.github.dualstack.core.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.Sha256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
        record("generated\n", Optional.of("fp"));
        assertThat(Files.readString(root.resolve(StatCache.PATH)))
                .as("written just now, so racy: the hash is in the entry")
                .contains(Sha256.of("generated\n".getBytes(StandardCharsets.UTF_8)) + " key-1 a.txt");
        assertThat(StatCache.upToDate(root, "fp")).contains(new StatCache.UpToDate(1, List.of("{\"message\": \"careful\"}")));
        assertThat(StatCache.upToDate(root, "other inputs")).isEmpty();
    }

    @Test
    void aRacyEntryWhoseContentDiffersIsNotUpToDateEvenWithAnIdenticalStat() throws Exception {
        // What a same-tick edit looks like to the cache: the stat matches, only the content tells.
        record("what the run wrote\n", Optional.of("fp"));
        assertThat(StatCache.upToDate(root, "fp")).isEmpty();
        assertThat(StatCache.previous(root, "r").unchanged("a.txt", "key-1")).isFalse();
    }

    @Test
    void invalidatingForgetsTheTree() throws Exception {
        // A half-written recording (stat-cache.tmp) is removed by TreeWriter.open: TreeWriterTest.
        record("generated\n", Optional.of("fp"));
        StatCache.invalidate(root, new Disk());
        assertThat(StatCache.upToDate(root, "fp")).isEmpty();
        assertThat(root.resolve(".dualstack")).isDirectoryNotContaining("glob:**/stat-cache*");
    }

    /** As a commit leaves it: the file, and the manifest the record needs, then the record. */
    private void record(String recordedContent, Optional<String> fingerprint) throws Exception {
        Files.createDirectories(root.resolve(".dualstack"));
        Files.writeString(root.resolve(Manifest.PATH), "{}\n");
        Files.writeString(root.resolve(".dualstack/.gitignore"), "stat-cache\n");
        StatCache.record(root, Map.of("a.txt", Sha256.of(recordedContent.getBytes(StandardCharsets.UTF_8))),
                Map.of("a.txt", "key-1"), fingerprint, "r", List.of("{\"message\": \"careful\"}"), StatCache.none(root),
                Set.of());
    }

    @Test
    void aFileIsReusableWithTheSameKeyAndRenderingWhileItIsAsRecorded() throws Exception {
        record("generated\n", Optional.of("fp"));
        assertThat(StatCache.previous(root, "r").unchanged("a.txt", "key-1")).isTrue();
        assertThat(StatCache.previous(root, "r").unchanged("a.txt", "key-2")).as("another view").isFalse();
        assertThat(StatCache.previous(root, "other generator").unchanged("a.txt", "key-1")).isFalse();
        assertThat(StatCache.previous(root, "r").unchanged("b.txt", "key-1")).as("never recorded").isFalse();
        Files.writeString(file, "edited\n");
        assertThat(StatCache.previous(root, "r").unchanged("a.txt", "key-1")).as("edited since").isFalse();
    }

    @Test
    void aFileEditedAfterARunConfirmedItIsNotRecordedAsThatRunsOutput() throws Exception {
        record("generated\n", Optional.of("fp"));
        StatCache.Previous previous = StatCache.previous(root, "r");
        assertThat(previous.unchanged("a.txt", "key-1")).isTrue();
        Files.writeString(file, "edited while the run rendered other files\n");
        StatCache.record(root, Map.of("a.txt", Sha256.of("generated\n".getBytes(StandardCharsets.UTF_8))),
                Map.of("a.txt", "key-1"), Optional.of("fp"), "r", List.of(), previous, Set.of());
        assertThat(StatCache.previous(root, "r").unchanged("a.txt", "key-1")).isFalse();
        assertThat(StatCache.upToDate(root, "fp")).isEmpty();
    }

    @Test
    void aTreeLeftMidRunOrWithAnotherManifestReusesNothing() throws Exception {
        record("generated\n", Optional.of("fp"));
        Files.writeString(root.resolve(".dualstack/journal.json"), "{}");
        assertThat(StatCache.previous(root, "r").unchanged("a.txt", "key-1")).isFalse();
        Files.delete(root.resolve(".dualstack/journal.json"));
        Files.writeString(root.resolve(Manifest.PATH), "{\"changed\": true}\n");
        assertThat(StatCache.previous(root, "r").unchanged("a.txt", "key-1")).isFalse();
    }

    @Test
    void aPathWithSpacesIsReadBackAndADamagedEntryDistrustsTheWholeCache() throws Exception {
        Path spaced = root.resolve("a b  c.txt");
        Files.writeString(spaced, "generated\n");
        StatCache.record(root, Map.of("a b  c.txt", Sha256.of("generated\n".getBytes(StandardCharsets.UTF_8))),
                Map.of("a b  c.txt", "key-1"), Optional.of("fp"), "r", List.of(), StatCache.none(root), Set.of());
        assertThat(StatCache.previous(root, "r").unchanged("a b  c.txt", "key-1")).isTrue();
        String cache = Files.readString(root.resolve(StatCache.PATH));
        String entry = cache.lines().filter(l -> l.endsWith(" a b  c.txt")).findFirst().orElseThrow();
        String[] fields = entry.split(" ", 8);
        for (String damaged : new String[] {
                String.join(" ", java.util.Arrays.copyOf(fields, 6)),                      // fields missing
                entry.replaceFirst("^\\d+", "x1"),                                         // not a number
                entry.replaceFirst("^\\d+", ""),                                           // an empty field
                entry.replace(" " + fields[4] + " ", " 99999999999 "),                      // mode out of range
                entry.replace(" a b", " a\r b"),                                          // a CR in the path
                entry.replaceFirst(" ", "\r "),                                           // a CR in a number
                entry + "\n"}) {                                                           // an empty line
            Files.writeString(root.resolve(StatCache.PATH), cache.replace(entry, damaged));
            assertThat(StatCache.previous(root, "r").unchanged("a b  c.txt", "key-1")).as(damaged).isFalse();
            assertThat(StatCache.upToDate(root, "fp")).as(damaged).isEmpty();
        }
    }

    @Test
    void anEntryNamingAPathNoTreeHoldsDistrustsTheUpToDateAnswerAndIsNeverReusedOrRecordedAgain() throws Exception {
        // Hard links: the forged entries below stat as a.txt's own, so only their paths tell.
        Files.createDirectories(root.resolve(".git"));
        Files.createDirectories(root.resolve("sub"));
        Files.createLink(root.resolve(".git/a.txt"), file);
        Files.createLink(root.resolve(".dualstack/a.txt"), file);
        record("generated\n", Optional.of("fp"));
        Path cache = root.resolve(StatCache.PATH);
        String recorded = Files.readString(cache);
        String line = recorded.lines().filter(l -> l.endsWith(" key-1 a.txt")).findFirst().orElseThrow();
        for (String hostile : List.of(".git/a.txt", ".dualstack/a.txt", "sub/../a.txt", "./a.txt", "../a.txt")) {
            String forged = line.substring(0, line.length() - "a.txt".length()) + hostile;
            Files.writeString(cache, recorded.replace(line + "\n", line + "\n" + forged + "\n"));
            assertThat(StatCache.upToDate(root, "fp")).as(hostile).isEmpty();

            // A run looks entries up by its own generated paths only: the forged one is never reached.
            StatCache.Previous previous = StatCache.previous(root, "r");
            assertThat(previous.unchanged("a.txt", "key-1")).as(hostile).isTrue();
            StatCache.record(root, Map.of("a.txt", Sha256.of("generated\n".getBytes(StandardCharsets.UTF_8))),
                    Map.of("a.txt", "key-1"), Optional.of("fp"), "r", List.of(), previous, Set.of());
            assertThat(Files.readAllLines(cache)).as(hostile).contains(line).noneMatch(l -> l.endsWith(" " + hostile));
            assertThat(StatCache.upToDate(root, "fp")).as(hostile).contains(new StatCache.UpToDate(1, List.of()));
        }
    }

    @Test
    void aRecordWithoutAnInputFingerprintIsNeverUpToDateButItsKeysServe() throws Exception {
        record("generated\n", Optional.empty());
        assertThat(StatCache.upToDate(root, "-")).isEmpty();
        assertThat(StatCache.upToDate(root, "fp")).isEmpty();
        assertThat(StatCache.previous(root, "r").unchanged("a.txt", "key-1")).isTrue();
    }
    /**
     * A racy entry stays racy, and is read and hashed by every run, until a run confirms its content with a stat
     * that is by then outside the racy window: from that record on the stat alone tells, and a later edit still
     * shows, in the stat.
     */
    @Test
    void aRacyEntryConfirmedOutsideTheRacyWindowIsRecordedWithoutItsHash() throws Exception {
        String sha = Sha256.of("generated\n".getBytes(StandardCharsets.UTF_8));
        record("generated\n", Optional.of("fp"));
        reRecord(StatCache.previous(root, "r"));
        assertThat(Files.readString(root.resolve(StatCache.PATH))).as("confirmed within the window: still racy")
                .contains(sha + " key-1 a.txt");

        Thread.sleep(java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(StatCache.RACY_WINDOW_NANOS) + 200);
        reRecord(StatCache.previous(root, "r"));
        assertThat(Files.readString(root.resolve(StatCache.PATH))).as("settled: the stat tells")
                .contains(" - key-1 a.txt").doesNotContain(sha);
        assertThat(StatCache.upToDate(root, "fp")).isPresent();

        StatCache.Previous previous = StatCache.previous(root, "r");
        assertThat(previous.unchanged("a.txt", "key-1")).isTrue();
        Files.writeString(file, "generatex\n");   // same size, after the run looked
        reRecord(previous);
        assertThat(StatCache.upToDate(root, "fp")).isEmpty();
        assertThat(StatCache.previous(root, "r").unchanged("a.txt", "key-1")).isFalse();
    }

    /**
     * A commit renames each file into place, which sets its ctime, not its mtime: a file written before the racy
     * window and renamed within it is not racy, and an edit after the record still shows, in the mtime.
     */
    @Test
    void aFileRenamedIntoPlaceJustNowButWrittenEarlierIsNotRacy() throws Exception {
        Path staged = root.resolve(".a.txt.dualstack-new");
        Files.move(file, staged);
        Files.setLastModifiedTime(staged, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()
                - 2 * java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(StatCache.RACY_WINDOW_NANOS)));
        Files.move(staged, file);
        record("generated\n", Optional.of("fp"));
        assertThat(Files.readString(root.resolve(StatCache.PATH))).contains(" - key-1 a.txt");
        assertThat(StatCache.upToDate(root, "fp")).isPresent();
        Files.writeString(file, "generatex\n");
        assertThat(StatCache.upToDate(root, "fp")).isEmpty();
        assertThat(StatCache.previous(root, "r").unchanged("a.txt", "key-1")).isFalse();
    }

    /**
     * A run that changed one file records every entry it confirmed as its line stood in the cache it read (copied,
     * at 100,000 edges most of the cache), and the file it wrote afresh. A cache with a non-ASCII path has its
     * lines made again instead, from the same entries.
     */
    @Test
    void aConfirmedEntryIsRecordedAsItsLineStoodAndANewOneAfresh() throws Exception {
        for (String other : List.of("b.txt", "b-\u00e9\u6587.txt")) {
            Path otherFile = root.resolve(other);
            Files.writeString(otherFile, "other\n");
            for (Path p : List.of(file, otherFile)) {
                Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()
                        - 2 * java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(StatCache.RACY_WINDOW_NANOS)));
            }
            Map<String, String> files = Map.of("a.txt", Sha256.of("generated\n".getBytes(StandardCharsets.UTF_8)),
                    other, Sha256.of("other\n".getBytes(StandardCharsets.UTF_8)));
            StatCache.record(root, files, Map.of("a.txt", "key-1", other, "key-2"), Optional.of("fp"), "r", List.of(),
                    StatCache.none(root), Set.of());
            // A size written with a leading zero reads as the same number: only a copy keeps the zero.
            Path cache = root.resolve(StatCache.PATH);
            String before = Files.readString(cache);
            String line = before.lines().filter(l -> l.endsWith(" key-1 a.txt")).findFirst().orElseThrow();
            String[] fields = line.split(" ");
            String padded = line.replaceFirst("^" + fields[0] + " " + fields[1] + " ", fields[0] + " 0" + fields[1] + " ");
            Files.writeString(cache, before.replace(line, padded));

            StatCache.Previous previous = StatCache.previous(root, "r");
            assertThat(previous.unchanged("a.txt", "key-1")).isTrue();
            assertThat(previous.unchanged(other, "key-2")).isTrue();
            Files.writeString(root.resolve("c.txt"), "new\n");
            Map<String, String> next = new java.util.HashMap<>(files);
            next.put("c.txt", Sha256.of("new\n".getBytes(StandardCharsets.UTF_8)));
            StatCache.record(root, next, Map.of("a.txt", "key-1", other, "key-2", "c.txt", "key-3"), Optional.of("fp"),
                    "r", List.of(), previous, Set.of("c.txt"));

            List<String> after = Files.readAllLines(cache);
            assertThat(after).as(other).contains(other.equals("b.txt") ? padded : line)
                    .anyMatch(l -> l.endsWith(" key-2 " + other)).anyMatch(l -> l.endsWith(" key-3 c.txt"));
            StatCache.Previous again = StatCache.previous(root, "r");
            assertThat(List.of(again.unchanged("a.txt", "key-1"), again.unchanged(other, "key-2"),
                    again.unchanged("c.txt", "key-3"))).as(other).containsOnly(true);
            assertThat(StatCache.upToDate(root, "fp")).as(other).contains(new StatCache.UpToDate(3, List.of()));
            Files.delete(otherFile);
            Files.delete(root.resolve("c.txt"));
        }
    }

    /** A run that wrote nothing records what {@code previous} confirmed, as a one-edge change does. */
    private void reRecord(StatCache.Previous previous) throws Exception {
        previous.unchanged("a.txt", "key-1");
        StatCache.record(root, Map.of("a.txt", Sha256.of("generated\n".getBytes(StandardCharsets.UTF_8))),
                Map.of("a.txt", "key-1"), Optional.of("fp"), "r", List.of(), previous, Set.of());
    }
}
