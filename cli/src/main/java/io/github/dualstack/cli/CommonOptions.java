package io.github.dualstack.cli;

import picocli.CommandLine;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The descriptor and the options every command takes. */
final class CommonOptions {

    @Parameters(index = "0", paramLabel = "SITE", description = "The site descriptor (site.yaml).")
    Path descriptor;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "Output format of descriptor problems: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--max-descriptor-bytes", paramLabel = "BYTES", defaultValue = "268435456",
            description = "Refuse descriptors larger than this (default: ${DEFAULT-VALUE}).")
    long maxDescriptorBytes;

    /**
     * 1 GiB: the descriptor is read whole into memory and parsed into a tree several times its size, and Java
     * cannot hold more than 2 GiB in one array; a real site descriptor is a few megabytes at most.
     */
    static final long MAX_DESCRIPTOR_BYTES = 1L << 30;

    /** Range checks picocli's types cannot express; a value out of range is a usage error. */
    void check(CommandLine cl) {
        Ranges.check(cl, "--max-descriptor-bytes", maxDescriptorBytes, 1, MAX_DESCRIPTOR_BYTES);
    }
}
