package io.github.dualstack.cli;

import io.github.dualstack.core.Dualstack;
import io.github.dualstack.core.Report;
import io.github.dualstack.core.Request;
import io.github.dualstack.core.SelfCheckScope;
import io.github.dualstack.core.RunOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** dualstack generate SITE -o DIR, or every site of a repository: dualstack generate --sites GLOB. */
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

    @Option(names = "--self-check", defaultValue = "shapes", paramLabel = "shapes|all",
            description = "Which files are parsed again before they are written: shapes (every site-wide file and"
                    + " template override, one per-edge file of each template and shape; the others are correct by"
                    + " construction) or all (default: ${DEFAULT-VALUE}).")
    SelfCheckOption selfCheck;

    @Option(names = "--timings", description = "Print what each step of the run cost to standard error: its wall"
            + " time, and the CPU and JIT compilation time of the whole process meanwhile.")
    boolean timings;

    @Mixin
    CommonOptions common;

    /** The option's spellings, lower case as the other enumerated options are. */
    enum SelfCheckOption {
        shapes(SelfCheckScope.SHAPES), all(SelfCheckScope.ALL);

        final SelfCheckScope scope;

        SelfCheckOption(SelfCheckScope scope) {
            this.scope = scope;
        }
    }

    @Override
    public Integer call() {
        RunOptions options = RunCommand.options(spec, tree, common, selfCheck.scope, timings);
        if (common.many()) {
            return RunCommand.sites(spec, common, tree, s -> Dualstack.generate(new Request.Generate(s.descriptor(),
                    s.outputDirectory(), force, options)), r -> () -> { });
        }
        Report.Generate report = RunCommand.call(spec, () -> Dualstack.generate(new Request.Generate(common.descriptor,
                tree.output, force, options)));
        if (report == null) {
            return ExitCodes.USAGE;
        }
        return RunCommand.finish(spec, report, common, () -> { }, true);
    }
}
