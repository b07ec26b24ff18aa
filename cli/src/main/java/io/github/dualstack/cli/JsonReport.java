package io.github.dualstack.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dualstack.core.FileDiff;
import io.github.dualstack.core.Problem;
import io.github.dualstack.core.Report;
import io.github.dualstack.core.write.Refusal;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * {@code --format json}: the whole report as one object, for CI to read without parsing text: {@code ok},
 * {@code summary}, {@code problems} [{file, line, column, path, severity, message}], and per mode {@code refusals}
 * [{path, reason, message, diff}] and {@code recovery} (generate), {@code diffs} [{path, change, diff}] and
 * {@code treeProblems} (check).
 */
final class JsonReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonReport() {
    }

    static void print(Report report, PrintWriter out) {
        ObjectNode root = JSON.createObjectNode();
        root.put("ok", report.ok());
        root.put("summary", report.summary());
        ArrayNode problems = root.putArray("problems");
        for (Problem p : report.problems()) {
            ObjectNode o = problems.addObject();
            o.put("file", p.file());
            o.put("line", p.line());
            o.put("column", p.column());
            o.put("path", p.path());
            o.put("severity", lower(p.severity()));
            o.put("message", p.message());
        }
        if (report instanceof Report.Generate g) {
            ArrayNode refusals = root.putArray("refusals");
            g.write().ifPresent(w -> {
                root.put("recovery", w.recovery());
                for (Refusal r : w.refusals()) {
                    ObjectNode o = refusals.addObject();
                    o.put("path", r.path());
                    o.put("reason", lower(r.reason()));
                    o.put("message", r.message());
                    r.diff().ifPresent(d -> o.put("diff", d));
                }
            });
        }
        if (report instanceof Report.Check c) {
            ArrayNode diffs = root.putArray("diffs");
            ArrayNode treeProblems = root.putArray("treeProblems");
            c.drift().ifPresent(d -> {
                for (FileDiff f : d.diffs()) {
                    diffs.addObject().put("path", f.path()).put("change", lower(f.change())).put("diff", f.text());
                }
                d.problems().forEach(treeProblems::add);
            });
        }
        out.println(root.toPrettyString());
        out.flush();
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
