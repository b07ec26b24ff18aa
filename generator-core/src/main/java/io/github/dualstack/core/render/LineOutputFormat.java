package io.github.dualstack.core.render;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import java.io.IOException;
import java.io.Writer;
import freemarker.template.TemplateModelException;

/**
 * FreeMarker output format for line-oriented text (the runbook, systemd drop-ins, sysctl files): values print as
 * they are, but one holding a line break or control character fails the render, so no value can add a line.
 */
public final class LineOutputFormat extends CommonMarkupOutputFormat<LineOutputFormat.Markup> {

    public static final LineOutputFormat INSTANCE = new LineOutputFormat();

    private LineOutputFormat() {
    }

    @Override
    public String getName() {
        return "line";
    }

    @Override
    public String getMimeType() {
        return "text/plain";
    }

    @Override
    public void output(String text, Writer out) throws IOException, TemplateModelException {
        out.write(escapePlainText(text));
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

    @Override
    public boolean isLegacyBuiltInBypassed(String builtInName) {
        return false;
    }

    @Override
    protected Markup newTemplateMarkupOutputModel(String plainText, String markupText) {
        return new Markup(plainText, markupText);
    }

    /** Text already checked. */
    public static final class Markup extends CommonTemplateMarkupOutputModel<Markup> {
        Markup(String plainText, String markupText) {
            super(plainText, markupText);
        }

        @Override
        public LineOutputFormat getOutputFormat() {
            return INSTANCE;
        }
    }
}
