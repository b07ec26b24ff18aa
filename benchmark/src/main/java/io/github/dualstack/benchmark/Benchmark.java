package io.github.dualstack.benchmark;

import io.github.dualstack.benchmark.SizeResult.Figure;
import io.github.dualstack.benchmark.SizeResult.Operation;
import io.github.dualstack.core.Dualstack;
import io.github.dualstack.core.Request;
import io.github.dualstack.core.Problem;
import io.github.dualstack.core.Report;
import io.github.dualstack.core.RunOptions;
import io.github.dualstack.core.SelfCheckScope;
import io.github.dualstack.core.Version;
import io.github.dualstack.fixtures.SyntheticSite;
import com.sun.management.OperatingSystemMXBean;
import io.github.dualstack.core.write.WriteResult;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The scale benchmark of issues 6 and 16. For each size it writes a synthetic site, then measures validate, generate
 * into an empty directory, a no-op regenerate, a one-edge change (one label of one edge node) and check, each as
 * a CLI subprocess ({@code java -Xmx512m -jar
 * dualstack.jar}, JVM start included) and in this JVM (after a warm-up), against the floor: the same files written
 * with plain Java writes. Progress goes to stderr; the Markdown table to stdout and {@code <work>/results.md}.
 * Exit code 0 when every run did what it should (targets missed or not), 1 when one failed (OutOfMemoryError,
 * drift, a no-op that wrote), 2 for usage or I/O errors of the benchmark itself.
 */
public final class Benchmark {

    /** The marker that makes a work directory ours, so that we only ever delete under directories we made. */
    static final String MARKER = ".dualstack-benchmark";
    private static final Pattern NO_OP_SUMMARY = Pattern.compile("dualstack: 0 written, \\d+ unchanged, 0 removed");
    private static final Pattern WRITTEN = Pattern.compile("dualstack: (\\d+) written, \\d+ unchanged, \\d+ removed");
    /** The JVM's process CPU time (user plus system, all threads), or null where the JVM does not offer it. */
    private static final OperatingSystemMXBean OS = ManagementFactory.getOperatingSystemMXBean()
            instanceof OperatingSystemMXBean os ? os : null;
    /** A generous guess of the disk one edge node needs (tree and floor copy, 4 KiB blocks) before a size is measured. */
    private static final long GUESS_BYTES_PER_EDGE = 64 * 1024;

    private final Options options;
    private final PrintStream out;
    private final PrintStream log;
    private final CliProcess cli;
    private final List<SizeResult> results = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private boolean syncWorks = true;
    private final Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    Benchmark(Options options, PrintStream out, PrintStream log) {
        this.options = options;
        this.out = out;
        this.log = log;
        this.cli = new CliProcess(options.cliJar());
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    static int run(PrintStream out, PrintStream log, String... args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (Options.UsageException e) {
            if (!e.getMessage().isEmpty()) {
                log.println("benchmark: " + e.getMessage());
            }
            log.print(Options.USAGE);
            return e.getMessage().isEmpty() ? 0 : 2;
        }
        try {
            return new Benchmark(options, out, log).run();
        } catch (IOException e) {
            log.println("benchmark: I/O error: " + e);
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.println("benchmark: interrupted");
            return 2;
        }
    }

    int run() throws IOException, InterruptedException {
        prepareWorkDirectory();
        log.println("benchmark: work " + options.work() + ", sizes " + options.sizes() + ", seed " + options.seed()
                + ", repeat " + options.repeat() + "; peak RSS and CPU by " + cli.usageMethod());
        if (!options.skipInProcess()) {
            warmUp(options.sizes().get(0));
        }
        for (int edges : options.sizes()) {
            results.add(measure(edges));
            Files.writeString(options.work().resolve("results.md"), report(), StandardCharsets.UTF_8);
        }
        String report = report();
        Files.writeString(options.work().resolve("results.md"), report, StandardCharsets.UTF_8);
        out.print(report);
        out.flush();
        log.println("benchmark: results in " + options.work().resolve("results.md"));
        return failures.isEmpty() ? 0 : 1;
    }

    /** Refuses a non-empty directory that the benchmark did not make: it deletes whole trees in it. */
    private void prepareWorkDirectory() throws IOException {
        Path work = options.work();
        if (Files.isDirectory(work) && !Files.exists(work.resolve(MARKER))) {
            try (var entries = Files.list(work)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException(work + " is not empty and was not made by the benchmark (no " + MARKER
                            + "); choose a new --work directory");
                }
            }
        }
        Files.createDirectories(work);
        Files.writeString(work.resolve(MARKER), "made by io.github.dualstack.benchmark.Benchmark; its subdirectories"
                + " are deleted by the next run\n");
    }

