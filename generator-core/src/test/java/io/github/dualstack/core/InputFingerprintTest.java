package io.github.dualstack.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator's part of the fingerprint: what makes two builds of the generator the same one. */
class InputFingerprintTest {

    @TempDir
    Path dir;

    private Path jar(String name, Map<String, String> entries, long time, int level) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(level);
            for (Map.Entry<String, String> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setLastModifiedTime(FileTime.fromMillis(time));
                zip.putNextEntry(entry);
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void aJarIsItsEntriesWhateverTheirTimesAndCompression() throws IOException {
        Map<String, String> entries = Map.of("a/B.class", "bytes of B".repeat(50), "templates/x.ftl", "x: ${x}\n");
        String built = InputFingerprint.codeDigest(jar("1.jar", entries, 1_000_000_000_000L, 9));
        assertThat(InputFingerprint.codeDigest(jar("2.jar", entries, 1_700_000_000_000L, 0))).isEqualTo(built);
        assertThat(InputFingerprint.codeDigest(jar("3.jar", Map.of("a/B.class", "bytes of B".repeat(50),
                "templates/x.ftl", "x: ${y}\n"), 1_000_000_000_000L, 9))).isNotEqualTo(built);
        assertThat(InputFingerprint.codeDigest(jar("4.jar", Map.of("a/B.class", "bytes of B".repeat(50),
                "templates/y.ftl", "x: ${x}\n"), 1_000_000_000_000L, 9))).isNotEqualTo(built);
        assertThat(InputFingerprint.codeDigest(jar("5.jar", Map.of("a/B.class", "bytes of B".repeat(50)),
                1_000_000_000_000L, 9))).isNotEqualTo(built);
    }

    @Test
    void aDirectoryIsItsFilesAndAnyOtherFileItsBytes() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes/a"));
        Files.writeString(classes.resolve("B.class"), "one");
        String before = InputFingerprint.codeDigest(dir.resolve("classes"));
        Files.writeString(classes.resolve("B.class"), "two");
        assertThat(InputFingerprint.codeDigest(dir.resolve("classes"))).isNotEqualTo(before);
        Path notAJar = Files.writeString(dir.resolve("x.jar"), "not a zip");
        String plain = InputFingerprint.codeDigest(notAJar);
        Files.writeString(notAJar, "not a zip either");
        assertThat(InputFingerprint.codeDigest(notAJar)).isNotEqualTo(plain);
    }
}
