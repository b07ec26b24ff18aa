package io.github.dualstack.cli;

import io.github.dualstack.core.RunOptions;
import io.github.dualstack.core.SiteSet;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Options of the commands that render a tree. */
final class TreeOptions {

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "The output tree (committed to git), e.g. generated/. Required with SITE.")
    Path output;

    @Option(names = "--site-output", paramLabel = "DIR", defaultValue = SiteSet.DEFAULT_OUTPUT_DIRECTORY,
            description = "With --sites: each site's tree, relative to its descriptor (default: ${DEFAULT-VALUE}).")
    String siteOutput;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "Template overrides: a file here replaces the bundled template of the same name.")
    Path templates;

    @Option(names = "--threads", paramLabel = "N", description = "Threads that render and write, 1 to "
            + RunOptions.MAX_THREADS + " (default: the number of processors). The output is the same whatever"
            + " the count.")
    Integer threads;

    /** What picocli's types cannot express; each failure is a usage error naming the option. */
    void check(CommandLine cl, boolean many) {
        if (many && output != null) {
            throw new ParameterException(cl, "--output names the tree of one SITE; with --sites each tree is"
                    + " --site-output beside its descriptor");
        }
        if (!many && output == null) {
            throw new ParameterException(cl, "Missing required option: '--output=DIR'");
        }
        if (threads != null) {
            Ranges.check(cl, "--threads", threads, 1, RunOptions.MAX_THREADS);
        }
        if (output != null && Files.exists(output) && !Files.isDirectory(output)) {
            throw new ParameterException(cl, "--output " + output + " is not a directory");
        }
    }
}