    /** One untimed pass of every operation at the smallest size, so the in-process figures are not cold-JIT ones. */
    private void warmUp(int edges) throws IOException {
        Path dir = options.work().resolve("warmup");
        Trees.delete(dir);
        Path site = new SyntheticSite(edges, options.seed()).writeTo(dir.resolve("site.yaml"), options.form());
        Path tree = dir.resolve("generated");
        log.println("benchmark: in-process warm-up at " + edges + " edge nodes");
        for (Request request : List.of(Request.Validate.of(site), Request.Generate.of(site, tree),
                Request.Generate.of(site, tree), Request.Check.of(site, tree))) {
            try {
                Dualstack.run(request);
            } catch (Exception | OutOfMemoryError e) {
                log.println("benchmark: warm-up " + request.getClass().getSimpleName() + " failed: " + e);
            }
        }
        Trees.delete(dir);
    }

    private SizeResult measure(int edges) throws IOException, InterruptedException {
        SizeResult r = new SizeResult(edges);
        Path dir = options.work().resolve(Integer.toString(edges));
        Trees.delete(dir);
        checkDiskSpace(edges);
        Path site = new SyntheticSite(edges, options.seed()).writeTo(dir.resolve("site.yaml"), options.form());
        Path nodes = SyntheticSite.nodesFile(site, options.form());
        r.descriptorBytes = Files.size(site) + (nodes.equals(site) ? 0 : Files.size(nodes));
        validateOrFail(site);
        Path tree = dir.resolve("generated");
        Path floorDir = dir.resolve("floor");
        Path logs = dir.resolve("logs");
        OneEdgeChange change = OneEdgeChange.of(nodes, edges);
        r.changedNode = change.node();

        // Every timed write of a whole tree (generate, floor) follows the deletion of an equal tree at the same
        // place: creating files right after many were deleted costs several times more on some file systems (see
        // benchmark/README.md), so all of them must start from the same state. This untimed run makes the first one.
        primeGenerate(r, site, tree, logs);
        boolean treeWhole = false;   // the tree on disk is a complete one of the last generate, for the floor
        for (int rep = 1; rep <= options.repeat(); rep++) {
            treeWhole = wholeRound(r, change, site, tree, logs, rep + "-of-" + options.repeat());
        }
        if (treeWhole) {
            floor(r, tree, floorDir);
        }
        Trees.delete(tree);

        if (options.skipInProcess()) {
            r.inProcessSkipped = true;
        } else {
            for (int rep = 1; rep <= options.repeat(); rep++) {
                treeWhole = inProcessRound(r, change, site, tree, logs, rep + "-of-" + options.repeat());
            }
            if (!r.floor.measured() && treeWhole) {
                floor(r, tree, floorDir);   // the CLI could not generate; the floor still has a tree to copy
            }
            Trees.delete(tree);
        }
        log.println("benchmark: " + edges + " edge nodes done; kept " + site + " and " + logs);
        return r;
    }

