package io.github.dualstack.core.render;

import freemarker.core.ParseException;
import freemarker.template.TemplateException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * FreeMarker's messages run over many lines (tips, an FTL stack trace, the Java one); a user gets one: the template
 * file as they know it (the override's path, or the bundled name), the line and column, and the first paragraph
 * of the description without FreeMarker's own location notes.
 */
final class TemplateErrors {

    /** Where a template failed and why, in one line. */
    record Located(String file, int line, int column, String cause) {
        @Override
        public String toString() {
            return file + ":" + line + ":" + column + ": " + cause;
        }
    }

    private static final Pattern LOCATION = Pattern.compile("\\s*\\[in template \"[^\"]*\"[^\\]]*]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final Optional<Path> overrides;

    TemplateErrors(Optional<Path> overrides) {
        this.overrides = overrides;
    }

    /**
     * A render failure in one line. The template's own error is looked for among the causes: FreeMarker caches a
     * failed load, and a file rendering in parallel gets "error loading the template on an earlier attempt" around
     * the same syntax error.
     */
    String describe(String templateName, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TemplateException te) {
                return locate(te).toString();
            }
            if (t instanceof ParseException pe) {
                return locate(pe).toString();
            }
        }
        return "cannot render " + templateName + ": " + cause(e.getMessage());
    }

    Located locate(TemplateException e) {
        return new Located(file(e.getTemplateSourceName()), orOne(e.getLineNumber()), orOne(e.getColumnNumber()),
                cause(e.getMessageWithoutStackTop()));
    }

    Located locate(ParseException e) {
        return new Located(file(e.getTemplateName()), Math.max(1, e.getLineNumber()),
                Math.max(1, e.getColumnNumber()), cause(e.getEditorMessage()));
    }

    /** The override's path when the template came from there (overrides are looked up first), else the bundled name. */
    String file(String templateName) {
        if (templateName == null) {
            return "(unknown template)";
        }
        return overrides.map(d -> d.resolve(templateName)).filter(Files::isRegularFile).map(Path::toString)
                .orElse(templateName + " (bundled)");
    }

    /** The first paragraph of a FreeMarker message, on one line. */
    static String cause(String message) {
        if (message == null || message.isBlank()) {
            return "template error";
        }
        StringBuilder sb = new StringBuilder();
        for (String line : message.split("\\R")) {
            if (line.isBlank() || line.startsWith("----")) {
                if (sb.length() > 0) {
                    break;
                }
                continue;
            }
            sb.append(' ').append(line.startsWith("==> ") ? line.substring(4) : line);
        }
        return SPACES.matcher(LOCATION.matcher(sb).replaceAll("")).replaceAll(" ").strip();
    }

    private static int orOne(Integer n) {
        return n == null || n < 1 ? 1 : n;
    }
}
