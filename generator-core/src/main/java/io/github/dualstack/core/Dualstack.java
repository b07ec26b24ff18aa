package io.github.dualstack.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dualstack.core.DualstackException.GeneratorBugException;
import io.github.dualstack.core.DualstackException.InputException;
import io.github.dualstack.core.DualstackException.IoFaultException;
import io.github.dualstack.core.baseline.Baseline;
import io.github.dualstack.core.baseline.BaselineLoader;
import io.github.dualstack.core.baseline.CaptureCommands;
import io.github.dualstack.core.baseline.LiveState;
import io.github.dualstack.core.descriptor.DescriptorLoader;
import io.github.dualstack.core.descriptor.SiteSchema;
import io.github.dualstack.core.init.DescriptorFile;
import io.github.dualstack.core.init.StarterDescriptor;
import io.github.dualstack.core.fs.SafeFiles;
import io.github.dualstack.core.fs.TooLargeException;
import io.github.dualstack.core.model.Site;
import io.github.dualstack.core.plan.OutputPlan;
import io.github.dualstack.core.plan.KeyedFiles;
import io.github.dualstack.core.plan.PlannedFile;
import io.github.dualstack.core.render.RenderException;
import io.github.dualstack.core.render.Renderer;
import io.github.dualstack.core.render.TemplateOverrides;
import io.github.dualstack.core.rules.Dns1123;
import io.github.dualstack.core.rules.Printable;
import io.github.dualstack.core.validate.LiveSiteRules;
import io.github.dualstack.core.validate.Placement;
import io.github.dualstack.core.write.Refusal;
import io.github.dualstack.core.write.StatCache;
import io.github.dualstack.core.write.TreeReader;
import io.github.dualstack.core.write.TreeWriter;
import io.github.dualstack.core.write.WriteResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;

/**
 * The one entry point of the core, one method per mode. Data flows one way: read, validate, read the baseline
 * (when the site names one) and check the site against it, plan, render, self-check, then write (generate) or
 * compare (check). The site-wide files are rendered first; edge files stream
 * through on every core, so the heap never holds the whole tree.
 */
public final class Dualstack {

    /** How long a run waits for another run on the same output directory. */
    static final Duration LOCK_WAIT = Duration.ofSeconds(60);

    private Dualstack() {
    }

    /** Any mode: the report of the request's own mode. */
    public static Report run(Request request) throws DualstackException {
        if (request instanceof Request.Validate v) {
            return validate(v);
        }
        if (request instanceof Request.Init i) {
            return init(i);
        }
        return request instanceof Request.Generate g ? generate(g) : check((Request.Check) request);
    }

    /** The request of one mode for one site of a {@link SiteSet}. */
    @FunctionalInterface
    public interface PerSite<R extends Report> {
        R run(SiteSet.Entry site) throws DualstackException;
    }

    /**
     * Every site of {@code sites}, one after the other, in the order of their names: a site whose inputs cannot be
     * used (an {@link InputException}) is reported as failed and the others still run; a fault of the file system
     * or of dualstack stops the run. Each site runs with all the threads of its own request.
     */
    public static <R extends Report> SitesReport<R> eachSite(SiteSet sites, PerSite<R> run)
            throws DualstackException {
        long start = System.nanoTime();
        List<SitesReport.SiteResult<R>> results = new ArrayList<>();
        for (SiteSet.Entry site : sites.resolve()) {
            try {
                results.add(new SitesReport.SiteResult<>(site, Optional.of(run.run(site)), Optional.empty()));
            } catch (InputException e) {
                results.add(new SitesReport.SiteResult<>(site, Optional.empty(), Optional.of(e.getMessage())));
            }
        }
        return new SitesReport<>(results, since(start));
    }

    public static Report.Validate validate(Request.Validate request) throws DualstackException {
        long start = System.nanoTime();
        Optional<byte[]> descriptor = read(request);
        Inputs in = inputs(request, descriptor.isEmpty() ? oversize(request)
                : loader(request).load(displayName(request), descriptor.get(), request.resolved(), Optional.empty(),
                        Optional.of(request.descriptor())));
        return new Report.Validate(in.problems(), Optional.ofNullable(in.site()),
                Optional.ofNullable(in.resolved()).map(ResolvedDescriptor::new), since(start));
    }

