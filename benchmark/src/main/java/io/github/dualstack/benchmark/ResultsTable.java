package io.github.dualstack.benchmark;

import io.github.dualstack.benchmark.SizeResult.Figure;
import io.github.dualstack.benchmark.SizeResult.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The Markdown table of a run, with the targets of issues 6 and 16 beside the rows they apply to. */
final class ResultsTable {

    static final List<String> COLUMNS = List.of("edges", "operation", "files", "MB", "whole-process s",
            "ratio to floor", "ratio to validate", "user s", "sys s", "CPU µs/edge", "peak RSS MB", "in-process s",
            "ratio to floor", "ratio to validate", "CPU µs/edge", "targets (issues 6, 16)");

    /** What a target's limit is a multiple of: the floor or validate of the same size, or plain seconds. */
    enum Base {
        FLOOR("x floor"), VALIDATE("x validate"), SECONDS(" s");

        final String unit;

        Base(String unit) {
            this.unit = unit;
        }
    }

    /** A whole-process target: at {@code edges} edge nodes, {@code op} within {@code limit} of {@code base}. */
    record Target(int edges, Operation op, int issue, Base base, double limit) {
    }

    static final List<Target> TARGETS = List.of(
            new Target(100_000, Operation.GENERATE, 6, Base.FLOOR, 2.0),
            new Target(100_000, Operation.NO_OP, 6, Base.FLOOR, 0.5),
            new Target(100_000, Operation.CHECK, 6, Base.FLOOR, 1.0),
            new Target(10_000, Operation.GENERATE, 6, Base.FLOOR, 2.5),
            new Target(100_000, Operation.GENERATE, 16, Base.FLOOR, 1.5),
            new Target(100_000, Operation.ONE_EDGE, 16, Base.VALIDATE, 2.0),
            new Target(100_000, Operation.CHECK, 16, Base.FLOOR, 0.5),
            new Target(100_000, Operation.VALIDATE, 16, Base.SECONDS, 5.0));

