package io.github.dualstack.cli;

import io.github.dualstack.core.DualstackException;
import io.github.dualstack.core.FrontEnd;
import io.github.dualstack.core.Report;
import io.github.dualstack.core.RunOptions;
import io.github.dualstack.core.SelfCheckScope;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/** The part every command shares: the options of one request, one core call, the report printed, an exit code. */
final class RunCommand {

    private RunCommand() {
    }

    interface CoreCall<R extends Report> {
        R run() throws DualstackException;
    }

    /** The report, or null after printing why the run could not happen (exit code 2). */
    static <R extends Report> R call(CommandSpec spec, CoreCall<R> call) {
        try {
            return call.run();
        } catch (DualstackException e) {
            // Some failures have one line per problem (template overrides): each line is a message of its own.
            e.getMessage().lines().forEach(l -> spec.commandLine().getErr().println("dualstack: " + l));
            spec.commandLine().getErr().flush();
            return null;
        }
    }

    /** The run options of the command line; throws the usage error of an option value out of range or unusable. */
    static RunOptions options(CommandSpec spec, TreeOptions tree, CommonOptions common) {
        return options(spec, tree, common, SelfCheckScope.SHAPES);
    }

    /** The same, for generate, which also says which rendered files are parsed again. */
    static RunOptions options(CommandSpec spec, TreeOptions tree, CommonOptions common, SelfCheckScope selfCheck) {
        common.check(spec.commandLine());
        if (tree != null) {
            tree.check(spec.commandLine());
        }
        PrintWriter err = spec.commandLine().getErr();
        RunOptions.Builder options = RunOptions.builder().maxDescriptorBytes(common.maxDescriptorBytes)
                .selfCheck(selfCheck)
                .frontEnd(new FrontEnd("--force", generateCommand(common.descriptor, tree), "--max-descriptor-bytes",
                        notice -> {
                            err.println("dualstack: " + notice);
                            err.flush();
                        }));
        if (tree != null) {
            options.templateOverrides(tree.templates);
            if (tree.threads != null) {
                options.threads(tree.threads);
            }
        }
        return options.build();
    }

    /** The command line that regenerates this tree, as messages about an interrupted run name it. */
    private static String generateCommand(Path descriptor, TreeOptions tree) {
        return "dualstack generate " + descriptor + (tree == null ? "" : " -o " + tree.output
                + (tree.templates == null ? "" : " --templates " + tree.templates));
    }

    /**
     * Prints the report: as one JSON object on standard output with {@code --format json}; else problems,
     * recovery, refusals and tree problems one per line on standard error, then {@code body} (diffs, the site
     * summary) on standard output and the summary line. Returns the exit code.
     */
    static int finish(CommandSpec spec, Report report, CommonOptions common, Runnable body, boolean summaryLine) {
        PrintWriter err = spec.commandLine().getErr();
        if (common.format == OutputFormat.json) {
            JsonReport.print(report, spec.commandLine().getOut());
        } else {
            report.problems().forEach(err::println);
            if (report instanceof Report.Generate g) {
                g.write().ifPresent(w -> {
                    if (!w.recovery().isEmpty()) {
                        err.println("dualstack: " + w.recovery());
                    }
                    w.refusals().forEach(r -> err.println("dualstack: refused: " + r));
                });
            }
            if (report instanceof Report.Check c) {
                c.drift().ifPresent(d -> d.problems().forEach(p -> err.println("dualstack: " + p)));
            }
            err.flush();
            body.run();
            spec.commandLine().getOut().flush();
            if (summaryLine) {
                err.println("dualstack: " + report.summary());
            }
        }
        err.flush();
        return report.ok() ? ExitCodes.OK : ExitCodes.PROBLEMS;
    }
}
