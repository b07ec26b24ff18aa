package io.github.dualstack.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The core's own bound on threads: the front ends check first, so reaching it is a programming error. */
class GenerateRequestTest {

    @Test
    void threadsOutsideOneToMaxAreRefusedAndTheDefaultIsInside() {
        GenerateRequest r = GenerateRequest.validate(Path.of("site.yaml"));
        assertThat(r.threads()).isBetween(1, GenerateRequest.MAX_THREADS);
        assertThat(r.withThreads(GenerateRequest.MAX_THREADS).threads()).isEqualTo(256);
        assertThatThrownBy(() -> r.withThreads(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threads must be between 1 and 256, not 0");
        assertThatThrownBy(() -> r.withThreads(257)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threads must be between 1 and 256, not 257");
    }
}
