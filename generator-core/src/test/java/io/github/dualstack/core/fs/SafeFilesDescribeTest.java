package io.github.dualstack.core.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** I/O failures in words: the reason Java leaves to the exception's class name is spelled out. */
class SafeFilesDescribeTest {

    @Test
    void aReasonLeftToTheClassNameIsSpelledOut() {
        assertThat(SafeFiles.describe(new AccessDeniedException("/srv/x"))).isEqualTo("/srv/x: permission denied");
        assertThat(SafeFiles.describe(new UncheckedIOException(new NoSuchFileException("/srv/y"))))
                .isEqualTo("/srv/y: no such file or directory");
    }

    @Test
    void aGivenReasonOrMessageIsKept() {
        assertThat(SafeFiles.describe(new FileSystemException("/srv/x", null, "Read-only file system")))
                .isEqualTo("/srv/x: Read-only file system");
        assertThat(SafeFiles.describe(new IOException("disk on fire"))).isEqualTo("disk on fire");
        assertThat(SafeFiles.describe(new IOException())).isEqualTo("input/output error");
    }

    @Test
    void aLinkRefusedByNoFollowAndNonRegularFilesSayWhatTheyAre() {
        assertThat(SafeFiles.describe(new FileSystemException("/t/lock", null,
                "Too many levels of symbolic links or unable to access attributes of symbolic link")))
                .isEqualTo("/t/lock: is a symbolic link");
        assertThat(SafeFiles.describe(new NotRegularFileException(java.nio.file.Path.of("/dev/zero"),
                SafeFiles.Kind.CHAR_DEVICE))).isEqualTo("/dev/zero: is a character device, not a regular file");
    }

    @Test
    void theLimitHoldsOnTheStreamEvenWhenTheFileClaimsNoSize() throws IOException {
        // /proc files are regular and report size 0: only the bytes read tell how long they are.
        java.nio.file.Path status = java.nio.file.Path.of("/proc/self/status");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(status));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SafeFiles.readInput(status, 10))
                .isInstanceOf(TooLargeException.class).hasMessage("/proc/self/status: is larger than 10 bytes");
        assertThat(SafeFiles.readInput(status, 1 << 20)).isNotEmpty();
    }
}
