package io.github.dualstack.benchmark;

import io.github.dualstack.benchmark.SizeResult.Figure;
import io.github.dualstack.benchmark.SizeResult.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The Markdown table of a run, with the targets of issue 6 beside the rows they apply to. */
final class ResultsTable {

    static final List<String> COLUMNS = List.of("edges", "operation", "files", "MB", "whole-process s",
            "ratio to floor", "peak RSS MB", "in-process s", "ratio to floor", "target (issue 6)");

    /** A whole-process ratio target: at {@code edges} edge nodes, {@code op} within {@code maxRatio} x the floor. */
    record Target(int edges, Operation op, double maxRatio) {
    }

    static final List<Target> TARGETS = List.of(
            new Target(100_000, Operation.GENERATE, 2.0),
            new Target(100_000, Operation.NO_OP, 0.5),
            new Target(100_000, Operation.CHECK, 1.0),
            new Target(10_000, Operation.GENERATE, 2.5));

    /** The size at which no whole-process run may end in an OutOfMemoryError under -Xmx512m. */
    static final int NO_OOM_EDGES = 100_000;

    private static final String NONE = "—";

    private ResultsTable() {
    }

    static String markdown(List<SizeResult> results) {
        StringBuilder sb = new StringBuilder();
        sb.append("| ").append(String.join(" | ", COLUMNS)).append(" |\n");
        sb.append("|").append("---|".repeat(2)).append("---:|".repeat(COLUMNS.size() - 3)).append("---|\n");
        for (SizeResult r : results) {
            double floor = r.floor.measured() ? r.floor.median() : Double.NaN;
            for (Operation op : Operation.values()) {
                List<String> cells = new ArrayList<>();
                cells.add(String.format(Locale.ROOT, "%,d", r.edges));
                cells.add(op.label);
                if (op == Operation.VALIDATE) {
                    cells.add("1");
                    cells.add(mb(r.descriptorBytes));
                } else {
                    cells.add(r.treeFiles < 0 ? NONE : String.format(Locale.ROOT, "%,d", r.treeFiles));
                    cells.add(r.treeBytes < 0 ? NONE : mb(r.treeBytes));
                }
                if (op == Operation.FLOOR) {
                    // the floor is the reference of both columns: plain writes in one JVM, no JVM start
                    cells.addAll(List.of(time(r.floor), ratio(r.floor, floor), NONE, time(r.floor), ratio(r.floor, floor),
                            ""));
                } else {
                    Figure w = r.whole(op);
                    Figure in = r.in(op);
                    cells.add(time(w));
                    cells.add(ratio(w, floor));
                    cells.add(w.peakRssKib() < 0 ? NONE : String.format(Locale.ROOT, "%.0f", w.peakRssKib() / 1024.0));
                    cells.add(r.inProcessSkipped ? "skipped" : time(in));
                    cells.add(r.inProcessSkipped ? NONE : ratio(in, floor));
                    cells.add(target(r, op, floor));
                }
                sb.append("| ").append(String.join(" | ", cells)).append(" |\n");
            }
        }
        return sb.toString();
    }

    /** The verdict lines: every target of issue 6 whose size was measured. */
    static List<String> verdicts(List<SizeResult> results) {
        List<String> lines = new ArrayList<>();
        for (Target t : TARGETS) {
            results.stream().filter(r -> r.edges == t.edges()).findFirst().ifPresent(r ->
                    lines.add(String.format(Locale.ROOT, "%,d edges, whole-process %s <= %.1fx floor: %s", t.edges(),
                            t.op().label, t.maxRatio(), verdict(r, t, r.floor.measured() ? r.floor.median() : Double.NaN))));
        }
        results.stream().filter(r -> r.edges == NO_OOM_EDGES).findFirst().ifPresent(r ->
                lines.add(String.format(Locale.ROOT, "%,d edges, no OutOfMemoryError with %s: %s", r.edges, CliProcess.HEAP,
                        r.anyOutOfMemory() ? "MISS" : allRan(r) ? "PASS" : "UNKNOWN (a run failed otherwise)")));
        return lines;
    }

    private static boolean allRan(SizeResult r) {
        return r.wholeProcess.values().stream().allMatch(Figure::measured);
    }

    private static String target(SizeResult r, Operation op, double floor) {
        List<String> parts = new ArrayList<>();
        for (Target t : TARGETS) {
            if (t.edges() == r.edges && t.op() == op) {
                parts.add(String.format(Locale.ROOT, "<= %.1fx: %s", t.maxRatio(), verdict(r, t, floor)));
            }
        }
        if (r.edges == NO_OOM_EDGES && r.whole(op).outOfMemory()) {
            parts.add("no OOM: MISS");
        }
        return String.join("; ", parts);
    }

    private static String verdict(SizeResult r, Target t, double floor) {
        Figure f = r.whole(t.op());
        if (f.outOfMemory()) {
            return "MISS (OutOfMemoryError)";
        }
        if (!f.measured() || Double.isNaN(floor)) {
            return "MISS (not measured)";
        }
        double ratio = f.median() / floor;
        return ratio <= t.maxRatio() ? String.format(Locale.ROOT, "PASS (%.2fx)", ratio)
                : String.format(Locale.ROOT, "MISS (%.2fx, %.0f%% over)", ratio, (ratio / t.maxRatio() - 1) * 100);
    }

    private static String time(Figure f) {
        if (f.failure() != null) {
            return f.outOfMemory() ? "OOM" : "FAILED";
        }
        return f.measured() ? String.format(Locale.ROOT, "%.2f", f.median()) : NONE;
    }

    private static String ratio(Figure f, double floor) {
        if (!f.measured() || Double.isNaN(floor) || floor <= 0) {
            return NONE;
        }
        return String.format(Locale.ROOT, "%.2fx", f.median() / floor);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }
}
