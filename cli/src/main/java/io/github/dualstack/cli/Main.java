package io.github.dualstack.cli;

import java.nio.file.Path;
import picocli.CommandLine;

/** dualstack.jar: validate, generate and check a site descriptor; print the commands that capture a running site. */
public final class Main {

    /** FreeMarker's documented switch (freemarker.log.Logger.SYSTEM_PROPERTY_NAME_LOGGER_LIBRARY). */
    static final String FREEMARKER_LOGGER_LIBRARY = "org.freemarker.loggerLibrary";

    static {
        // FreeMarker would log through java.util.logging, which prints to stderr. Every template failure reaches the
        // user through the core already (one line each), so the CLI, which owns its JVM, turns that log off; the
        // core leaves the JVM-wide property alone, since inside Maven it would silence other plugins' FreeMarker.
        // A user who set the property (to debug a template) keeps their choice.
        if (System.getProperty(FREEMARKER_LOGGER_LIBRARY) == null) {
            System.setProperty(FREEMARKER_LOGGER_LIBRARY, "none");
        }
    }

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Exit code: 0 ok, 1 descriptor problems or drift, 2 usage or I/O error. */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new DualstackCommand());
        cl.registerConverter(Path.class, new PathConverter());
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("dualstack: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.USAGE;
        });
        // Only for bugs: every user mistake is a ParameterException or a DualstackException with its own message.
        cl.setExecutionExceptionHandler((ex, c, p) -> {
            c.getErr().println("dualstack: internal error: " + ex);
            return ExitCodes.USAGE;
        });
        return cl.execute(args);
    }
}
