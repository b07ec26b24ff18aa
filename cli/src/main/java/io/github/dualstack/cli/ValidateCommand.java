package io.github.dualstack.cli;

import io.github.dualstack.core.Dualstack;
import io.github.dualstack.core.DualstackException;
import io.github.dualstack.core.GenerateRequest;
import io.github.dualstack.core.Report;
import io.github.dualstack.core.SiteSummary;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** dualstack validate SITE: every problem at once, or a summary of the resolved site. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Checks a site descriptor and prints every problem, or a summary of the site with defaults applied.")
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SITE", description = "The site descriptor (site.yaml).")
    Path descriptor;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "Output format of problems: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--resolved", description = "Print the whole descriptor with every default applied, as YAML.")
    boolean resolved;

    @Option(names = "--max-descriptor-bytes", paramLabel = "BYTES",
            description = "Refuse descriptors larger than this (default: ${DEFAULT-VALUE}).", defaultValue = "268435456")
    long maxBytes;

    @Override
    public Integer call() {
        Report report;
        try {
            report = Dualstack.run(GenerateRequest.validate(descriptor).withMaxDescriptorBytes(maxBytes));
        } catch (DualstackException e) {
            spec.commandLine().getErr().println("dualstack: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        var out = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            ProblemPrinter.print(report.problems(), format, out);
        } else {
            ProblemPrinter.print(report.problems(), format, spec.commandLine().getErr());
            if (!report.hasErrors()) {
                if (resolved) {
                    out.print(SiteSummary.resolvedYaml(report.resolvedDescriptor().orElseThrow()));
                } else {
                    out.print(SiteSummary.of(report.site().orElseThrow()));
                }
                out.flush();
            }
        }
        return report.hasErrors() ? ExitCodes.PROBLEMS : ExitCodes.OK;
    }
}
