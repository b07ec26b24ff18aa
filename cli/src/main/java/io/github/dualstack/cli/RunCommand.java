package io.github.dualstack.cli;

import io.github.dualstack.core.Dualstack;
import io.github.dualstack.core.DualstackException;
import io.github.dualstack.core.FrontEnd;
import io.github.dualstack.core.GenerateRequest;
import io.github.dualstack.core.Report;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/** The part every command shares: one request, one core call, problems and refusals printed, an exit code. */
final class RunCommand {

    private RunCommand() {
    }

    /** The report, or null after printing why the run could not happen (exit code 2). */
    static Report call(CommandSpec spec, GenerateRequest request) {
        try {
            return Dualstack.run(request);
        } catch (DualstackException e) {
            // Some failures have one line per problem (template overrides): each line is a message of its own.
            e.getMessage().lines().forEach(l -> spec.commandLine().getErr().println("dualstack: " + l));
            spec.commandLine().getErr().flush();
            return null;
        }
    }

    /** The request of the options; throws the usage error of an option value out of range or unusable. */
    static GenerateRequest request(CommandSpec spec, Path descriptor, GenerateRequest.Mode mode, TreeOptions tree,
                                   boolean force, CommonOptions common) {
        common.check(spec.commandLine());
        if (tree != null) {
            tree.check(spec.commandLine());
        }
        PrintWriter err = spec.commandLine().getErr();
        GenerateRequest request = new GenerateRequest(descriptor, Optional.ofNullable(tree).map(t -> t.output),
                Optional.ofNullable(tree).map(t -> t.templates), mode, force, common.maxDescriptorBytes)
                .withFrontEnd(new FrontEnd("--force", generateCommand(descriptor, tree), notice -> {
                    err.println("dualstack: " + notice);
                    err.flush();
                }));
        return tree != null && tree.threads != null ? request.withThreads(tree.threads) : request;
    }

    /** The command line that regenerates this tree, as messages about an interrupted run name it. */
    private static String generateCommand(Path descriptor, TreeOptions tree) {
        return "dualstack generate " + descriptor + (tree == null ? "" : " -o " + tree.output
                + (tree.templates == null ? "" : " --templates " + tree.templates));
    }

    /** Prints descriptor problems, and for text output the write refusals; returns the exit code. */
    static int finish(CommandSpec spec, Report report, CommonOptions common) {
        PrintWriter err = spec.commandLine().getErr();
        if (common.format == OutputFormat.json) {
            ProblemPrinter.print(report.problems(), common.format, spec.commandLine().getOut());
        } else {
            ProblemPrinter.print(report.problems(), common.format, err);
        }
        report.write().ifPresent(w -> {
            if (!w.recovery().isEmpty()) {
                err.println("dualstack: " + w.recovery());
            }
            w.refusals().forEach(r -> err.println("dualstack: refused: " + r));
        });
        err.flush();
        return report.ok() ? ExitCodes.OK : ExitCodes.PROBLEMS;
    }
}