    public static Report.Generate generate(Request.Generate request) throws DualstackException {
        long start = System.nanoTime();
        StepClock steps = StepClock.of(request.options());
        Optional<byte[]> bytes = read(request);
        if (bytes.isEmpty()) {
            return new Report.Generate(oversize(request).problems(), Optional.empty(), false, since(start));
        }
        checkOverrides(request);
        Path out = request.outputDirectory();
        Optional<String> misplaced = OutputLocation.problem(out, request.descriptor());
        InputFingerprint.Fingerprint fingerprint = null;
        Optional<StatCache.UpToDate> upToDate = Optional.empty();
        if (misplaced.isEmpty()) {
            fingerprint = fingerprint(request, bytes.get());
            upToDate = StatCache.upToDate(out, fingerprint.value());
        }
        steps.end("read");
        if (upToDate.isPresent()) {
            int files = upToDate.get().files();
            WriteResult nothing = new WriteResult(List.of(), files, files, List.of(), List.of(), "");
            Optional<List<Problem>> warnings = RecordedWarnings.read(upToDate.get().warnings());
            if (warnings.isPresent()) {
                return new Report.Generate(warnings.get(), Optional.of(nothing), true, since(start));
            }
        }
        DescriptorLoader.Result loaded = load(request, bytes.get());
        Optional<String> inventoryRead = loaded.inventory();
        Inputs in = inputs(request, loaded);
        steps.end("validate");
        // the site is bound: a large descriptor's bytes, tree and locator must not stay on the heap while rendering
        bytes = null;
        loaded = null;
        if (!in.ok()) {
            return new Report.Generate(in.problems(), Optional.empty(), false, since(start));
        }
        if (misplaced.isPresent()) {
            WriteResult refused = new WriteResult(List.of(), 0, 0, List.of(), List.of(Refusal.of(out.toString(),
                    Refusal.Reason.OUTPUT_DIRECTORY, misplaced.get())), "");
            return new Report.Generate(in.problems(), Optional.of(refused), false, since(start));
        }
        Renderer renderer = renderer(request, in.site());
        // A site with a baseline takes the full run every time: the fingerprint, taken before the descriptor is
        // read, cannot cover the baseline's files, and a tree recorded as up to date would hide a changed capture.
        // An inventory counts only when the fingerprint covers the one the run read. The descriptor's warnings are
        // recorded with the tree, so that an up-to-date answer prints them again.
        String recordAs = in.baseline().isEmpty() && fingerprint != null
                && fingerprint.inventory().equals(inventoryRead) ? fingerprint.value() : null;
        WriteResult written = inPool(request, () -> write(new OutputPlan(in.site(), in.baseline()), renderer, request,
                recordAs, in.problems(), steps));
        return new Report.Generate(withTemplateWarnings(in, renderer), Optional.of(written), false, since(start));
    }

    public static Report.Check check(Request.Check request) throws DualstackException {
        long start = System.nanoTime();
        Optional<byte[]> bytes = read(request);
        if (bytes.isEmpty()) {
            return new Report.Check(oversize(request).problems(), Optional.empty(), since(start));
        }
        checkOverrides(request);
        Inputs in = inputs(request, load(request, bytes.get()));
        bytes = null;   // the site is bound: a large descriptor's bytes must not stay on the heap while rendering
        if (!in.ok()) {
            return new Report.Check(in.problems(), Optional.empty(), since(start));
        }
        Optional<String> misplaced = OutputLocation.problem(request.outputDirectory(), request.descriptor());
        if (misplaced.isPresent()) {
            Drift refused = new Drift(List.of(), 0, 0, 0, 0, List.of(misplaced.get()));
            return new Report.Check(in.problems(), Optional.of(refused), since(start));
        }
        Renderer renderer = renderer(request, in.site());
        Drift drift = inPool(request, () -> compare(new OutputPlan(in.site(), in.baseline()), renderer, request));
        return new Report.Check(withTemplateWarnings(in, renderer), Optional.of(drift), since(start));
    }

