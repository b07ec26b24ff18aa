package io.github.dualstack.cli;

import io.github.dualstack.core.Dualstack;
import io.github.dualstack.core.Request;
import io.github.dualstack.core.Report;
import io.github.dualstack.core.RunOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** dualstack check SITE -o DIR (or --sites GLOB): exit 1 with a unified diff when a committed tree is stale. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Renders in memory and compares with the output tree; prints a unified diff of every file"
                + " that differs, is missing or is extra, and exits 1 if there is any. Writes nothing.")
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TreeOptions tree;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        RunOptions options = RunCommand.options(spec, tree, common);
        if (common.many()) {
            return RunCommand.sites(spec, common, tree, s -> Dualstack.check(new Request.Check(s.descriptor(),
                    s.outputDirectory(), options)), r -> () -> {
                        diffs(r);
                        staleHint(r);
                    });
        }
        Report.Check report = RunCommand.call(spec, () -> Dualstack.check(new Request.Check(common.descriptor,
                tree.output, options)));
        if (report == null) {
            return ExitCodes.USAGE;
        }
        int code = RunCommand.finish(spec, report, common, () -> diffs(report), true);
        staleHint(report);
        return code;
    }

    private void diffs(Report.Check report) {
        var out = spec.commandLine().getOut();
        report.drift().ifPresent(d -> d.diffs().forEach(diff -> out.print(diff.text())));
    }

    /** The command that regenerates a stale tree. */
    private void staleHint(Report.Check report) {
        if (common.format == OutputFormat.text && report.drift().map(d -> !d.diffs().isEmpty()).orElse(false)) {
            spec.commandLine().getErr().println("dualstack: the tree is stale; run: "
                    + RunCommand.generateCommand(common, tree));
            spec.commandLine().getErr().flush();
        }
    }
}
