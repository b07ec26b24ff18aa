package io.github.dualstack.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dualstack.core.FileDiff;
import io.github.dualstack.core.Problem;
import io.github.dualstack.core.Report;
import io.github.dualstack.core.SitesReport;
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
        out.println(object(report).toPrettyString());
        out.flush();
    }

    /**
     * --sites: {@code ok}, {@code summary} and {@code sites} [{site, ok, failure} or {site, ...the object of the
     * site's report}].
     */
    static void print(SitesReport<?> all, PrintWriter out) {
        ObjectNode root = JSON.createObjectNode();
        root.put("ok", all.ok());
        root.put("summary", all.summary());
        ArrayNode sites = root.putArray("sites");
        for (SitesReport.SiteResult<?> site : all.sites()) {
            ObjectNode o = sites.addObject().put("site", site.site().name());
            site.failure().ifPresent(f -> o.put("ok", false).put("failure", f));
            site.report().ifPresent(r -> o.setAll(object(r)));
        }
        out.println(root.toPrettyString());
        out.flush();
    }

    private static ObjectNode object(Report report) {
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
        return root;
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
