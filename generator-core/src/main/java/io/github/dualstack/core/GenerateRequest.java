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

    /** A request whose refusals name the CLI's {@code --force}. */
    public GenerateRequest(Path descriptor, Optional<Path> outputDirectory, Optional<Path> templateOverrides, Mode mode,
                           boolean force, long maxDescriptorBytes) {
        this(descriptor, outputDirectory, templateOverrides, mode, force, maxDescriptorBytes, FrontEnd.CLI,
                Runtime.getRuntime().availableProcessors());
    }

    public GenerateRequest {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(frontEnd, "frontEnd");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
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
