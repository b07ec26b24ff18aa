package io.github.dualstack.core;

import io.github.dualstack.core.plan.OutputPlan;
import io.github.dualstack.core.render.OutputFile;
import io.github.dualstack.core.render.Renderer;
import io.github.dualstack.core.write.Manifest;
import io.github.dualstack.core.write.UnifiedDiff;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * check: renders in memory, one file at a time, and compares with the committed tree. Every file that differs,
 * is missing, or is owned by the manifest but no longer generated becomes a unified diff. Writes nothing.
 */
final class DriftCheck {

    private final Path root;
    private final Map<String, String> diffs = new ConcurrentHashMap<>();
    private final Set<String> planned = ConcurrentHashMap.newKeySet();
    private final AtomicInteger differing = new AtomicInteger();
    private final AtomicInteger missing = new AtomicInteger();
    private final AtomicInteger same = new AtomicInteger();

    DriftCheck(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Report.Drift run(OutputPlan plan, Renderer renderer) throws IOException {
        renderer.renderAll(plan, this::compare);
        int extra = 0;
        for (String owned : Manifest.read(root).files().keySet()) {
            Path p = root.resolve(owned);
            if (!planned.contains(owned) && Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                diffs.put(owned, UnifiedDiff.of(owned, Files.readAllBytes(p), null));
                extra++;
            }
        }
        List<String> sorted = new ArrayList<>(new TreeMap<>(diffs).values());
        return new Report.Drift(sorted, differing.get(), missing.get(), extra, same.get());
    }

    private void compare(OutputFile f) {
        planned.add(f.path());
        Path p = root.resolve(f.path());
        try {
            if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                missing.incrementAndGet();
                diffs.put(f.path(), UnifiedDiff.of(f.path(), null, f.content()));
                return;
            }
            byte[] onDisk = Files.readAllBytes(p);
            if (Arrays.equals(onDisk, f.content())) {
                same.incrementAndGet();
            } else {
                differing.incrementAndGet();
                diffs.put(f.path(), UnifiedDiff.of(f.path(), onDisk, f.content()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(f.path() + ": " + e.getMessage(), e);
        }
    }
}
