package io.github.dualstack.cli;

import io.github.dualstack.core.Dualstack;
import io.github.dualstack.core.Request;
import io.github.dualstack.core.Report;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** dualstack check SITE -o DIR: exit 1 with a unified diff when the committed tree is stale. */
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
        Report.Check report = RunCommand.call(spec, () -> Dualstack.check(new Request.Check(common.descriptor,
                tree.output, RunCommand.options(spec, tree, common))));
        if (report == null) {
            return ExitCodes.USAGE;
        }
        var out = spec.commandLine().getOut();
        int code = RunCommand.finish(spec, report, common, () -> report.drift().ifPresent(d ->
                d.diffs().forEach(diff -> out.print(diff.text()))), true);
        if (common.format == OutputFormat.text && report.drift().map(d -> !d.diffs().isEmpty()).orElse(false)) {
            spec.commandLine().getErr().println("dualstack: the tree is stale; run: dualstack generate "
                    + common.descriptor + " -o " + tree.output);
            spec.commandLine().getErr().flush();
        }
        return code;
    }
}
