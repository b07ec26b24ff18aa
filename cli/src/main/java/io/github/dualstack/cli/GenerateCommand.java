package io.github.dualstack.cli;

import io.github.dualstack.core.Dualstack;
import io.github.dualstack.core.Request;
import io.github.dualstack.core.Report;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** dualstack generate SITE -o DIR. */
@Command(name = "generate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Validates the descriptor and writes every file of the site into the output tree."
                + " Only files dualstack wrote are replaced; unchanged files are not touched.")
final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TreeOptions tree;

    @Option(names = "--force", description = "Overwrite hand-edited generated files and files dualstack does not own.")
    boolean force;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        Report.Generate report = RunCommand.call(spec, () -> Dualstack.generate(new Request.Generate(common.descriptor,
                tree.output, force, RunCommand.options(spec, tree, common))));
        if (report == null) {
            return ExitCodes.USAGE;
        }
        return RunCommand.finish(spec, report, common, () -> { }, true);
    }
}
