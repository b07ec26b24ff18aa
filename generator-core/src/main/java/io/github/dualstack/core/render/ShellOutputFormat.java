package io.github.dualstack.core.render;

/**
 * FreeMarker output format for POSIX shell: every {@code ${}} becomes one single-quoted word, so no value can run
 * a command, expand a variable or split into two arguments.
 */
public final class ShellOutputFormat extends EscapingOutputFormat {

    public static final ShellOutputFormat INSTANCE = new ShellOutputFormat();

    private ShellOutputFormat() {
        super("shell", "text/x-shellscript");
    }

    @Override
    public String escapePlainText(String s) {
        if (s.matches("[A-Za-z0-9_.,:/=@%+-]+")) {
            return s;   // nothing in it the shell would interpret; keeps scripts readable
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
