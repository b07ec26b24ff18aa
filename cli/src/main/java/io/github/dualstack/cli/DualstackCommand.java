package io.github.dualstack.cli;

import picocli.CommandLine.Command;

/** The top-level command; the work is in the subcommands. */
@Command(name = "dualstack", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Renders every file of an IPv4/IPv6 dual-stack KubeEdge site from one site descriptor.",
        subcommands = {ValidateCommand.class, GenerateCommand.class, CheckCommand.class, CaptureCommand.class,
                InitCommand.class, ReferenceCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:descriptor problems or drift", "2:usage or I/O error"})
final class DualstackCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is required: validate, generate, check, capture or init");
    }
}