    /** The size at which no whole-process run may end in an OutOfMemoryError under -Xmx512m (issue 6). */
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
                    // the floor is the reference of both sides: plain writes in one JVM, no JVM start
                    cells.addAll(List.of(time(r.floor), ratio(r.floor, floor), NONE, NONE, NONE, NONE, NONE,
                            time(r.floor), ratio(r.floor, floor), NONE, NONE, ""));
                } else {
                    Figure w = r.whole(op);
                    Figure in = r.in(op);
                    cells.add(time(w));
                    cells.add(ratio(w, floor));
                    cells.add(op == Operation.ONE_EDGE ? ratio(w, base(r.whole(Operation.VALIDATE))) : NONE);
                    cells.add(seconds(w.measured() ? w.userSeconds() : Double.NaN));
                    cells.add(seconds(w.measured() ? w.sysSeconds() : Double.NaN));
                    cells.add(perEdge(w, r.edges));
                    cells.add(w.peakRssKib() < 0 ? NONE : String.format(Locale.ROOT, "%.0f", w.peakRssKib() / 1024.0));
                    if (r.inProcessSkipped) {
                        cells.addAll(List.of("skipped", NONE, NONE, NONE));
                    } else {
                        cells.add(time(in));
                        cells.add(ratio(in, floor));
                        cells.add(op == Operation.ONE_EDGE ? ratio(in, base(r.in(Operation.VALIDATE))) : NONE);
                        cells.add(perEdge(in, r.edges));
                    }
                    cells.add(target(r, op));
                }
                sb.append("| ").append(String.join(" | ", cells)).append(" |\n");
            }
        }
        return sb.toString();
    }

    /** Per size: the tree's files and MiB, its bytes under edge/ per edge node, and what the one-edge change wrote. */
    static List<String> sizes(List<SizeResult> results) {
        List<String> lines = new ArrayList<>();
        for (SizeResult r : results) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%,d edges: ", r.edges));
            if (r.treeBytes < 0) {
                line.append("no tree measured");
            } else {
                line.append(String.format(Locale.ROOT, "tree %,d files, %s MiB; edge/ %,d bytes per edge node",
                        r.treeFiles, mb(r.treeBytes), Math.round((double) r.edgeBytes / r.edges)));
            }
            if (r.changedNode != null && !r.oneEdgeWritten.isEmpty()) {
                line.append(String.format(Locale.ROOT, "; the one-edge change of %s wrote %d file(s): %s",
                        r.changedNode, r.oneEdgeWritten.size(), String.join(", ", r.oneEdgeWritten)));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** The verdict lines: every target whose size was measured. */
    static List<String> verdicts(List<SizeResult> results) {
        List<String> lines = new ArrayList<>();
        for (Target t : TARGETS) {
            results.stream().filter(r -> r.edges == t.edges()).findFirst().ifPresent(r ->
                    lines.add(String.format(Locale.ROOT, "%,d edges, whole-process %s %s (issue %d): %s", t.edges(),
                            t.op().label, limit(t), t.issue(), verdict(r, t))));
        }
        results.stream().filter(r -> r.edges == NO_OOM_EDGES).findFirst().ifPresent(r ->
                lines.add(String.format(Locale.ROOT, "%,d edges, no OutOfMemoryError with %s (issue 6): %s", r.edges,
                        CliProcess.HEAP, r.anyOutOfMemory() ? "missed" : allRan(r) ? "met"
                                : "not known (a run failed otherwise)")));
        return lines;
    }

    /** Generate ran and no run failed (a row left out by an option has no runs and no failure). */
    private static boolean allRan(SizeResult r) {
        return r.whole(Operation.GENERATE).measured()
                && r.wholeProcess.values().stream().allMatch(f -> f.failure() == null);
    }

    private static String target(SizeResult r, Operation op) {
        List<String> parts = new ArrayList<>();
        for (Target t : TARGETS) {
            if (t.edges() == r.edges && t.op() == op) {
                parts.add(String.format(Locale.ROOT, "%d: %s: %s", t.issue(), limit(t), verdict(r, t)));
            }
        }
        if (r.edges == NO_OOM_EDGES && r.whole(op).outOfMemory()) {
            parts.add("6: no OOM: missed");
        }
        return String.join("; ", parts);
    }

    private static String limit(Target t) {
        return String.format(Locale.ROOT, "<= %.1f%s", t.limit(), t.base().unit);
    }

    private static String verdict(SizeResult r, Target t) {
        Figure f = r.whole(t.op());
        if (f.outOfMemory()) {
            return "missed (OutOfMemoryError)";
        }
        double base = switch (t.base()) {
            case FLOOR -> base(r.floor);
            case VALIDATE -> base(r.whole(Operation.VALIDATE));
            case SECONDS -> 1;
        };
        if (!f.measured() || Double.isNaN(base) || base <= 0) {
            return "not measured";
        }
        double value = f.median() / base;
        String shown = String.format(Locale.ROOT, t.base() == Base.SECONDS ? "%.2f s" : "%.2fx", value);
        return value <= t.limit() ? "met (" + shown + ")"
                : String.format(Locale.ROOT, "missed by %.0f%% (%s)", (value / t.limit() - 1) * 100, shown);
    }

    private static double base(Figure f) {
        return f.measured() ? f.median() : Double.NaN;
    }

    /** The median, and with more than one run the range: {@code 1.23 (1.10–1.40)}. */
    private static String time(Figure f) {
        if (f.failure() != null) {
            return f.outOfMemory() ? "OOM" : "FAILED";
        }
        if (!f.measured()) {
            return NONE;
        }
        return f.runs() == 1 ? String.format(Locale.ROOT, "%.2f", f.median())
                : String.format(Locale.ROOT, "%.2f (%.2f–%.2f)", f.median(), f.min(), f.max());
    }

    private static String ratio(Figure f, double base) {
        if (!f.measured() || Double.isNaN(base) || base <= 0) {
            return NONE;
        }
        return String.format(Locale.ROOT, "%.2fx", f.median() / base);
    }

    private static String seconds(double s) {
        return Double.isNaN(s) ? NONE : String.format(Locale.ROOT, "%.2f", s);
    }

    /** CPU microseconds (user plus system) per edge node. */
    private static String perEdge(Figure f, int edges) {
        double cpu = f.measured() ? f.cpuSeconds() : Double.NaN;
        return Double.isNaN(cpu) ? NONE : String.format(Locale.ROOT, "%,.0f", cpu * 1e6 / edges);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }
}
