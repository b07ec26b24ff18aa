package io.github.dualstack.core.render;

/**
 * FreeMarker output format for line-oriented text (the runbook, systemd drop-ins, sysctl files): values print as
 * they are, but one holding a line break or control character fails the render, so no value can add a line.
 */
public final class LineOutputFormat extends EscapingOutputFormat {

    public static final LineOutputFormat INSTANCE = new LineOutputFormat();

    private LineOutputFormat() {
        super("line", "text/plain");
    }

    @Override
    public String escapePlainText(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                throw new IllegalArgumentException("a value with a line break or control character cannot be printed"
                        + " into a line-oriented file: " + YamlOutputFormat.quote(s));
            }
        }
        return s;
    }
}
