package io.github.dualstack.benchmark;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Everything measured for one site size: per operation, the whole-process and in-process figures, and the floor. */
final class SizeResult {

    enum Operation {
        VALIDATE("validate"), GENERATE("generate"), NO_OP("no-op regenerate"), CHECK("check"), FLOOR("floor");

        final String label;

        Operation(String label) {
            this.label = label;
        }
    }

    /** Repeated measurements of one figure: the median time, the highest peak RSS, and any failure. */
    static final class Figure {
        private final List<Double> seconds = new ArrayList<>();
        private long peakRssKib = -1;
        private String failure;
        private boolean outOfMemory;

        void add(double s) {
            seconds.add(s);
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

        double median() {
            List<Double> sorted = seconds.stream().sorted().toList();
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }
    }

    final int edges;
    long descriptorBytes;
    int treeFiles = -1;
    long treeBytes = -1;
    final Figure floor = new Figure();
    final Map<Operation, Figure> wholeProcess = new EnumMap<>(Operation.class);
    final Map<Operation, Figure> inProcess = new EnumMap<>(Operation.class);
    boolean inProcessSkipped;

    SizeResult(int edges) {
        this.edges = edges;
        for (Operation op : List.of(Operation.VALIDATE, Operation.GENERATE, Operation.NO_OP, Operation.CHECK)) {
            wholeProcess.put(op, new Figure());
            inProcess.put(op, new Figure());
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