    /** One round of every operation as a CLI subprocess; says whether it left a complete generated tree. */
    private boolean wholeRound(SizeResult r, OneEdgeChange change, Path site, Path tree, Path logs, String n)
            throws IOException, InterruptedException {
        whole(r, Operation.VALIDATE, logs, "validate-" + n, true, "validate", site.toString());
        Trees.delete(tree);   // generate starts from an empty directory
        if (!whole(r, Operation.GENERATE, logs, "generate-" + n, true, "generate", site.toString(), "-o",
                tree.toString())) {
            skip(r.whole(Operation.GENERATE_ALL), r.whole(Operation.NO_OP), r.whole(Operation.ONE_EDGE),
                    r.whole(Operation.CHECK));
            return false;
        }
        CliProcess.Result noOp = wholeResult(r, Operation.NO_OP, logs, "no-op-" + n, true,
                "generate", site.toString(), "-o", tree.toString());
        if (noOp != null && !NO_OP_SUMMARY.matcher(noOp.stderr()).find()) {
            fail(r, r.whole(Operation.NO_OP), "whole-process no-op regenerate wrote or removed files: "
                    + CliProcess.lastLines(noOp.stderr(), 1), false);
        }
        wholeOneEdge(r, change, site, tree, logs, n);
        whole(r, Operation.CHECK, logs, "check-" + n, false, "check", site.toString(), "-o", tree.toString());
        if (options.skipSelfCheckAll()) {
            return true;
        }
        Trees.delete(tree);   // like generate: an empty directory where an equal tree was just deleted
        return whole(r, Operation.GENERATE_ALL, logs, "generate-self-check-all-" + n, true,
                "generate", site.toString(), "-o", tree.toString(), "--self-check", "all");
    }

    /** One round of every operation in this JVM; says whether it left a complete generated tree. */
    private boolean inProcessRound(SizeResult r, OneEdgeChange change, Path site, Path tree, Path logs, String n)
            throws IOException, InterruptedException {
        inProcess(r, Operation.VALIDATE, Request.Validate.of(site));
        Trees.delete(tree);
        if (inProcess(r, Operation.GENERATE, Request.Generate.of(site, tree)).isEmpty()) {
            skip(r.in(Operation.GENERATE_ALL), r.in(Operation.NO_OP), r.in(Operation.ONE_EDGE), r.in(Operation.CHECK));
            return false;
        }
        inProcess(r, Operation.NO_OP, Request.Generate.of(site, tree))
                .filter(x -> !((Report.Generate) x).write().orElseThrow().noOp())
                .ifPresent(x -> fail(r, r.in(Operation.NO_OP), "in-process no-op regenerate wrote or removed files: "
                        + x.summary(), false));
        inProcessOneEdge(r, change, site, tree, logs, n);
        inProcess(r, Operation.CHECK, Request.Check.of(site, tree));
        if (options.skipSelfCheckAll()) {
            return true;
        }
        Trees.delete(tree);
        return inProcess(r, Operation.GENERATE_ALL, new Request.Generate(site, tree, false,
                RunOptions.builder().selfCheck(SelfCheckScope.ALL).build())).isPresent();
    }

    /** Runs a CLI command, records it, and says whether it succeeded. */
    private boolean whole(SizeResult r, Operation op, Path logs, String name, boolean keepStdout, String... args)
            throws IOException, InterruptedException {
        return wholeResult(r, op, logs, name, keepStdout, args) != null;
    }

    private CliProcess.Result wholeResult(SizeResult r, Operation op, Path logs, String name, boolean keepStdout,
                                          String... args) throws IOException, InterruptedException {
        settle();
        CliProcess.Result res = cli.run(logs, name, keepStdout, args);
        Figure f = r.whole(op);
        f.rss(res.peakRssKib());
        log.printf(Locale.ROOT, "benchmark: [%,d] whole-process %-16s (%s): %.2f s, user %.2f s, sys %.2f s, peak RSS"
                        + " %s, exit %d%n", r.edges, op.label, name, res.seconds(), res.userSeconds(), res.sysSeconds(),
                res.peakRssKib() < 0 ? "?" : (res.peakRssKib() / 1024) + " MiB", res.exitCode());
        if (res.exitCode() != 0 || res.outOfMemory()) {
            fail(r, f, "whole-process " + op.label + ": " + res.failure() + " (log: " + logs.resolve(name + ".err") + ")",
                    res.outOfMemory());
            return null;
        }
        f.add(res.seconds());
        f.cpu(res.userSeconds(), res.sysSeconds());
        return res;
    }

