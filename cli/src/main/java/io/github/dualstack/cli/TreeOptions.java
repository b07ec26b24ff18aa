package io.github.dualstack.cli;

import io.github.dualstack.core.RunOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Options of the commands that render a tree. */
final class TreeOptions {

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "The output tree (committed to git), e.g. generated/.")
    Path output;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "Template overrides: a file here replaces the bundled template of the same name.")
    Path templates;

    @Option(names = "--threads", paramLabel = "N", description = "Threads that render and write, 1 to "
            + RunOptions.MAX_THREADS + " (default: the number of processors). The output is the same whatever"
            + " the count.")
    Integer threads;

    /** What picocli's types cannot express; each failure is a usage error naming the option. */
    void check(CommandLine cl) {
        if (threads != null) {
            Ranges.check(cl, "--threads", threads, 1, RunOptions.MAX_THREADS);
        }
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new ParameterException(cl, "--output " + output + " is not a directory");
        }
    }
}
