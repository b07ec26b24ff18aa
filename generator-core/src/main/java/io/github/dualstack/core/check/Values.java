package io.github.dualstack.core.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dualstack.core.rules.Printable;
import java.util.Locale;

/** Parsed values in the words of a one-line problem: the self-check's and the baseline reader's. */
public final class Values {

    private Values() {
    }

    /** What a value is, with an article: "a mapping", "an integer", "nothing". */
    public static String type(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        return switch (n.getNodeType()) {
            case OBJECT -> "a mapping";
            case ARRAY -> "a list";
            case STRING -> "a string";
            case NUMBER -> n.isIntegralNumber() ? "an integer" : "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> n.getNodeType().toString().toLowerCase(Locale.ROOT);
        };
    }

    /** A string quoted, a scalar with its type, a collection by its type. */
    public static String describe(JsonNode n) {
        if (n.isTextual()) {
            return quote(n.textValue());
        }
        return n.isValueNode() ? type(n) + " " + n.asText() : type(n);
    }

    /** A value quoted for a one-line message: control characters escaped, long values shortened. */
    public static String quote(String v) {
        return Printable.quote(v, 80);
    }
}