    /**
     * The one-edge change, whole process: edit the descriptor, time generate on the tree, compare the files it
     * touched with the summary line's count, then restore the descriptor and the tree (untimed).
     */
    private void wholeOneEdge(SizeResult r, OneEdgeChange change, Path site, Path tree, Path logs, String n)
            throws IOException, InterruptedException {
        Map<String, Trees.Stamp> before = Trees.stamps(tree);
        change.apply();
        try {
            CliProcess.Result res = wholeResult(r, Operation.ONE_EDGE, logs, "one-edge-" + n, true,
                    "generate", site.toString(), "-o", tree.toString(), "--timings");
            if (res != null) {
                r.oneEdgeSteps.add(res.stderr());
                Matcher m = WRITTEN.matcher(res.stderr());
                judgeOneEdge(r, r.whole(Operation.ONE_EDGE), change, before, tree, null, m.find()
                        ? Integer.parseInt(m.group(1)) : -1, "whole-process ");
            }
        } finally {
            restore(r, r.whole(Operation.ONE_EDGE), change, site, tree, logs, "restore-" + n);
        }
    }

    /** The one-edge change in process; the report names the files written, which must be the ones touched. */
    private void inProcessOneEdge(SizeResult r, OneEdgeChange change, Path site, Path tree, Path logs, String n)
            throws IOException, InterruptedException {
        Map<String, Trees.Stamp> before = Trees.stamps(tree);
        change.apply();
        try {
            Optional<Report> report = inProcess(r, Operation.ONE_EDGE, Request.Generate.of(site, tree));
            if (report.isPresent()) {
                WriteResult w = ((Report.Generate) report.get()).write().orElseThrow();
                judgeOneEdge(r, r.in(Operation.ONE_EDGE), change, before, tree, w.written(), w.written().size(),
                        "in-process ");
            }
        } finally {
            restore(r, r.in(Operation.ONE_EDGE), change, site, tree, logs, "restore-in-process-" + n);
        }
    }

    private void judgeOneEdge(SizeResult r, Figure f, OneEdgeChange change, Map<String, Trees.Stamp> before, Path tree,
                              List<String> reportedPaths, int reportedCount, String how) throws IOException {
        SortedSet<String> touched = Trees.touched(before, Trees.stamps(tree));
        r.oneEdgeWritten = List.copyOf(touched);
        String problem = change.problem(touched, reportedPaths, reportedCount);
        if (problem != null) {
            fail(r, f, how + problem, false);
        }
    }

    /** Puts the original descriptor back and regenerates (untimed), so that check sees the tree generate wrote. */
    private void restore(SizeResult r, Figure f, OneEdgeChange change, Path site, Path tree, Path logs, String name)
            throws IOException, InterruptedException {
        change.restore();
        CliProcess.Result res = cli.run(logs, name, false, "generate", site.toString(), "-o", tree.toString());
        if (res.exitCode() != 0) {
            fail(r, f, "restoring the tree after the one-edge change: " + res.failure(), res.outOfMemory());
        }
    }

    private Optional<Report> inProcess(SizeResult r, Operation op, Request request) {
        Figure f = r.in(op);
        settle();
        try {
            double cpu = processCpuSeconds();
            long start = System.nanoTime();
            Report report = Dualstack.run(request);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = cpu < 0 ? -1 : processCpuSeconds() - cpu;
            log.printf(Locale.ROOT, "benchmark: [%,d] in-process    %-16s: %.2f s, CPU %.2f s, %s%n", r.edges, op.label,
                    seconds, cpuSeconds, report.summary());
            if (!report.ok()) {
                fail(r, f, "in-process " + op.label + ": " + report.summary(), false);
                return Optional.empty();
            }
            f.add(seconds);
            f.cpuTotal(cpuSeconds);
            return Optional.of(report);
        } catch (OutOfMemoryError e) {
            fail(r, f, "in-process " + op.label + ": " + e, true);
        } catch (Exception e) {
            fail(r, f, "in-process " + op.label + ": " + e, false);
        }
        return Optional.empty();
    }

