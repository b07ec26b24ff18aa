package io.github.dualstack.core.render;

import io.github.dualstack.core.yaml.DoubleQuoted;
/**
 * FreeMarker output format for YAML: every {@code ${}} becomes one double-quoted scalar, so no value can add a
 * key, a document or a comment, whatever it holds. The escapes used ({@code \" \\ \n \r \t \\uXXXX}) are valid in
 * JSON strings too, so JSON embedded in YAML (Calico's CNI config) is safe with the same format.
 */
public final class YamlOutputFormat extends EscapingOutputFormat {

    public static final YamlOutputFormat INSTANCE = new YamlOutputFormat();

    private YamlOutputFormat() {
        super("YAML", "application/yaml");
    }

    @Override
    public String escapePlainText(String s) {
        return quote(s);
    }

    /** A double-quoted scalar for any string. */
    public static String quote(String s) {
        return DoubleQuoted.of(s);
    }
}
