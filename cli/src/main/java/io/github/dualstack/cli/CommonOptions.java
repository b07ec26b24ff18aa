package io.github.dualstack.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
final class CommonOptions {

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "Output format of descriptor problems: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--max-descriptor-bytes", paramLabel = "BYTES", defaultValue = "268435456",
            description = "Refuse descriptors larger than this (default: ${DEFAULT-VALUE}).")
    long maxDescriptorBytes;
}
