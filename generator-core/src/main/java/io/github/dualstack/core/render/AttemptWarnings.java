package io.github.dualstack.core.render;

import freemarker.core.Environment;
import freemarker.template.AttemptExceptionReporter;
import freemarker.template.TemplateException;
import io.github.dualstack.core.Problem;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What {@code <#attempt>} recovered from in a run. FreeMarker's default reporter logs each failure as a SEVERE stack
 * trace; here each place becomes one warning of the run's report instead, naming the template, line and cause, with
 * how many files met it (an edge template renders once per node, and a thousand equal lines would hide the news).
 * Thread-safe: files render in parallel.
 */
final class AttemptWarnings implements AttemptExceptionReporter {

    private static final Comparator<TemplateErrors.Located> ORDER = Comparator.comparing(TemplateErrors.Located::file)
            .thenComparingInt(TemplateErrors.Located::line).thenComparingInt(TemplateErrors.Located::column)
            .thenComparing(TemplateErrors.Located::cause);

    private final TemplateErrors errors;
    private final ConcurrentMap<TemplateErrors.Located, Integer> seen = new ConcurrentHashMap<>();

    AttemptWarnings(TemplateErrors errors) {
        this.errors = errors;
    }

    @Override
    public void report(TemplateException te, Environment env) {
        seen.merge(errors.locate(te), 1, Integer::sum);
    }

    /** One warning per place and cause, sorted by place, so that the output is the same whatever the threads. */
    List<Problem> problems() {
        return seen.entrySet().stream().sorted(Comparator.comparing(e -> e.getKey(), ORDER)).map(e -> {
            TemplateErrors.Located at = e.getKey();
            String count = e.getValue() > 1 ? " (in " + e.getValue() + " files)" : "";
            return new Problem(at.file(), at.line(), at.column(), "", Problem.Severity.WARNING,
                    "<#attempt> failed and its <#recover> output was used: " + at.cause() + count);
        }).toList();
    }
}
