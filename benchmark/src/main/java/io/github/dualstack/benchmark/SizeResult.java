package io.github.dualstack.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Everything measured for one site size: per operation, the whole-process and in-process figures, and the floor. */
final class SizeResult {

    enum Operation {
        VALIDATE("validate"), GENERATE("generate"), GENERATE_ALL("generate, self-check all"),
        NO_OP("no-op regenerate"), ONE_EDGE("one-edge change"), CHECK("check"), FLOOR("floor");

        final String label;

        Operation(String label) {
            this.label = label;
        }
    }

    /**
     * Repeated measurements of one figure: wall times (median and range), CPU seconds, the highest peak RSS, and
     * any failure. Whole-process runs record user and system CPU separately; in-process runs only their sum (the
     * JVM's process CPU time has no split), so {@link #userSeconds} and {@link #sysSeconds} stay empty there.
     */
    static final class Figure {
        private final List<Double> seconds = new ArrayList<>();
        private final List<Double> user = new ArrayList<>();
        private final List<Double> sys = new ArrayList<>();
        private final List<Double> cpu = new ArrayList<>();
        private long peakRssKib = -1;
        private String failure;
        private boolean outOfMemory;

        void add(double s) {
            seconds.add(s);
        }

        /** User and system CPU seconds of one whole-process run; negative when they could not be read. */
        void cpu(double userSeconds, double sysSeconds) {
            if (userSeconds >= 0 && sysSeconds >= 0) {
                user.add(userSeconds);
                sys.add(sysSeconds);
                cpu.add(userSeconds + sysSeconds);
            }
        }

        /** User plus system CPU seconds of one in-process run; negative when the JVM cannot tell. */
        void cpuTotal(double cpuSeconds) {
            if (cpuSeconds >= 0) {
                cpu.add(cpuSeconds);
            }
        }

        void rss(long kib) {
            peakRssKib = Math.max(peakRssKib, kib);
        }

        void fail(String why, boolean oom) {
            if (failure == null) {
                failure = why;
            }
            outOfMemory |= oom;
        }

        boolean measured() {
            return failure == null && !seconds.isEmpty();
        }

        String failure() {
            return failure;
        }

        boolean outOfMemory() {
            return outOfMemory;
        }

        long peakRssKib() {
            return peakRssKib;
        }

        int runs() {
            return seconds.size();
        }

        double median() {
            return median(seconds);
        }

        double min() {
            return Collections.min(seconds);
        }

        double max() {
            return Collections.max(seconds);
        }

        /** Median user CPU seconds, NaN when none was recorded. */
        double userSeconds() {
            return median(user);
        }

        double sysSeconds() {
            return median(sys);
        }

        /** Median of user plus system CPU seconds per run (not the sum of the two medians), NaN when none. */
        double cpuSeconds() {
            return median(cpu);
        }

        private static double median(List<Double> values) {
            if (values.isEmpty()) {
                return Double.NaN;
            }
            List<Double> sorted = values.stream().sorted().toList();
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }
    }

    final int edges;
    long descriptorBytes;
    int treeFiles = -1;
    long treeBytes = -1;
    /** Bytes of every file under {@code edge/} (per-node files and the site-wide edge/join.sh). */
    long edgeBytes = -1;
    /** The edge node the one-edge change edits, and the files the last one wrote (relative paths). */
    String changedNode;
    List<String> oneEdgeWritten = List.of();
    /** What each step of the whole-process one-edge changes cost ({@code generate --timings}). */
    final StepTimes oneEdgeSteps = new StepTimes();
    final Figure floor = new Figure();
    final Map<Operation, Figure> wholeProcess = new EnumMap<>(Operation.class);
    final Map<Operation, Figure> inProcess = new EnumMap<>(Operation.class);
    boolean inProcessSkipped;

    SizeResult(int edges) {
        this.edges = edges;
        for (Operation op : Operation.values()) {
            if (op != Operation.FLOOR) {
                wholeProcess.put(op, new Figure());
                inProcess.put(op, new Figure());
            }
        }
    }

    Figure whole(Operation op) {
        return wholeProcess.get(op);
    }

    Figure in(Operation op) {
        return inProcess.get(op);
    }

    boolean anyOutOfMemory() {
        return wholeProcess.values().stream().anyMatch(Figure::outOfMemory);
    }
}