    /** An untimed generate, so that the first timed one, like every later one, replaces a deleted equal tree. */
    private void primeGenerate(SizeResult r, Path site, Path tree, Path logs) throws IOException, InterruptedException {
        Trees.delete(tree);
        CliProcess.Result res = cli.run(logs, "prime-generate", false, "generate", site.toString(), "-o", tree.toString());
        log.printf(Locale.ROOT, "benchmark: [%,d] untimed priming generate: %.2f s, exit %d%n", r.edges, res.seconds(),
                res.exitCode());
    }

    private void floor(SizeResult r, Path tree, Path floorDir) throws IOException {
        Trees.delete(floorDir);
        Floor.write(tree, floorDir);   // untimed: the timed writes, like generate's, replace a deleted equal tree
        for (int rep = 1; rep <= options.repeat(); rep++) {
            Trees.delete(floorDir);
            settle();
            Floor.Result fr = Floor.write(tree, floorDir);
            r.floor.add(fr.seconds());
            r.treeFiles = fr.files();
            r.treeBytes = fr.bytes();
            r.edgeBytes = fr.edgeBytes();
            log.printf(Locale.ROOT, "benchmark: [%,d] floor: %,d files, %,d bytes written in %.2f s%n", r.edges,
                    fr.files(), fr.bytes(), fr.seconds());
        }
        Trees.delete(floorDir);
    }

