package io.github.dualstack.cli;

import io.github.dualstack.core.GenerateRequest;
import io.github.dualstack.core.Report;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** dualstack check SITE -o DIR: exit 1 with a unified diff when the committed tree is stale. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Renders in memory and compares with the output tree; prints a unified diff of every file"
                + " that differs, is missing or is extra, and exits 1 if there is any. Writes nothing.")
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SITE", description = "The site descriptor (site.yaml).")
    Path descriptor;

    @Mixin
    TreeOptions tree;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        Report report = RunCommand.call(spec, RunCommand.request(spec, descriptor, GenerateRequest.Mode.CHECK,
                tree, false, common));
        if (report == null) {
            return ExitCodes.USAGE;
        }
        report.drift().ifPresent(d -> {
            d.diffs().forEach(spec.commandLine().getOut()::print);
            spec.commandLine().getOut().flush();
        });
        int code = RunCommand.finish(spec, report, common);
        if (common.format == OutputFormat.text) {
            var err = spec.commandLine().getErr();
            err.println("dualstack: " + report.summary());
            if (report.drift().map(d -> !d.none()).orElse(false)) {
                err.println("dualstack: the tree is stale; run: dualstack generate " + descriptor + " -o " + tree.output);
            }
            err.flush();
        }
        return code;
    }
}
