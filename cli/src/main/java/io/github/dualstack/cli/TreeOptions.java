package io.github.dualstack.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options of the commands that render a tree. */
final class TreeOptions {

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "The output tree (committed to git), e.g. generated/.")
    Path output;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "Template overrides: a file here replaces the bundled template of the same name.")
    Path templates;

    @Option(names = "--threads", paramLabel = "N", description = "Threads that render and write (default: the"
            + " number of processors). The output is the same whatever the count.")
    Integer threads;
}
