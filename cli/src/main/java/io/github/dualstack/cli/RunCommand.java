package io.github.dualstack.cli;

import io.github.dualstack.core.Dualstack;
import io.github.dualstack.core.DualstackException;
import io.github.dualstack.core.FrontEnd;
import io.github.dualstack.core.Report;
import io.github.dualstack.core.RunOptions;
import io.github.dualstack.core.SelfCheckScope;
import io.github.dualstack.core.SiteSet;
import io.github.dualstack.core.SitesReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;

/** The part every command shares: the options of one request, one core call, the report printed, an exit code. */
final class RunCommand {

    private RunCommand() {
    }

    interface CoreCall<T> {
        T run() throws DualstackException;
    }

    /** The report, or null after printing why the run could not happen (exit code 2). */
    static <T> T call(CommandSpec spec, CoreCall<T> call) {
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
        return options(spec, tree, common, SelfCheckScope.SHAPES, false);
    }

    /**
     * The same, for generate, which also says which rendered files are parsed again, and prints what each step
     * cost when asked to ({@code timings}).
     */
    static RunOptions options(CommandSpec spec, TreeOptions tree, CommonOptions common, SelfCheckScope selfCheck,
                              boolean timings) {
        common.check(spec.commandLine());
        if (tree != null) {
            tree.check(spec.commandLine(), common.many());
        }
        PrintWriter err = spec.commandLine().getErr();
        Consumer<String> say = line -> {
            err.println("dualstack: " + line);
            err.flush();
        };
        RunOptions.Builder options = RunOptions.builder().maxDescriptorBytes(common.maxDescriptorBytes)
                .selfCheck(selfCheck)
                .frontEnd(new FrontEnd("--force", generateCommand(common, tree), "--max-descriptor-bytes", say));
        if (timings) {
            options.steps(step -> say.accept("step " + step.line()));
        }
        if (tree != null) {
            options.templateOverrides(tree.templates);
            if (tree.threads != null) {
                options.threads(tree.threads);
            }
        }
        return options.build();
    }

    /** The command line that regenerates this tree, as messages about an interrupted run name it. */
    static String generateCommand(CommonOptions common, TreeOptions tree) {
        String sites = common.many() ? "--sites '" + String.join(",", common.sites) + "'"
                + (tree == null ? "" : " --site-output " + tree.siteOutput) : common.descriptor.toString();
        return "dualstack generate " + sites + (tree == null ? "" : (common.many() ? "" : " -o " + tree.output)
                + (tree.templates == null ? "" : " --templates " + tree.templates));
    }

    /**
     * Every site of {@code --sites}, one core call: as one JSON object with {@code --format json}; else each
     * site's report under a line naming it, as {@link #finish} prints one, then one summary line for all.
     */
    static <R extends Report> int sites(CommandSpec spec, CommonOptions common, TreeOptions tree,
                                        Dualstack.PerSite<R> run, Function<R, Runnable> body) {
        SiteSet set = new SiteSet(Path.of(""), common.sites, tree == null ? SiteSet.DEFAULT_OUTPUT_DIRECTORY
                : tree.siteOutput);
        SitesReport<R> all = call(spec, () -> Dualstack.eachSite(set, run));
        if (all == null) {
            return ExitCodes.USAGE;
        }
        PrintWriter err = spec.commandLine().getErr();
        if (common.format == OutputFormat.json) {
            JsonReport.print(all, spec.commandLine().getOut());
            return all.ok() ? ExitCodes.OK : ExitCodes.PROBLEMS;
        }
        for (SitesReport.SiteResult<R> site : all.sites()) {
            String name = site.site().name();
            err.println("dualstack: site " + name);
            site.failure().ifPresent(f -> f.lines().forEach(l -> err.println("dualstack: " + name + ": " + l)));
            err.flush();
            site.report().ifPresent(r -> finish(spec, r, common, body.apply(r), true));
        }
        err.println("dualstack: " + all.summary());
        err.flush();
        return all.ok() ? ExitCodes.OK : ExitCodes.PROBLEMS;
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
