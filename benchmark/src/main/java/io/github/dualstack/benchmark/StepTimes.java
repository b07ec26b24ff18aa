package io.github.dualstack.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The steps that {@code generate --timings} printed, over the runs of one operation: each step's wall, CPU and JIT
 * milliseconds, reported as a table of medians (wall with its range), so that where a run's time goes comes from the
 * same runs as the figure it explains.
 */
final class StepTimes {

    /** What the CLI prints for one step (Step.line, after the CLI's prefix). */
    private static final Pattern LINE = Pattern.compile(
            "(?m)^dualstack: step ([a-z ]+): (\\d+) ms \\(CPU (\\d+) ms, JIT (\\d+) ms\\)$");

    /** Per step, in the order they ran: each run's wall, CPU and JIT milliseconds. */
    private final Map<String, List<long[]>> byStep = new LinkedHashMap<>();

    /** Adds the steps of one run from its standard error; false when it printed none. */
    boolean add(String stderr) {
        Matcher m = LINE.matcher(stderr);
        boolean any = false;
        while (m.find()) {
            byStep.computeIfAbsent(m.group(1), s -> new ArrayList<>()).add(new long[] {
                    Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), Long.parseLong(m.group(4))});
            any = true;
        }
        return any;
    }

    boolean isEmpty() {
        return byStep.isEmpty();
    }

    /** A markdown table: step, wall ms median (min–max), CPU ms and JIT ms medians. */
    List<String> table() {
        List<String> rows = new ArrayList<>(List.of("| step | wall ms | CPU ms | JIT ms |", "|---|---:|---:|---:|"));
        byStep.forEach((step, runs) -> {
            long[] wall = column(runs, 0);
            String range = wall.length > 1 ? String.format(Locale.ROOT, " (%,d–%,d)", wall[0], wall[wall.length - 1])
                    : "";
            rows.add(String.format(Locale.ROOT, "| %s | %,d%s | %,d | %,d |", step, median(wall), range,
                    median(column(runs, 1)), median(column(runs, 2))));
        });
        return rows;
    }

    private static long[] column(List<long[]> runs, int i) {
        return runs.stream().mapToLong(r -> r[i]).sorted().toArray();
    }

    /** The middle value; of an even count, the lower middle one's and the upper's mean. */
    private static long median(long[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
