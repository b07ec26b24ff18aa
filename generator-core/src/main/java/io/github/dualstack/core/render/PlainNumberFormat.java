package io.github.dualstack.core.render;

import freemarker.core.Environment;
import freemarker.core.MarkupOutputFormat;
import freemarker.core.OutputFormat;
import freemarker.core.TemplateNumberFormat;
import freemarker.core.TemplateNumberFormatFactory;
import freemarker.core.TemplateValueFormatException;
import freemarker.core.UnformattableValueException;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import java.util.Locale;

/**
 * Prints whole numbers as plain digits (no grouping, no locale) and as markup, so a port stays a YAML integer
 * instead of becoming a quoted string. Fractions are refused: nothing dualstack renders has one.
 */
final class PlainNumberFormat extends TemplateNumberFormat {

    static final String NAME = "plain";

    static final TemplateNumberFormatFactory FACTORY = new TemplateNumberFormatFactory() {
        @Override
        public TemplateNumberFormat get(String params, Locale locale, Environment env) {
            return new PlainNumberFormat();
        }
    };

    @Override
    public String formatToPlainText(TemplateNumberModel model) throws TemplateValueFormatException, TemplateModelException {
        Number n = model.getAsNumber();
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return n.toString();
        }
        throw new UnformattableValueException("only whole numbers are rendered, got " + n);
    }

    @Override
    public Object format(TemplateNumberModel model) throws TemplateValueFormatException, TemplateModelException {
        String digits = formatToPlainText(model);
        OutputFormat of = Environment.getCurrentEnvironment().getCurrentTemplate().getOutputFormat();
        return of instanceof MarkupOutputFormat<?> markup ? markup.fromMarkup(digits) : digits;
    }

    @Override
    public boolean isLocaleBound() {
        return false;
    }

    @Override
    public String getDescription() {
        return NAME;
    }
}
