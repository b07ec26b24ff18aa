package io.github.dualstack.cli;

import picocli.CommandLine;

/** dualstack.jar: validate, generate and check a site descriptor. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Exit code: 0 ok, 1 descriptor problems or drift, 2 usage or I/O error. */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new DualstackCommand());
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("dualstack: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, p) -> {
            c.getErr().println("dualstack: internal error: " + ex);
            return ExitCodes.USAGE;
        });
        return cl.execute(args);
    }
}
