package io.github.dualstack.core.rules;

import java.util.regex.Pattern;

/**
 * One POSIX shell word for any string: the string itself when nothing in it is special to the shell, else in
 * single quotes, each single quote written {@code '\''}. Nothing inside can run a command, expand a variable, glob
 * or split the word, so a value from untrusted input (a node name in a captured file) stays one inert argument.
 */
public final class ShellWord {

    /** Characters no POSIX shell interprets in a word; compiled once: this runs for every value of every script. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_.,:/=@%+-]+");

    private ShellWord() {
    }

    public static String quote(String s) {
        if (SAFE.matcher(s).matches()) {
            return s;   // keeps scripts and printed commands readable
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
