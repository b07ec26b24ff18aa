package io.github.dualstack.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs {@code java -Xmx512m -jar dualstack.jar ...} as a subprocess, as a user would: JVM start included. The
 * wall time is measured around the process; the peak resident set size comes from GNU time ({@code
 * /usr/bin/time -f %M}) when it is installed, else from polling {@code VmHWM} in {@code /proc/<pid>/status}
 * (the kernel's own high-water mark, so polling misses nothing but the last few milliseconds).
 */
final class CliProcess {

    static final String HEAP = "-Xmx512m";
    private static final Path GNU_TIME = Path.of("/usr/bin/time");

    record Result(double seconds, long peakRssKib, int exitCode, boolean outOfMemory, String stderr) {
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

    CliProcess(Path cliJar) {
        this.javaBinary = Path.of(System.getProperty("java.home"), "bin", "java");
        this.cliJar = cliJar;
        this.gnuTime = Files.isExecutable(GNU_TIME) && gnuTimeWorks();
    }

    /** How peak RSS is measured, for the results header. */
    String rssMethod() {
        return gnuTime ? "GNU time (/usr/bin/time -f %M) around the java process"
                : "polling VmHWM in /proc/<pid>/status of the java process every 5 ms (GNU time not installed)";
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
            command.addAll(List.of(GNU_TIME.toString(), "-f", "%M", "-o", rss.toString()));
        }
        command.addAll(List.of(javaBinary.toString(), HEAP, "-jar", cliJar.toString()));
        command.addAll(List.of(cliArgs));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(keepStdout ? ProcessBuilder.Redirect.to(out.toFile()) : ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile());
        long start = System.nanoTime();
        Process p = pb.start();
        AtomicLong polled = new AtomicLong(-1);
        Thread poller = null;
        if (!gnuTime) {
            poller = new Thread(() -> pollVmHwm(p, polled), "vmhwm-poller");
            poller.setDaemon(true);
            poller.start();
        }
        int exit = p.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (poller != null) {
            poller.join();
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        long peak = gnuTime ? gnuTimeKib(rss) : polled.get();
        boolean oom = stderr.contains("OutOfMemoryError");
        return new Result(seconds, peak, exit, oom, stderr);
    }

    private static void pollVmHwm(Process p, AtomicLong peak) {
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        while (p.isAlive()) {
            try {
                for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
                    if (line.startsWith("VmHWM:")) {
                        long kib = Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
                        peak.accumulateAndGet(kib, Math::max);
                    }
                }
                Thread.sleep(5);
            } catch (IOException | RuntimeException e) {
                return;   // the process has gone
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static long gnuTimeKib(Path rss) throws IOException {
        if (!Files.exists(rss)) {
            return -1;
        }
        // The last line is %M; a line before it says "Command exited with non-zero status N" or names a signal.
        List<String> lines = Files.readAllLines(rss, StandardCharsets.UTF_8);
        for (int i = lines.size() - 1; i >= 0; i--) {
            String l = lines.get(i).trim();
            if (l.matches("\\d+")) {
                return Long.parseLong(l);
            }
        }
        return -1;
    }

    private static boolean gnuTimeWorks() {
        try {
            Process p = new ProcessBuilder(GNU_TIME.toString(), "-f", "%M", "true")
                    .redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 && text.matches("\\d+");
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
