package io.github.dualstack.core;

import io.github.dualstack.core.descriptor.DescriptorLoader;
import io.github.dualstack.core.fs.SafeFiles;
import io.github.dualstack.core.fs.TooLargeException;
import io.github.dualstack.core.plan.OutputPlan;
import io.github.dualstack.core.validate.Placement;
import io.github.dualstack.core.render.RenderException;
import io.github.dualstack.core.render.Renderer;
import io.github.dualstack.core.render.TemplateOverrides;
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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;

/**
 * The one entry point of the core. Data flows one way: read, validate, plan, render, self-check, then write
 * (generate) or compare (check). The site-wide files are rendered first; edge files stream through on every
 * core, so the heap never holds the whole tree.
 */
public final class Dualstack {

    /** How long a run waits for another run on the same output directory. */
    static final Duration LOCK_WAIT = Duration.ofSeconds(60);

    private Dualstack() {
    }

    public static Report run(GenerateRequest request) throws DualstackException {
        long start = System.nanoTime();
        DescriptorLoader loader = new DescriptorLoader(request.maxDescriptorBytes());
        byte[] descriptor;
        try {
            descriptor = SafeFiles.readInput(request.descriptor(), request.maxDescriptorBytes());
        } catch (TooLargeException e) {
            // Refused on the stream itself: a hostile multi-gigabyte file, or /dev/zero, must not reach the heap.
            return descriptorOnly(request, loader.oversize(displayName(request), sizeOf(request.descriptor(),
                    request.maxDescriptorBytes())), start);
        } catch (NoSuchFileException e) {
            throw new DualstackException("descriptor not found: " + request.descriptor());
        } catch (IOException e) {
            throw new DualstackException("cannot read the descriptor: " + SafeFiles.describe(e), e);
        }
        Optional<Path> templates = request.templateOverrides();
        if (request.mode() != GenerateRequest.Mode.VALIDATE && templates.isPresent()) {
            TemplateOverrides.check(templates.get());
        }
        Optional<Path> out = request.outputDirectory();
        Optional<String> misplaced = out.flatMap(o -> OutputLocation.problem(o, request.descriptor()));
        String fingerprint = null;
        if (request.mode() == GenerateRequest.Mode.GENERATE && misplaced.isEmpty()) {
            fingerprint = fingerprint(request, descriptor);
            Optional<Integer> upToDate = StatCache.upToDate(out.orElseThrow(), fingerprint);
            if (upToDate.isPresent()) {
                WriteResult nothing = new WriteResult(List.of(), upToDate.get(), List.of(), List.of(), "");
                return new Report(request.mode(), List.of(), Optional.empty(), Optional.empty(), Optional.of(nothing),
                        Optional.empty(), Duration.ofNanos(System.nanoTime() - start));
            }
        }
        DescriptorLoader.Result loaded = loader.load(displayName(request), descriptor,
                request.mode() == GenerateRequest.Mode.VALIDATE, out.map(o -> Placement.of(o, request.descriptor())));
        descriptor = null;   // the site is bound; the bytes can go
        if (!loaded.ok() || request.mode() == GenerateRequest.Mode.VALIDATE) {
            return descriptorOnly(request, loaded, start);
        }
        if (misplaced.isPresent()) {
            WriteResult refused = new WriteResult(List.of(), 0, List.of(), List.of(misplaced.get()), "");
            return new Report(request.mode(), loaded.problems(), Optional.ofNullable(loaded.site()), Optional.empty(),
                    Optional.of(refused), Optional.empty(), Duration.ofNanos(System.nanoTime() - start));
        }
        Path dir = out.orElseThrow();
        Renderer renderer = new Renderer(request.templateOverrides(),
                request.descriptor().getFileName().toString(), loaded.site().name());
        OutputPlan plan = new OutputPlan(loaded.site());
        // A descriptor with warnings takes the full run every time, so that its warnings are printed every time.
        String recordAs = loaded.problems().isEmpty() ? fingerprint : null;
        Optional<WriteResult> write = Optional.empty();
        Optional<Report.Drift> drift = Optional.empty();
        ForkJoinPool pool = new ForkJoinPool(request.threads());
        try {
            if (request.mode() == GenerateRequest.Mode.GENERATE) {
                write = Optional.of(inPool(pool, () -> generate(plan, renderer, dir, request, recordAs)));
            } else {
                drift = Optional.of(inPool(pool, () -> check(plan, renderer, dir, request.frontEnd())));
            }
        } catch (RenderException e) {
            throw new DualstackException(e.getMessage(), e);
        } catch (IOException e) {
            throw new DualstackException(treeFailure(request, e), e);
        } catch (UncheckedIOException e) {
            throw new DualstackException(treeFailure(request, e.getCause()), e);
        } finally {
            pool.shutdown();
        }
        List<Problem> problems = Stream.concat(loaded.problems().stream(), renderer.warnings().stream()).toList();
        return new Report(request.mode(), problems, Optional.ofNullable(loaded.site()), Optional.empty(),
                write, drift, Duration.ofNanos(System.nanoTime() - start));
    }

