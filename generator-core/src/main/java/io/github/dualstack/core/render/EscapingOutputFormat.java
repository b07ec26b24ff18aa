package io.github.dualstack.core.render;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import freemarker.template.TemplateModelException;
import java.io.IOException;
import java.io.Writer;

/**
 * What the three output formats share: every {@code ${}} goes through {@link #escapePlainText}, legacy escaping
 * built-ins are not bypassed, and markup is text already in the format's form.
 */
abstract class EscapingOutputFormat extends CommonMarkupOutputFormat<EscapingOutputFormat.Escaped> {

    private final String name;
    private final String mimeType;

    EscapingOutputFormat(String name, String mimeType) {
        this.name = name;
        this.mimeType = mimeType;
    }

    @Override
    public final String getName() {
        return name;
    }

    @Override
    public final String getMimeType() {
        return mimeType;
    }

    @Override
    public final void output(String text, Writer out) throws IOException, TemplateModelException {
        out.write(escapePlainText(text));
    }

    @Override
    public final boolean isLegacyBuiltInBypassed(String builtInName) {
        return false;
    }

    @Override
    protected final Escaped newTemplateMarkupOutputModel(String plainText, String markupText) {
        return new Escaped(plainText, markupText, this);
    }

    /** Text already in the form of its output format. */
    static final class Escaped extends CommonTemplateMarkupOutputModel<Escaped> {
        private final EscapingOutputFormat format;

        Escaped(String plainText, String markupText, EscapingOutputFormat format) {
            super(plainText, markupText);
            this.format = format;
        }

        @Override
        public EscapingOutputFormat getOutputFormat() {
            return format;
        }
    }
}
