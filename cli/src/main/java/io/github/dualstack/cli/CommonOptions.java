package io.github.dualstack.cli;

import picocli.CommandLine;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The descriptor and the options every command takes. */
final class CommonOptions {

    @Parameters(index = "0", arity = "0..1", paramLabel = "SITE", description = "The site descriptor (site.yaml).")
    Path descriptor;

    @Option(names = "--sites", paramLabel = "GLOB", split = ",",
            description = "Every site descriptor that matches, instead of SITE: a glob relative to the current"
                    + " directory such as 'sites/*/site.yaml' (quoted; ** crosses directories); repeatable.")
    List<String> sites;

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

    /** Many sites (--sites) rather than one descriptor. */
    boolean many() {
        return sites != null && !sites.isEmpty();
    }

    /** Range checks picocli's types cannot express; a value out of range is a usage error. */
    void check(CommandLine cl) {
        if (many() == (descriptor != null)) {
            throw new ParameterException(cl, many() ? "give either SITE or --sites, not both"
                    : "Missing required parameter: 'SITE' (or --sites GLOB)");
        }
        Ranges.check(cl, "--max-descriptor-bytes", maxDescriptorBytes, 1, MAX_DESCRIPTOR_BYTES);
    }
}