    /** The report of a run that stops after the descriptor: validate, or a descriptor with errors. */
    private static Report descriptorOnly(GenerateRequest request, DescriptorLoader.Result loaded, long start) {
        return new Report(request.mode(), loaded.problems(), Optional.ofNullable(loaded.site()),
                Optional.ofNullable(loaded.resolved()), Optional.empty(), Optional.empty(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    private static String fingerprint(GenerateRequest request, byte[] descriptor) throws DualstackException {
        try {
            return InputFingerprint.of(request, descriptor);
        } catch (IOException | UncheckedIOException e) {
            throw new DualstackException("cannot read the inputs of " + request.descriptor() + ": " + e.getMessage(), e);
        }
    }

    interface Work<T> {
        T call() throws IOException;
    }

    /** Runs the work so that its parallel streams use the request's thread count, rethrowing what it threw. */
    private static <T> T inPool(ForkJoinPool pool, Work<T> work) throws IOException {
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
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause);
        }
    }

    /** Renders into the writer and commits; a complete tree is recorded as made by {@code fingerprint}, if any. */
    private static WriteResult generate(OutputPlan plan, Renderer renderer, Path out, GenerateRequest request,
                                        String fingerprint) throws IOException {
        FrontEnd words = request.frontEnd();
        TreeWriter.Options options = new TreeWriter.Options(request.force(), words.forceOption(),
                words.generateCommand(), renderer::check, Version.get(), LOCK_WAIT, waitNotice(out, words));
        try (TreeWriter writer = TreeWriter.open(out, options)) {
            renderer.renderAll(plan, writer::offer);
            WriteResult result = writer.commit();
            // Like descriptor warnings, template warnings must show on every run: no up-to-date record then.
            if (!result.refused() && fingerprint != null && renderer.warnings().isEmpty()) {
                writer.recordUpToDate(fingerprint);
            }
            return result;
        }
    }

    /** An I/O failure of the tree in one line: what the run was doing, the path and the cause. */
    private static String treeFailure(GenerateRequest request, IOException e) {
        return "cannot " + (request.mode() == GenerateRequest.Mode.GENERATE ? "update" : "read") + " the tree: "
                + SafeFiles.describe(e);
    }

    /** Compares under the tree's shared lock: never a tree that a generate is committing. */
    private static Report.Drift check(OutputPlan plan, Renderer renderer, Path out, FrontEnd words) throws IOException {
        try (TreeReader tree = TreeReader.open(out, LOCK_WAIT, waitNotice(out, words), words.generateCommand())) {
            return new DriftCheck(tree, words.generateCommand()).run(plan, renderer);
        }
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
    private static String displayName(GenerateRequest request) {
        return request.descriptor().toString();
    }

}
