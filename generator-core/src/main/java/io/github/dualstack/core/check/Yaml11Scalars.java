package io.github.dualstack.core.check;

import com.fasterxml.jackson.core.JsonToken;
import java.util.regex.Pattern;

/**
 * Plain scalars that a YAML 1.1 reader resolves to something other than what they look like ({@code yes},
 * {@code 010}, {@code 0x1F}, {@code 1_000}): the one definition the descriptor reader and the self-check share.
 */
public final class Yaml11Scalars {

    private static final Pattern CANONICAL_INT = Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final Pattern INFINITY = Pattern.compile("[-+]?\\.(inf|Inf|INF)");
    private static final Pattern NOT_A_NUMBER = Pattern.compile("\\.(nan|NaN|NAN)");
    private static final Pattern CANONICAL_FLOAT = Pattern.compile("-?(0|[1-9][0-9]*)\\.[0-9]+([eE][-+]?[0-9]+)?");

    private Yaml11Scalars() {
    }

    /** What YAML 1.1 reads {@code .inf}, {@code -.inf} and {@code .nan} as, in words; null for any other scalar. */
    public static String specialFloat(String raw) {
        if (NOT_A_NUMBER.matcher(raw).matches()) {
            return "NaN (not a number)";
        }
        return INFINITY.matcher(raw).matches() ? (raw.startsWith("-") ? "-infinity" : "infinity") : null;
    }

    /** True when a boolean or number token was written in a form other than its canonical one. */
    public static boolean surprising(JsonToken t, String raw) {
        return switch (t) {
            case VALUE_TRUE, VALUE_FALSE -> !raw.equals("true") && !raw.equals("false");
            case VALUE_NUMBER_INT -> !CANONICAL_INT.matcher(raw).matches();
            case VALUE_NUMBER_FLOAT -> !CANONICAL_FLOAT.matcher(raw).matches();
            default -> false;
        };
    }
}