    /**
     * The commands that capture a running site into {@code baseline} (named in them as given, so they are run
     * from where it is relative to), CloudCore's objects read from {@code cloudCoreNamespace}. When the directory
     * already holds a captured nodes list, one command per control-plane node and the edge commands follow; a
     * nodes list that cannot be read is reported, not used. Reads nothing else; talks to no cluster.
     */
    public static CaptureCommands.Script capture(Path baseline, String cloudCoreNamespace, RunOptions options) {
        BaselineLoader.Listing nodes = new BaselineLoader(options.maxDescriptorBytes(),
                options.frontEnd().maxDescriptorBytesOption()).listedNodes(baseline, baseline.toString());
        return new CaptureCommands.Script(new CaptureCommands(baseline.toString(), cloudCoreNamespace)
                .script(nodes.nodes()), nodes.problems());
    }

    /**
     * Writes a starter descriptor for the running site captured in the request's baseline: the baseline is read as
     * strictly as for a descriptor (requiring only what init cannot start from), the descriptor is derived from it
     * ({@link StarterDescriptor}) and written whole or not at all. Nothing is written when the baseline has an
     * error, nor over an existing file unless the request forces it.
     */
    public static Report.Init init(Request.Init request) throws DualstackException {
        long start = System.nanoTime();
        Path baseline = request.baseline();
        Path descriptor = request.descriptor();
        String shownDescriptor = Printable.escape(descriptor.toString());
        if (request.name().isPresent() && !Dns1123.isLabel(request.name().get())) {
            throw new InputException("the site name must be a DNS-1123 label (lowercase letters, digits and '-', at"
                    + " most 63, starting and ending with a letter or digit), not "
                    + Printable.quote(request.name().get(), 80));
        }
        Path real = initBaseline(baseline);
        Path descriptorDir = descriptor.toAbsolutePath().normalize().getParent();
        Path relative = relativeBaseline(baseline, real, descriptorDir, shownDescriptor);
        RunOptions options = request.options();
        BaselineLoader.Result loaded = new BaselineLoader(options.maxDescriptorBytes(),
                options.frontEnd().maxDescriptorBytesOption()).loadForInit(real, baseline.toString());
        if (!loaded.ok()) {
            return new Report.Init(loaded.problems(), shownDescriptor, Optional.empty(), 0, Optional.empty(),
                    since(start));
        }
        String directory = descriptorDir.getFileName() == null ? "" : descriptorDir.getFileName().toString();
        StarterDescriptor.Starter starter = StarterDescriptor.of(new LiveState(loaded.baseline().get()),
                relative.toString().replace(java.io.File.separatorChar, '/'), request.name(), directory,
                SiteSchema.get().document().path("$id").asText());
        List<Problem> problems = Stream.concat(loaded.problems().stream(), starter.problems().stream().map(p ->
                new Problem(Printable.escape(p.file()), p.line(), p.column(), Printable.escape(p.path()),
                        p.severity(), Printable.escape(p.message())))).toList();
        if (!starter.ok()) {
            return new Report.Init(problems, shownDescriptor, Optional.empty(), 0, Optional.empty(), since(start));
        }
        Optional<String> refused;
        try {
            refused = DescriptorFile.write(descriptor, starter.text(), request.force(),
                    options.frontEnd().forceOption());
        } catch (IOException e) {
            throw new IoFaultException("cannot write the descriptor: " + SafeFiles.describe(e), e);
        }
        return new Report.Init(problems, shownDescriptor, refused.isPresent() ? Optional.empty()
                : Optional.of(starter.text()), starter.todos(), refused.map(Printable::escape), since(start));
    }

