package io.github.dualstack.cli;

import io.github.dualstack.core.Dualstack;
import io.github.dualstack.core.FrontEnd;
import io.github.dualstack.core.RunOptions;
import io.github.dualstack.core.baseline.CaptureCommands;
import io.github.dualstack.core.rules.Dns1123;
import io.github.dualstack.core.rules.Printable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** dualstack capture [--baseline DIR] [--cloudcore-namespace NS]: the commands that capture a running site. */
@Command(name = "capture", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Prints the shell commands that capture what a running site runs into a",
            "baseline directory, for a descriptor that converts the site (spec.baseline).",
            "dualstack itself never talks to a cluster or a node.",
            "",
            "In the directory of the site descriptor:",
            "  1. Run dualstack capture --baseline baseline, then the kubectl commands it",
            "     prints (kubectl with read access to the cluster).",
            "  2. Run dualstack capture --baseline baseline again: with",
            "     baseline/cluster/nodes.yaml captured, it prints one command per",
            "     control-plane node (ssh to the node by its name, as a user that may",
            "     sudo) and the edge commands; run them. An edge's join token is blanked",
            "     before its edgecore.yaml is written.",
            "  3. Set spec.baseline.directory: baseline in the descriptor, run dualstack",
            "     validate, and commit the baseline directory to git with the descriptor.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:the captured nodes list has problems", "2:usage or I/O error"})
final class CaptureCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--baseline", paramLabel = "DIR", defaultValue = CaptureCommands.DEFAULT_DIRECTORY,
            description = "The baseline directory, as the commands name it (default: ${DEFAULT-VALUE}).")
    Path baseline;

    @Option(names = "--cloudcore-namespace", paramLabel = "NS",
            defaultValue = CaptureCommands.DEFAULT_CLOUDCORE_NAMESPACE,
            description = "The namespace CloudCore runs in, spec.cloudCore.namespace (default: ${DEFAULT-VALUE}).")
    String cloudCoreNamespace;

    @Option(names = "--max-descriptor-bytes", paramLabel = "BYTES", defaultValue = "268435456",
            description = "Refuse a captured nodes list larger than this, as the descriptor (default: ${DEFAULT-VALUE}).")
    long maxDescriptorBytes;

    @Override
    public Integer call() {
        Ranges.check(spec.commandLine(), "--max-descriptor-bytes", maxDescriptorBytes, 1,
                CommonOptions.MAX_DESCRIPTOR_BYTES);
        if (!Dns1123.isLabel(cloudCoreNamespace)) {
            throw new ParameterException(spec.commandLine(), "--cloudcore-namespace must be a namespace name"
                    + " (lowercase letters, digits and '-', at most 63), not " + Printable.quote(cloudCoreNamespace, 80));
        }
        PrintWriter err = spec.commandLine().getErr();
        CaptureCommands.Script script = Dualstack.capture(baseline, cloudCoreNamespace, RunOptions.builder()
                .maxDescriptorBytes(maxDescriptorBytes)
                .frontEnd(new FrontEnd("--force", "dualstack generate", "--max-descriptor-bytes", err::println))
                .build());
        script.problems().forEach(err::println);
        err.flush();
        spec.commandLine().getOut().print(script.text());
        spec.commandLine().getOut().flush();
        return script.ok() ? ExitCodes.OK : ExitCodes.PROBLEMS;
    }
}
