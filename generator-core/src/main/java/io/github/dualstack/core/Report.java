package io.github.dualstack.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dualstack.core.model.Site;
import io.github.dualstack.core.write.WriteResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one core call did: descriptor problems (with any error nothing was rendered); for generate, what was
 * written; for check, the drift between the committed tree and what would be generated.
 */
public record Report(GenerateRequest.Mode mode, List<Problem> problems, Optional<Site> site,
                     Optional<JsonNode> resolvedDescriptor, Optional<WriteResult> write, Optional<Drift> drift,
                     Duration elapsed) {

    /**
     * check's findings: a unified diff per file that differs, is missing or is extra, sorted by path; and
     * {@code problems}, one line each, when the tree cannot be compared as it is (a generate interrupted or running,
     * a damaged manifest, something other than a regular file where a generated file belongs).
     */
    public record Drift(List<String> diffs, int differing, int missing, int extra, int same, List<String> problems) {
        public boolean none() {
            return diffs.isEmpty() && problems.isEmpty();
        }
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    /** True when the run succeeded: no descriptor error, no refused write, no drift. */
    public boolean ok() {
        return !hasErrors() && write.map(w -> !w.refused()).orElse(true) && drift.map(Drift::none).orElse(true);
    }

    /** One line for the end of a log: what happened and how long it took. */
    public String summary() {
        String time = String.format("%.1fs", elapsed.toMillis() / 1000.0);
        if (hasErrors()) {
            return errors().size() + " problem(s) in the descriptor; nothing written (" + time + ")";
        }
        if (write.isPresent()) {
            WriteResult w = write.get();
            if (w.refused()) {
                return w.refusals().size() + " file(s) refused; nothing written (" + time + ")";
            }
            return w.written().size() + " written, " + w.unchanged() + " unchanged, " + w.removed().size()
                    + " removed (" + time + ")";
        }
        if (drift.isPresent()) {
            Drift d = drift.get();
            if (d.diffs().isEmpty() && !d.problems().isEmpty()) {
                return "the tree cannot be checked as it is: " + d.problems().size() + " problem(s) (" + time + ")";
            }
            return d.none() ? d.same() + " files up to date (" + time + ")"
                    : d.differing() + " differ, " + d.missing() + " missing, " + d.extra() + " extra, " + d.same()
                    + " up to date (" + time + ")";
        }
        return "descriptor is valid (" + time + ")";
    }
}