    /**
     * Flushes dirty pages (sync(1), untimed) so that a measurement does not pay for the writeback of the trees
     * written or deleted before it: on ext4 one fsync commits the whole journal, deletions of 200,000 files included.
     * The page cache itself stays (dropping it needs root).
     */
    private void settle() {
        if (!syncWorks) {
            return;
        }
        try {
            syncWorks = new ProcessBuilder("sync").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException e) {
            syncWorks = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (!syncWorks) {
            log.println("benchmark: sync(1) is not available; measurements may pay for earlier writeback");
        }
    }

    /** User plus system CPU seconds of this JVM so far (every thread, the collector's and compiler's included). */
    private static double processCpuSeconds() {
        long nanos = OS == null ? -1 : OS.getProcessCpuTime();
        return nanos < 0 ? -1 : nanos / 1e9;
    }

    private void fail(SizeResult r, Figure f, String why, boolean oom) {
        f.fail(why, oom);
        failures.add(String.format(Locale.ROOT, "%,d edges: %s", r.edges, why));
        log.println("benchmark: FAILED: " + why);
    }

    private static void skip(Figure... figures) {
        for (Figure f : figures) {
            f.fail("not run: generate failed", false);
        }
    }

    /** The descriptor must be valid, or every figure would measure an error message. */
    private void validateOrFail(Path site) throws IOException {
        Report report;
        try {
            report = Dualstack.validate(Request.Validate.of(site));
        } catch (Exception e) {
            throw new IOException("cannot validate the synthetic site " + site + ": " + e, e);
        }
        if (report.hasErrors()) {
            throw new IllegalStateException("the synthetic site " + site + " is invalid (a bug in SyntheticSite):\n"
                    + report.errors().stream().limit(20).map(Problem::toString).collect(Collectors.joining("\n")));
        }
        report.warnings().forEach(w -> log.println("benchmark: synthetic site warning: " + w));
    }

    private void checkDiskSpace(int edges) throws IOException {
        long perEdge = results.stream().filter(x -> x.treeBytes > 0).reduce((a, b) -> b)
                .map(x -> 3 * x.treeBytes / x.edges + 16_384).orElse(GUESS_BYTES_PER_EDGE);
        long need = perEdge * edges + (64L << 20);
        long usable = Files.getFileStore(options.work()).getUsableSpace();
        log.printf(Locale.ROOT, "benchmark: [%,d] disk: %,d MiB free, about %,d MiB needed%n", edges, usable >> 20,
                need >> 20);
        if (usable < need) {
            throw new IOException("not enough disk space in " + options.work() + " for " + edges + " edge nodes: "
                    + (usable >> 20) + " MiB free, about " + (need >> 20) + " MiB needed");
        }
    }

    /** The whole results page: how it was measured, the table, the verdicts and any failure. */
    String report() {
        StringBuilder sb = new StringBuilder();
        sb.append("## dualstack benchmark, ").append(started).append("\n\n");
        sb.append(String.format(Locale.ROOT, "dualstack %s; %s %s, %d cores; Java %s (%s); seed %d; %s; median"
                        + " of %d run(s).%n%n", Version.get(), System.getProperty("os.name"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), options.seed(), options.form().file()
                        .map(f -> "edge nodes in the inventory " + f + " (the descriptor column counts both files)")
                        .orElse("edge nodes in site.yaml"), options.repeat()));
        sb.append("Whole process: `java ").append(CliProcess.HEAP).append(" -jar ").append(options.cliJar().getFileName())
                .append(" <command>` as a subprocess, JVM start included; peak RSS and CPU seconds by ")
                .append(cli.usageMethod())
                .append(options.skipInProcess() ? ". In-process: skipped (--skip-in-process)."
                        : ". In-process: `Dualstack.run` in the benchmark JVM (max heap " + (Runtime.getRuntime().maxMemory() >> 20)
                        + " MiB) after one warm-up at the smallest size.")
                .append(" Floor: the generated tree's files (same paths and bytes, `.dualstack/` included) written")
                .append(" with `Files.createDirectories` + `Files.write` into an empty directory, one thread, only the")
                .append(" writes timed. Generate and the floor both write into an empty directory from which an equal tree")
                .append(" was just deleted (an untimed priming run makes the first); no-op and check run on the tree")
                .append(" generate wrote. The OS page cache is never dropped (that needs root): reads hit cached files, and")
                .append(" writes are timed until they return, not until they reach the disk; `sync` runs (untimed) before")
                .append(" every measurement, so none pays for the writeback of an earlier one. One-edge change: one")
                .append(" label value of the middle edge node edited where it is listed, generate on the tree (the files it")
                .append(" touched checked against what it reported), then the descriptor and tree restored (untimed).")
                .append(options.skipSelfCheckAll() ? "" : " Generate, self-check all: generate with `--self-check all`"
                        + " (every file parsed again; the other rows use the default, shapes) into an empty directory"
                        + " from which an equal tree was just deleted, for comparison.")
                .append(" CPU: user and system seconds of the java process (whole process); the JVM's process CPU")
                .append(" time, user and system together, every thread (in process); µs/edge = (user + system) / edge")
                .append(" nodes. Times are medians").append(options.repeat() > 1 ? ", (min–max) of the runs" : "")
                .append(". MB = MiB.\n\n");
        sb.append(ResultsTable.markdown(results)).append('\n');
        sb.append("Tree size:\n\n");
        ResultsTable.sizes(results).forEach(v -> sb.append("- ").append(v).append('\n'));
        sb.append('\n');
        for (SizeResult r : results) {
            if (!r.oneEdgeSteps.isEmpty()) {
                sb.append(String.format(Locale.ROOT, "One-edge change at %,d edges, step by step (whole process,"
                        + " `generate --timings`: wall time, and the process's CPU and JIT compilation time during the"
                        + " step; medians of the same runs as the table):%n%n", r.edges));
                r.oneEdgeSteps.table().forEach(row -> sb.append(row).append('\n'));
                sb.append('\n');
            }
        }
        List<String> verdicts = ResultsTable.verdicts(results);
        if (!verdicts.isEmpty()) {
            sb.append("Targets (issues 6 and 16):\n\n");
            verdicts.forEach(v -> sb.append("- ").append(v).append('\n'));
            sb.append("- not judged here (issue 16): no-op regenerate unchanged or better, peak RSS no higher than")
                    .append(" before; compare with the figures of the README's Scale section\n");
            sb.append('\n');
        }
        if (!failures.isEmpty()) {
            sb.append("Failures:\n\n");
            failures.forEach(f -> sb.append("- ").append(f).append('\n'));
            sb.append('\n');
        }
        return sb.toString();
    }
}