    /** The real directory of init's baseline; the user's own mistake when it is not one. */
    private static Path initBaseline(Path baseline) throws InputException {
        String shown = Printable.escape(baseline.toString());
        try {
            SafeFiles.Kind kind = SafeFiles.kind(baseline, true);
            if (kind == SafeFiles.Kind.ABSENT) {
                throw new InputException("baseline directory not found: " + shown + "; dualstack capture --baseline "
                        + shown + " prints the commands that capture it");
            }
            if (kind != SafeFiles.Kind.DIRECTORY) {
                throw new InputException("the baseline " + shown + " " + kind.phrase() + ", not a directory");
            }
            return baseline.toRealPath();
        } catch (IOException e) {
            throw new InputException("cannot read the baseline directory " + shown + ": " + SafeFiles.describe(e), e);
        }
    }

    /**
     * The baseline relative to the descriptor's directory, as spec.baseline.directory names it: inside it, as
     * written and once links are resolved, as the loader of the descriptor will require.
     */
    private static Path relativeBaseline(Path baseline, Path real, Path descriptorDir, String shownDescriptor)
            throws InputException {
        Path given = baseline.toAbsolutePath().normalize();
        String why = "the baseline " + Printable.escape(baseline.toString()) + " must be a directory inside the"
                + " directory of the descriptor " + shownDescriptor + ", which names it relative to itself (no '..')";
        if (!given.startsWith(descriptorDir) || given.equals(descriptorDir)) {
            throw new InputException(why + "; write the descriptor in a directory that holds the baseline");
        }
        try {
            Path realDir = descriptorDir.toRealPath();
            if (!real.startsWith(realDir) || real.equals(realDir)) {
                throw new InputException(why + ", and it leads through a symbolic link to " + Printable.escape(
                        real.toString()));
            }
        } catch (IOException e) {
            throw new InputException("cannot read the descriptor's directory " + Printable.escape(
                    descriptorDir.toString()) + ": " + SafeFiles.describe(e), e);
        }
        return descriptorDir.relativize(given);
    }

    /** The descriptor's bytes, or empty when it is over the size limit (read on the stream, never whole). */
    private static Optional<byte[]> read(Request request) throws InputException {
        try {
            return Optional.of(SafeFiles.readInput(request.descriptor(), request.options().maxDescriptorBytes()));
        } catch (TooLargeException e) {
            // A hostile multi-gigabyte file must not reach the heap.
            return Optional.empty();
        } catch (NoSuchFileException e) {
            throw new InputException("descriptor not found: " + request.descriptor());
        } catch (IOException e) {
            throw new InputException("cannot read the descriptor: " + SafeFiles.describe(e), e);
        }
    }

    private static DescriptorLoader loader(Request request) {
        return new DescriptorLoader(request.options().maxDescriptorBytes(),
                request.options().frontEnd().maxDescriptorBytesOption());
    }

    private static DescriptorLoader.Result oversize(Request request) {
        long limit = request.options().maxDescriptorBytes();
        return loader(request).oversize(displayName(request), sizeOf(request.descriptor(), limit));
    }

    /** Loads for a tree at {@code outputDirectory}: the rules that depend on where the tree goes run too. */
    private static DescriptorLoader.Result load(Request.OnTree request, byte[] bytes) {
        return loader(request).load(displayName(request), bytes, false,
                Optional.of(Placement.of(request.outputDirectory(), request.descriptor())), Optional.of(request.descriptor()));
    }

    /** A problem in an override comes before the no-op fast path could answer, and before any rendering. */
    private static void checkOverrides(Request request) throws InputException {
        Optional<Path> templates = request.options().templateOverrides();
        if (templates.isPresent()) {
            TemplateOverrides.check(templates.get());
        }
    }

    private static Renderer renderer(Request request, Site site) {
        return new Renderer(request.options().templateOverrides(), request.descriptor().getFileName().toString(),
                site.name(), request.options().selfCheck());
    }

    private static List<Problem> withTemplateWarnings(Inputs in, Renderer renderer) {
        return Stream.concat(in.problems().stream(), renderer.warnings().stream()).toList();
    }

