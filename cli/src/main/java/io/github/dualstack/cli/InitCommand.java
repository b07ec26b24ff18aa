package io.github.dualstack.cli;

import io.github.dualstack.core.Dualstack;
import io.github.dualstack.core.FrontEnd;
import io.github.dualstack.core.Report;
import io.github.dualstack.core.Request;
import io.github.dualstack.core.RunOptions;
import io.github.dualstack.core.baseline.CaptureCommands;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** dualstack init [--baseline DIR] [-o site.yaml] [--name NAME] [--force]: a starter descriptor from a baseline. */
@Command(name = "init", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Writes a starter site descriptor from a captured baseline.",
            "",
            "From what dualstack capture captured: node names and addresses, pod and",
            "service ranges, kube-proxy mode, the Calico pool, CloudCore's exposure,",
            "addresses and ports, the edges. Every value is the running site's; each",
            "value to add (the new IP family's side, and what a capture cannot tell) is",
            "marked # TODO: where it goes, and dualstack validate names each one still",
            "missing. The baseline must be inside the descriptor's directory. An",
            "existing descriptor is never replaced without --force; nothing is written",
            "when the baseline has problems.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:the baseline has problems, or the descriptor exists", "2:usage or I/O error"})
final class InitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--baseline", paramLabel = "DIR", defaultValue = CaptureCommands.DEFAULT_DIRECTORY,
            description = "The captured baseline directory (default: ${DEFAULT-VALUE}).")
    Path baseline;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "site.yaml",
            description = "The descriptor to write (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--name", paramLabel = "NAME",
            description = "The site's name, metadata.name (default: kubeadm's clusterName unless it is kubernetes,"
                    + " else the descriptor directory's name).")
    String name;

    @Option(names = "--force", description = "Replace an existing descriptor.")
    boolean force;

    @Option(names = "--max-descriptor-bytes", paramLabel = "BYTES", defaultValue = "268435456",
            description = "Refuse a captured nodes list larger than this, as the descriptor (default: ${DEFAULT-VALUE}).")
    long maxDescriptorBytes;

    @Override
    public Integer call() {
        Ranges.check(spec.commandLine(), "--max-descriptor-bytes", maxDescriptorBytes, 1,
                CommonOptions.MAX_DESCRIPTOR_BYTES);
        PrintWriter err = spec.commandLine().getErr();
        RunOptions options = RunOptions.builder().maxDescriptorBytes(maxDescriptorBytes)
                .frontEnd(new FrontEnd("--force", "dualstack generate", "--max-descriptor-bytes", err::println))
                .build();
        Report.Init report = RunCommand.call(spec, () -> Dualstack.init(new Request.Init(baseline, output,
                Optional.ofNullable(name), force, options)));
        if (report == null) {
            return ExitCodes.USAGE;
        }
        report.problems().forEach(err::println);
        err.println("dualstack: " + report.summary());
        err.flush();
        return report.ok() ? ExitCodes.OK : ExitCodes.PROBLEMS;
    }
}
