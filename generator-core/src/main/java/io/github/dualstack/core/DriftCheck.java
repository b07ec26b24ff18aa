package io.github.dualstack.core;

import io.github.dualstack.core.plan.OutputPlan;
import io.github.dualstack.core.render.OutputFile;
import io.github.dualstack.core.render.Renderer;
import io.github.dualstack.core.write.TreeReader;
import io.github.dualstack.core.write.UnifiedDiff;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * check: renders in memory, one file at a time, and compares with the committed tree through a {@link TreeReader}
 * (under the tree's shared lock, reading only what generate would). Every file that differs in bytes or mode, is
 * missing, or is owned by the manifest but no longer generated becomes a unified diff; a tree left mid-commit, or
 * anything that is not a regular file where one belongs, is a problem. Writes nothing.
 */
final class DriftCheck {

    private final TreeReader tree;
    private final String generateCommand;
    private final Map<String, FileDiff> diffs = new ConcurrentHashMap<>();
    private final Map<String, String> problems = new ConcurrentHashMap<>();
    private final Set<String> planned = ConcurrentHashMap.newKeySet();
    private final AtomicInteger differing = new AtomicInteger();
    private final AtomicInteger missing = new AtomicInteger();
    private final AtomicInteger same = new AtomicInteger();

    DriftCheck(TreeReader tree, String generateCommand) {
        this.tree = tree;
        this.generateCommand = generateCommand;
    }

    Drift run(OutputPlan plan, Renderer renderer) throws IOException {
        List<String> treeProblems = new ArrayList<>(tree.problems());
        if (!treeProblems.isEmpty()) {
            // A tree mid-commit or with a broken manifest: a comparison would only list the symptoms.
            return new Drift(List.of(), 0, 0, 0, 0, treeProblems);
        }
        renderer.renderAll(plan, this::compare);
        int extra = 0;
        for (Map.Entry<String, TreeReader.Comparison> e : tree.extras(planned)) {
            if (e.getValue().state() == TreeReader.State.UNREADABLE) {
                problems.put(e.getKey(), e.getValue().note());
            } else {
                diffs.put(e.getKey(), new FileDiff(e.getKey(), FileDiff.Change.EXTRA,
                        UnifiedDiff.of(e.getKey(), e.getValue().onDisk(), null)));
            }
            extra++;
        }
        treeProblems.addAll(new TreeMap<>(problems).values());
        tree.changedWhileReading(generateCommand).ifPresent(treeProblems::add);
        return new Drift(new ArrayList<>(new TreeMap<>(diffs).values()), differing.get(), missing.get(), extra,
                same.get(), treeProblems);
    }

    private void compare(OutputFile f) {
        planned.add(f.path());
        TreeReader.Comparison c;
        try {
            c = tree.compare(f.path(), f.content(), f.kind());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        switch (c.state()) {
            case SAME -> same.incrementAndGet();
            case MISSING -> {
                missing.incrementAndGet();
                diffs.put(f.path(), new FileDiff(f.path(), FileDiff.Change.MISSING, UnifiedDiff.of(f.path(), null,
                        f.content())));
            }
            case MODE_DIFFERS -> {
                differing.incrementAndGet();
                diffs.put(f.path(), new FileDiff(f.path(), FileDiff.Change.MODE, "diff --git a/" + f.path() + " b/"
                        + f.path() + "\n" + c.note() + "\n"));
            }
            case DIFFERS -> {
                differing.incrementAndGet();
                diffs.put(f.path(), new FileDiff(f.path(), FileDiff.Change.CONTENT, c.onDisk() == null ? c.note() + "\n"
                        : UnifiedDiff.of(f.path(), c.onDisk(), f.content())));
            }
            case UNREADABLE -> {
                differing.incrementAndGet();
                problems.put(f.path(), c.note());
            }
        }
    }
}
