package io.github.dualstack.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** I/O failures in words: the reason Java leaves to the exception's class name is spelled out. */
class IoMessagesTest {

    @Test
    void aReasonLeftToTheClassNameIsSpelledOut() {
        assertThat(IoMessages.describe(new AccessDeniedException("/srv/x"))).isEqualTo("/srv/x: permission denied");
        assertThat(IoMessages.describe(new UncheckedIOException(new NoSuchFileException("/srv/y"))))
                .isEqualTo("/srv/y: no such file or directory");
    }

    @Test
    void aGivenReasonOrMessageIsKept() {
        assertThat(IoMessages.describe(new FileSystemException("/srv/x", null, "Read-only file system")))
                .isEqualTo("/srv/x: Read-only file system");
        assertThat(IoMessages.describe(new IOException("disk on fire"))).isEqualTo("disk on fire");
        assertThat(IoMessages.describe(new IOException())).isEqualTo("input/output error");
    }
}