    /**
     * The run's inputs once read and validated: the site and its baseline (no site when any error was found),
     * every problem, and the resolved descriptor when it was kept. A run renders from nothing else.
     */
    private record Inputs(Site site, Optional<Baseline> baseline, List<Problem> problems, JsonNode resolved) {
        boolean ok() {
            return site != null;
        }
    }

    /**
     * The loaded descriptor and, when the site names one, its baseline, read with the descriptor's locator (which
     * goes with {@code loaded} when this returns), then the guards: what the running site's state makes unsafe,
     * located in the descriptor. The descriptor's problems come first, in source order (those about the baseline
     * reference and the guards among them), then the baseline's, per file.
     */
    private static Inputs inputs(Request request, DescriptorLoader.Result loaded) {
        if (!loaded.ok() || loaded.site().baseline().isEmpty()) {
            return new Inputs(loaded.site(), Optional.empty(), loaded.problems(), loaded.resolved());
        }
        String name = displayName(request);
        BaselineLoader.Result b = new BaselineLoader(request.options().maxDescriptorBytes(),
                request.options().frontEnd().maxDescriptorBytesOption())
                .load(request.descriptor(), name, loaded.locator(), loaded.site(),
                        request instanceof Request.OnTree t ? Optional.of(t.outputDirectory()) : Optional.empty());
        String descriptorFile = Printable.escape(name);
        List<Problem> descriptorProblems = new ArrayList<>(loaded.problems());
        b.problems().stream().filter(p -> p.file().equals(descriptorFile)).forEach(descriptorProblems::add);
        boolean guarded = true;
        if (b.ok()) {
            Problems guards = new Problems(name, loaded.locator());
            LiveSiteRules.check(loaded.site(), new LiveState(b.baseline().get()), guards);
            // the guards quote captured values (node names, ranges): each problem stays one line
            guards.list().stream().map(p -> new Problem(p.file(), p.line(), p.column(), Printable.escape(p.path()),
                    p.severity(), Printable.escape(p.message()))).forEach(descriptorProblems::add);
            guarded = !guards.hasErrors();
        }
        descriptorProblems.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
        List<Problem> all = new ArrayList<>(descriptorProblems);
        b.problems().stream().filter(p -> !p.file().equals(descriptorFile)).forEach(all::add);
        return b.ok() && guarded ? new Inputs(loaded.site(), b.baseline(), List.copyOf(all), loaded.resolved())
                : new Inputs(null, Optional.empty(), List.copyOf(all), null);
    }

    private static InputFingerprint.Fingerprint fingerprint(Request.Generate request, byte[] descriptor)
            throws InputException {
        try {
            return InputFingerprint.of(request, descriptor);
        } catch (IOException | UncheckedIOException e) {
            throw new InputException("cannot read the inputs of " + request.descriptor() + ": "
                    + SafeFiles.describe(e), e);
        }
    }

    interface Work<T> {
        T call() throws IOException;
    }

