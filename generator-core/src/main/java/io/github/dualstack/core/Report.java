package io.github.dualstack.core;

import io.github.dualstack.core.model.Site;
import io.github.dualstack.core.write.WriteResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one core call did, one record per mode. Every report carries the descriptor's problems (with any error,
 * nothing was rendered) and how long the run took.
 */
public sealed interface Report {

    List<Problem> problems();

    Duration elapsed();

    default boolean hasErrors() {
        return problems().stream().anyMatch(Problem::isError);
    }

    default List<Problem> errors() {
        return problems().stream().filter(Problem::isError).toList();
    }

    default List<Problem> warnings() {
        return problems().stream().filter(p -> !p.isError()).toList();
    }

    /** True when the run succeeded: no descriptor error, and no refused write or drift. */
    boolean ok();

    /** One line for the end of a log: what happened and how long it took. */
    String summary();

    private static String time(Duration elapsed) {
        return String.format("%.1fs", elapsed.toMillis() / 1000.0);
    }

    /**
     * {@code 2 problem(s) in site.yaml, baseline/kubeadm-config.yaml; nothing written}: the files named, since a
     * problem may be in the baseline (or another input the descriptor names) rather than the descriptor itself.
     */
    private static String problemsSummary(Report r) {
        List<String> files = r.errors().stream().map(Problem::file).distinct().toList();
        int shown = 3;
        String named = files.size() <= shown ? String.join(", ", files)
                : String.join(", ", files.subList(0, shown)) + " and " + (files.size() - shown) + " more file(s)";
        return r.errors().size() + " problem(s) in " + named + "; nothing written (" + time(r.elapsed()) + ")";
    }


    /** validate: the site when it is valid, and then the resolved descriptor when the request asked for it. */
    record Validate(List<Problem> problems, Optional<Site> site, Optional<ResolvedDescriptor> resolved,
                    Duration elapsed) implements Report {
        @Override
        public boolean ok() {
            return !hasErrors();
        }

        @Override
        public String summary() {
            return hasErrors() ? problemsSummary(this) : "descriptor is valid (" + time(elapsed) + ")";
        }
    }

    /**
     * generate: what was written (empty when the descriptor has errors). {@code fromStatCache}: answered from the
     * stat cache without reading the descriptor (the tree was exactly as the same inputs had left it).
     */
    record Generate(List<Problem> problems, Optional<WriteResult> write, boolean fromStatCache, Duration elapsed)
            implements Report {
        @Override
        public boolean ok() {
            return !hasErrors() && write.map(w -> !w.refused()).orElse(true);
        }

        @Override
        public String summary() {
            if (hasErrors()) {
                return problemsSummary(this);
            }
            WriteResult w = write.orElseThrow();
            if (w.refused()) {
                return w.refusals().size() + " file(s) refused; nothing written (" + time(elapsed) + ")";
            }
            return w.written().size() + " written, " + w.unchanged() + " unchanged, " + w.removed().size()
                    + " removed (" + time(elapsed) + ")";
        }
    }

    /** check: the drift between the committed tree and what would be generated (empty with descriptor errors). */
    record Check(List<Problem> problems, Optional<Drift> drift, Duration elapsed) implements Report {
        @Override
        public boolean ok() {
            return !hasErrors() && drift.map(Drift::none).orElse(true);
        }

        @Override
        public String summary() {
            if (hasErrors()) {
                return problemsSummary(this);
            }
            Drift d = drift.orElseThrow();
            if (d.diffs().isEmpty() && !d.problems().isEmpty()) {
                return "the tree cannot be checked as it is: " + d.problems().size() + " problem(s) (" + time(elapsed)
                        + ")";
            }
            return d.none() ? d.same() + " files up to date (" + time(elapsed) + ")"
                    : d.differing() + " differ, " + d.missing() + " missing, " + d.extra() + " extra, " + d.same()
                    + " up to date (" + time(elapsed) + ")";
        }
    }

    /**
     * init: the starter descriptor's text and how many values it leaves to add, each marked {@code # TODO:}
     * (empty with any error in the baseline, when nothing is written); {@code refusal}, why an existing file at
     * {@code descriptor} was not replaced (then nothing was written either).
     */
    record Init(List<Problem> problems, String descriptor, Optional<String> text, int todos,
                Optional<String> refusal, Duration elapsed) implements Report {
        @Override
        public boolean ok() {
            return !hasErrors() && refusal.isEmpty();
        }

        @Override
        public String summary() {
            if (hasErrors()) {
                return errors().size() + " problem(s) in the baseline; nothing written (" + time(elapsed) + ")";
            }
            if (refusal.isPresent()) {
                return "refused: " + refusal.get() + "; nothing written (" + time(elapsed) + ")";
            }
            return "wrote " + descriptor + ": " + todos + " value(s) to add, each marked TODO (" + time(elapsed) + ")";
        }
    }
}
