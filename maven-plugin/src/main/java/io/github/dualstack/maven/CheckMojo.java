package io.github.dualstack.maven;

import io.github.dualstack.core.Dualstack;
import io.github.dualstack.core.DualstackException;
import io.github.dualstack.core.Report;
import io.github.dualstack.core.Request;
import io.github.dualstack.core.RunOptions;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Renders in memory and fails the build with a unified diff when the committed output tree differs from what
 * the descriptor generates (a file differs, is missing or is extra). Writes nothing.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractTreeMojo<Report.Check> {

    @Override
    Report.Check run(Path descriptor, Path outputDirectory, RunOptions options) throws DualstackException {
        return Dualstack.check(new Request.Check(descriptor, outputDirectory, options));
    }

    @Override
    void afterRun(Report.Check report) {
        report.drift().ifPresent(d -> {
            d.diffs().forEach(diff -> getLog().error("\n" + diff.text().stripTrailing()));
            d.problems().forEach(problem -> getLog().error(problem));
        });
    }

    @Override
    String failure(Report.Check report) {
        if (report.hasErrors()) {
            return super.failure(report);
        }
        if (report.drift().map(d -> d.diffs().isEmpty()).orElse(true)) {
            return report.summary() + "; see the lines above for the command that completes it";
        }
        return report.summary() + "; the generated tree is stale. Run: mvn dualstack:generate"
                + " (add -Ddualstack.force=true if the differences are hand edits to discard)";
    }
}
