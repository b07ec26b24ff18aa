package io.github.dualstack.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Numeric options with bounds: a value outside them is a usage error that names the allowed range. */
final class Ranges {

    private Ranges() {
    }

    static void check(CommandLine cl, String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new ParameterException(cl, option + " must be between " + min + " and " + max + ", not " + value);
        }
    }
}