    /**
     * Runs the work on the request's thread count, so that its parallel streams use it, and maps what it threw:
     * an I/O failure of the tree is the file system's; a render that fails its check is the override's author's
     * when there are overrides, else a bug of dualstack's.
     */
    private static <T> T inPool(Request.OnTree request, Work<T> work) throws DualstackException {
        ForkJoinPool pool = new ForkJoinPool(request.options().threads());
        try {
            return pool.submit(() -> {
                try {
                    return work.call();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IoFaultException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException u) {
                throw new IoFaultException(treeFailure(request, u.getCause()), u.getCause());
            }
            if (cause instanceof RenderException r) {
                throw request.options().templateOverrides().isPresent() ? new InputException(r.getMessage(), r)
                        : new GeneratorBugException(r.getMessage(), r);
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Renders into the writer and commits; a file that would render to what the previous run left is taken as it
     * is (see {@link StatCache}). A complete tree is recorded with each file's render key, and as made by
     * {@code fingerprint} when there is one.
     */
    private static WriteResult write(OutputPlan plan, Renderer renderer, Request.Generate request, String fingerprint,
                                     List<Problem> warnings, StepClock steps) throws IOException {
        FrontEnd words = request.options().frontEnd();
        Path out = request.outputDirectory();
        String rendering = InputFingerprint.ofRendering(request);
        TreeWriter.Options options = new TreeWriter.Options(request.force(), words.forceOption(),
                words.generateCommand(), renderer::check, Version.get(), LOCK_WAIT, waitNotice(out, words),
                Optional.of(rendering));
        try (TreeWriter writer = TreeWriter.open(out, options)) {
            StatCache.Previous previous = writer.previousRun();
            steps.end("open tree");
            Map<String, String> keys = new ConcurrentHashMap<>(previous.files());
            Emitter emit = new Emitter(renderer, writer, previous, keys);
            // The site files one at a time: a few of them list every node (tens of megabytes at 100,000 edges),
            // and two of those rendering at once do not fit a small heap. The edges' files render in parallel.
            plan.keyedSiteFiles().forEach(emit::files);
            steps.end("site files");
            plan.edges().parallel().forEach(emit::files);
            steps.end("edge files");
            WriteResult result = writer.commit();
            steps.end("commit");
            // Like descriptor warnings, template warnings must show on every run: no record then, and no reuse.
            if (!result.refused() && renderer.warnings().isEmpty()) {
                writer.record(keys, Optional.ofNullable(fingerprint), rendering, RecordedWarnings.lines(warnings));
                steps.end("record");
            }
            return result;
        }
    }

    /**
     * Takes each planned file as the previous run left it when its render key is the one recorded and the file is
     * still as recorded, else renders and offers it; every key goes into {@code keys} for the next run.
     */
    private record Emitter(Renderer renderer, TreeWriter writer, StatCache.Previous previous, Map<String, String> keys) {

        void file(PlannedFile f) {
            if (!taken(f.path(), renderer.key(f))) {
                writer.offer(renderer.render(f));
            }
        }

        /** Files by the key of their inputs when they have one: their views are built only to render. */
        void files(KeyedFiles files) {
            Optional<String> key = renderer.key(files);
            if (key.isEmpty()) {
                files.files().forEach(this::file);
                return;
            }
            List<PlannedFile> built = null;
            for (int i = 0; i < files.paths().size(); i++) {
                if (!taken(files.paths().get(i), key.get())) {
                    built = built != null ? built : files.files();
                    writer.offer(renderer.render(built.get(i)));
                }
            }
        }

        private boolean taken(String path, String key) {
            keys.put(path, key);
            return previous.unchanged(path, key) && writer.reuse(path);
        }
    }

    /** Compares under the tree's shared lock: never a tree that a generate is committing. */
    private static Drift compare(OutputPlan plan, Renderer renderer, Request.Check request) throws IOException {
        FrontEnd words = request.options().frontEnd();
        Path out = request.outputDirectory();
        try (TreeReader tree = TreeReader.open(out, LOCK_WAIT, waitNotice(out, words), words.generateCommand())) {
            return new DriftCheck(tree, words.generateCommand()).run(plan, renderer);
        }
    }

    /** An I/O failure of the tree in one line: what the run was doing, the path and the cause. */
    private static String treeFailure(Request.OnTree request, IOException e) {
        return "cannot " + (request instanceof Request.Generate ? "update" : "read") + " the tree: "
                + SafeFiles.describe(e);
    }

    private static Runnable waitNotice(Path out, FrontEnd words) {
        return () -> words.notices().accept("waiting for another dualstack run on " + out + " to finish (at most "
                + LOCK_WAIT.toSeconds() + "s)");
    }

    /** The size of a regular file that read over the limit (it may still be growing: then just over the limit). */
    private static long sizeOf(Path file, long limit) {
        try {
            return Math.max(Files.size(file), limit + 1);
        } catch (IOException e) {
            return limit + 1;
        }
    }

    /** Problems name the descriptor as the user gave it, so editors and terminals can jump to it. */
    private static String displayName(Request request) {
        return request.descriptor().toString();
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
