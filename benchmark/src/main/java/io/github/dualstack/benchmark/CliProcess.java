package io.github.dualstack.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code java -Xmx512m -jar dualstack.jar ...} as a subprocess, as a user would: JVM start included. The
 * wall time is measured around the process. The peak resident set size and the user and system CPU seconds come
 * from GNU time ({@code /usr/bin/time -f "%M %U %S"}, the kernel's rusage of the waited-for child) when it is
 * installed; else a poller reads {@code VmHWM} from {@code /proc/<pid>/status} (the kernel's own high-water mark)
 * and {@code utime}/{@code stime} from {@code /proc/<pid>/stat} every 5 ms, so it misses only what the process
 * does after its last poll (a few milliseconds of CPU, and JVM exit).
 */
final class CliProcess {

    static final String HEAP = "-Xmx512m";
    private static final Path GNU_TIME = Path.of("/usr/bin/time");
    /** Peak RSS in KiB, user and system CPU seconds: GNU time prints the two with two decimals. */
    private static final String GNU_TIME_FORMAT = "%M %U %S";
    private static final Pattern GNU_TIME_LINE = Pattern.compile("(\\d+) (\\d+\\.\\d+) (\\d+\\.\\d+)");

    /** One run; {@code peakRssKib}, {@code userSeconds} and {@code sysSeconds} are negative when unknown. */
    record Result(double seconds, long peakRssKib, double userSeconds, double sysSeconds, int exitCode,
                  boolean outOfMemory, String stderr) {
        String failure() {
            if (outOfMemory) {
                return "OutOfMemoryError (exit " + exitCode + ")";
            }
            return "exit " + exitCode + ": " + lastLines(stderr, 5);
        }
    }

    private final Path javaBinary;
    private final Path cliJar;
    private final boolean gnuTime;

    private final double clockTicks;

    CliProcess(Path cliJar) {
        this.javaBinary = Path.of(System.getProperty("java.home"), "bin", "java");
        this.cliJar = cliJar;
        this.gnuTime = Files.isExecutable(GNU_TIME) && gnuTimeWorks();
        this.clockTicks = gnuTime ? 0 : clockTicks();
    }

    /** How peak RSS and CPU time are measured, for the results header. */
    String usageMethod() {
        return gnuTime ? "GNU time (/usr/bin/time -f \"" + GNU_TIME_FORMAT + "\", the kernel's rusage of the java"
                + " process)"
                : "polling VmHWM in /proc/<pid>/status and utime/stime in /proc/<pid>/stat of the java process"
                + " every 5 ms (GNU time not installed; CPU after the last poll is missed)";
    }

    /**
     * Runs one CLI command; stdout and stderr go to {@code logs/<name>.out|.err} (stdout to nowhere when {@code
     * keepStdout} is false: a drifting check at 100,000 edges prints a diff of every file).
     */
    Result run(Path logs, String name, boolean keepStdout, String... cliArgs) throws IOException, InterruptedException {
        Files.createDirectories(logs);
        Path out = logs.resolve(name + ".out");
        Path err = logs.resolve(name + ".err");
        Path rss = logs.resolve(name + ".rss");
        Files.deleteIfExists(rss);
        List<String> command = new ArrayList<>();
        if (gnuTime) {
            command.addAll(List.of(GNU_TIME.toString(), "-f", GNU_TIME_FORMAT, "-o", rss.toString()));
        }
        command.addAll(List.of(javaBinary.toString(), HEAP, "-jar", cliJar.toString()));
        command.addAll(List.of(cliArgs));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(keepStdout ? ProcessBuilder.Redirect.to(out.toFile()) : ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile());
        long start = System.nanoTime();
        Process p = pb.start();
        Polled polled = new Polled();
        Thread poller = null;
        if (!gnuTime) {
            poller = new Thread(() -> poll(p, polled), "proc-poller");
            poller.setDaemon(true);
            poller.start();
        }
        int exit = p.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (poller != null) {
            poller.join();
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        boolean oom = stderr.contains("OutOfMemoryError");
        if (gnuTime) {
            double[] t = gnuTimeFigures(Files.exists(rss) ? Files.readString(rss, StandardCharsets.UTF_8) : "");
            return new Result(seconds, (long) t[0], t[1], t[2], exit, oom, stderr);
        }
        long[] ticks = polled.ticks.get();
        double user = ticks == null || clockTicks <= 0 ? -1 : ticks[0] / clockTicks;
        double sys = ticks == null || clockTicks <= 0 ? -1 : ticks[1] / clockTicks;
        return new Result(seconds, polled.peakKib.get(), user, sys, exit, oom, stderr);
    }

    /** The poller's last readings: peak RSS, and {utime, stime} in clock ticks. */
    private static final class Polled {
        final AtomicLong peakKib = new AtomicLong(-1);
        final AtomicReference<long[]> ticks = new AtomicReference<>();
    }

    private static void poll(Process p, Polled polled) {
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        Path stat = Path.of("/proc", Long.toString(p.pid()), "stat");
        while (p.isAlive()) {
            try {
                for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
                    if (line.startsWith("VmHWM:")) {
                        long kib = Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
                        polled.peakKib.accumulateAndGet(kib, Math::max);
                    }
                }
                polled.ticks.set(statTicks(Files.readString(stat, StandardCharsets.US_ASCII)));
                Thread.sleep(5);
            } catch (IOException | RuntimeException e) {
                return;   // the process has gone
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * utime and stime (fields 14 and 15 of proc(5)'s {@code /proc/<pid>/stat}, clock ticks). The command name
     * (field 2) is in parentheses and may hold spaces or parentheses itself, so fields are counted after the last
     * {@code ')'}.
     */
    static long[] statTicks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])};
    }

    /**
     * Peak RSS (KiB), user and system seconds from GNU time's output file, each -1 when absent. The last line is
     * the format's; a line before it may say "Command exited with non-zero status N" or name a signal.
     */
    static double[] gnuTimeFigures(String text) {
        List<String> lines = text.lines().toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            Matcher m = GNU_TIME_LINE.matcher(lines.get(i).trim());
            if (m.matches()) {
                return new double[] {Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)),
                        Double.parseDouble(m.group(3))};
            }
        }
        return new double[] {-1, -1, -1};
    }

    /** The kernel's clock ticks per second (getconf CLK_TCK), which /proc/<pid>/stat counts in; 0 if unknown. */
    private static double clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            return p.waitFor() == 0 && text.matches("\\d+") ? Double.parseDouble(text) : 0;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static boolean gnuTimeWorks() {
        try {
            Process p = new ProcessBuilder(GNU_TIME.toString(), "-f", GNU_TIME_FORMAT, "true")
                    .redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 && GNU_TIME_LINE.matcher(text).matches();
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String lastLines(String text, int n) {
        String[] lines = text.strip().split("\n");
        int from = Math.max(0, lines.length - n);
        return String.join(" | ", Arrays.copyOfRange(lines, from, lines.length));
    }
}
