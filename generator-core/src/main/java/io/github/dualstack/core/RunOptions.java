package io.github.dualstack.core;

import io.github.dualstack.core.descriptor.StrictYamlReader;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What every request may set beyond its descriptor and tree, each with a default: template overrides, the
 * descriptor size limit, the thread count (the output is byte-identical whatever it is), the front end's words and
 * the self-check's scope, and who is told what each step of a generate cost.
 */
public record RunOptions(Optional<Path> templateOverrides, long maxDescriptorBytes, int threads, FrontEnd frontEnd,
                         SelfCheckScope selfCheck, Optional<Consumer<Step>> steps) {

    /**
     * The most threads a run takes. Fixed rather than a multiple of this machine's processors, so that a command
     * line accepted on a laptop is accepted on a smaller CI runner too; past the core count more threads only cost
     * memory (a stack and a rendered file each), and 256 is above the hardware threads of common large servers.
     */
    public static final int MAX_THREADS = 256;

    public RunOptions {
        Objects.requireNonNull(templateOverrides, "templateOverrides");
        Objects.requireNonNull(frontEnd, "frontEnd");
        Objects.requireNonNull(selfCheck, "selfCheck");
        Objects.requireNonNull(steps, "steps");
        if (threads < 1 || threads > MAX_THREADS) {
            // The front ends check first, in their own option names; reaching this is a programming error.
            throw new IllegalArgumentException("threads must be between 1 and " + MAX_THREADS + ", not " + threads);
        }
        if (maxDescriptorBytes < 1) {
            throw new IllegalArgumentException("maxDescriptorBytes must be positive, not " + maxDescriptorBytes);
        }
    }

    /** No overrides, the default size limit, one thread per processor, the CLI's words. */
    public static RunOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link RunOptions}; every setter is optional. */
    public static final class Builder {
        private Path templateOverrides;
        private long maxDescriptorBytes = StrictYamlReader.DEFAULT_MAX_BYTES;
        private int threads = Math.min(Runtime.getRuntime().availableProcessors(), MAX_THREADS);
        private FrontEnd frontEnd = FrontEnd.CLI;
        private SelfCheckScope selfCheck = SelfCheckScope.SHAPES;
        private Consumer<Step> steps;

        private Builder() {
        }

        /** A directory whose files replace the bundled templates of the same names; null for none. */
        public Builder templateOverrides(Path dir) {
            this.templateOverrides = dir;
            return this;
        }

        public Builder maxDescriptorBytes(long bytes) {
            this.maxDescriptorBytes = bytes;
            return this;
        }

        public Builder threads(int count) {
            this.threads = count;
            return this;
        }

        /** How messages name the front end's options and commands, and where its notices go. */
        public Builder frontEnd(FrontEnd words) {
            this.frontEnd = words;
            return this;
        }

        /** Which rendered files generate parses again before writing them; default {@link SelfCheckScope#SHAPES}. */
        public Builder selfCheck(SelfCheckScope scope) {
            this.selfCheck = scope;
            return this;
        }

        /** Told each step of a generate as it ends, with what it cost ({@link Step}); null for nobody. */
        public Builder steps(Consumer<Step> listener) {
            this.steps = listener;
            return this;
        }

        public RunOptions build() {
            return new RunOptions(Optional.ofNullable(templateOverrides), maxDescriptorBytes, threads, frontEnd,
                    selfCheck, Optional.ofNullable(steps));
        }
    }
}
