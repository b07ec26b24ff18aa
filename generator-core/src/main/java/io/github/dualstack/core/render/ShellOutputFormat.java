package io.github.dualstack.core.render;

import java.util.regex.Pattern;

/**
 * FreeMarker output format for POSIX shell: every {@code ${}} becomes one single-quoted word, so no value can run
 * a command, expand a variable or split into two arguments.
 */
public final class ShellOutputFormat extends EscapingOutputFormat {

    public static final ShellOutputFormat INSTANCE = new ShellOutputFormat();
    /** Nothing in such a word that the shell would interpret. Compiled once: this runs for every value of every script. */
    private static final Pattern SAFE_WORD = Pattern.compile("[A-Za-z0-9_.,:/=@%+-]+");

    private ShellOutputFormat() {
        super("shell", "text/x-shellscript");
    }

    @Override
    public String escapePlainText(String s) {
        if (SAFE_WORD.matcher(s).matches()) {
            return s;   // keeps scripts readable
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
