package io.github.dualstack.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dualstack.core.Problem;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Prints problems one per line, or as a JSON array of {file, line, column, path, severity, message}. */
final class ProblemPrinter {

    private ProblemPrinter() {
    }

    static void print(List<Problem> problems, OutputFormat format, PrintWriter out) {
        if (format == OutputFormat.json) {
            ObjectMapper m = new ObjectMapper();
            ArrayNode arr = m.createArrayNode();
            for (Problem p : problems) {
                ObjectNode o = arr.addObject();
                o.put("file", p.file());
                o.put("line", p.line());
                o.put("column", p.column());
                o.put("path", p.path());
                o.put("severity", p.severity().name().toLowerCase(Locale.ROOT));
                o.put("message", p.message());
            }
            out.println(arr.toPrettyString());
        } else {
            problems.forEach(out::println);
        }
        out.flush();
    }
}
