package io.github.dualstack.cli;

import io.github.dualstack.core.Dualstack;
import io.github.dualstack.core.Request;
import io.github.dualstack.core.Report;
import io.github.dualstack.core.RunOptions;
import io.github.dualstack.core.SiteSummary;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** dualstack validate SITE: every problem at once, or a summary of the resolved site. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Checks a site descriptor and prints every problem, or a summary of the site with defaults applied.")
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--resolved", description = "Print the whole descriptor with every default applied, as YAML.")
    boolean resolved;

    @Override
    public Integer call() {
        RunOptions options = RunCommand.options(spec, null, common);
        if (common.many()) {
            return RunCommand.sites(spec, common, null, s -> Dualstack.validate(new Request.Validate(s.descriptor(),
                    options, resolved)), this::site);
        }
        Report.Validate report = RunCommand.call(spec, () -> Dualstack.validate(new Request.Validate(common.descriptor,
                options, resolved)));
        if (report == null) {
            return ExitCodes.USAGE;
        }
        return RunCommand.finish(spec, report, common, site(report), false);
    }

    /** A valid site's summary, or with --resolved its whole descriptor. */
    private Runnable site(Report.Validate report) {
        return () -> {
            if (!report.hasErrors()) {
                spec.commandLine().getOut().print(resolved ? report.resolved().orElseThrow().yaml()
                        : SiteSummary.of(report.site().orElseThrow()));
            }
        };
    }
}
