package io.github.dualstack.core.render;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import java.io.IOException;
import java.io.Writer;

/**
 * FreeMarker output format for POSIX shell: every {@code ${}} becomes one single-quoted word, so no value can run
 * a command, expand a variable or split into two arguments.
 */
public final class ShellOutputFormat extends CommonMarkupOutputFormat<ShellOutputFormat.Markup> {

    public static final ShellOutputFormat INSTANCE = new ShellOutputFormat();

    private ShellOutputFormat() {
    }

    @Override
    public String getName() {
        return "shell";
    }

    @Override
    public String getMimeType() {
        return "text/x-shellscript";
    }

    @Override
    public void output(String text, Writer out) throws IOException {
        out.write(escapePlainText(text));
    }

    @Override
    public String escapePlainText(String s) {
        if (s.matches("[A-Za-z0-9_.,:/=@%+-]+")) {
            return s;   // nothing in it the shell would interpret; keeps scripts readable
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }

    @Override
    public boolean isLegacyBuiltInBypassed(String builtInName) {
        return false;
    }

    @Override
    protected Markup newTemplateMarkupOutputModel(String plainText, String markupText) {
        return new Markup(plainText, markupText);
    }

    /** Text already in shell form. */
    public static final class Markup extends CommonTemplateMarkupOutputModel<Markup> {
        Markup(String plainText, String markupText) {
            super(plainText, markupText);
        }

        @Override
        public ShellOutputFormat getOutputFormat() {
            return INSTANCE;
        }
    }
}
