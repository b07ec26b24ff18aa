package io.github.dualstack.core;

import io.github.dualstack.core.descriptor.StrictYamlReader;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One call into the core: which descriptor, where the tree goes, optional template overrides, and what to do.
 * Front ends (the Maven plugin, the CLI) build one of these and map the {@link Report}.
 */
public record GenerateRequest(Path descriptor, Optional<Path> outputDirectory, Optional<Path> templateOverrides,
                              Mode mode, boolean force, long maxDescriptorBytes, FrontEnd frontEnd, int threads) {

    public enum Mode { VALIDATE, GENERATE, CHECK }

    /**
     * The most threads a run takes. Fixed rather than a multiple of this machine's processors, so that a command
     * line accepted on a laptop is accepted on a smaller CI runner too; past the core count more threads only cost
     * memory (a stack and a rendered file each), and 256 is above the hardware threads of common large servers.
     */
    public static final int MAX_THREADS = 256;

    /** A request whose refusals name the CLI's {@code --force}. */
    public GenerateRequest(Path descriptor, Optional<Path> outputDirectory, Optional<Path> templateOverrides, Mode mode,
                           boolean force, long maxDescriptorBytes) {
        this(descriptor, outputDirectory, templateOverrides, mode, force, maxDescriptorBytes, FrontEnd.CLI,
                Math.min(Runtime.getRuntime().availableProcessors(), MAX_THREADS));
    }

    public GenerateRequest {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(frontEnd, "frontEnd");
        if (threads < 1 || threads > MAX_THREADS) {
            // The front ends check first, in their own option names; reaching this is a programming error.
            throw new IllegalArgumentException("threads must be between 1 and " + MAX_THREADS + ", not " + threads);
        }
        if (mode != Mode.VALIDATE && outputDirectory.isEmpty()) {
            throw new IllegalArgumentException(mode + " needs an output directory");
        }
    }

    public static GenerateRequest validate(Path descriptor) {
        return new GenerateRequest(descriptor, Optional.empty(), Optional.empty(), Mode.VALIDATE, false,
                StrictYamlReader.DEFAULT_MAX_BYTES);
    }

    public GenerateRequest withMaxDescriptorBytes(long bytes) {
        return new GenerateRequest(descriptor, outputDirectory, templateOverrides, mode, force, bytes, frontEnd, threads);
    }

    /** How messages name the front end's options and commands, and where its notices go. */
    public GenerateRequest withFrontEnd(FrontEnd words) {
        return new GenerateRequest(descriptor, outputDirectory, templateOverrides, mode, force, maxDescriptorBytes, words,
                threads);
    }

    /** How many threads render and write; the output is byte-identical whatever the count. */
    public GenerateRequest withThreads(int count) {
        return new GenerateRequest(descriptor, outputDirectory, templateOverrides, mode, force, maxDescriptorBytes,
                frontEnd, count);
    }
}
