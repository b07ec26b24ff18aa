package io.github.dualstack.core.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a file to a limit: a file as large as it says is read into a buffer of its size; one whose size says
 * nothing (procfs gives 0) is read to its end all the same, and the limit holds either way.
 */
class SafeFilesReadTest {

    @TempDir
    Path dir;

    @Test
    void aFileIsReadWholeAtAnySizeUpToTheLimit() throws Exception {
        Random random = new Random(7);
        for (int size : new int[] {0, 1, 8191, 8192, 8193, 1 << 20}) {
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            Path p = Files.write(dir.resolve("f" + size), bytes);
            assertThat(SafeFiles.readInTree(p, size)).as("size %d at a limit of its size", size).isEqualTo(bytes);
            assertThat(SafeFiles.readInput(p, size + 1L)).isEqualTo(bytes);
            if (size > 0) {
                assertThatThrownBy(() -> SafeFiles.readInTree(p, size - 1L)).isInstanceOf(TooLargeException.class);
            }
        }
    }

    @Test
    void aFileThatSaysItIsEmptyIsReadToItsEnd() throws Exception {
        Path status = Path.of("/proc/self/status");
        byte[] bytes = SafeFiles.readInput(status, 1 << 20);
        String text = new String(bytes, StandardCharsets.US_ASCII);
        assertThat(Files.size(status)).isZero();
        assertThat(text).startsWith("Name:").contains("\nPid:").endsWith("\n");
        // past the limit while growing its buffer: the limit is the reader's, whatever the size said
        assertThatThrownBy(() -> SafeFiles.readInput(status, 10)).isInstanceOf(TooLargeException.class);
        assertThat(SafeFiles.readInput(status, bytes.length + 4096L)).hasSizeGreaterThan(100);
    }
}
