package io.github.dualstack.maven;

import io.github.dualstack.core.GenerateRequest;
import io.github.dualstack.core.Report;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Renders in memory and fails the build with a unified diff when the committed output tree differs from what
 * the descriptor generates (a file differs, is missing or is extra). Writes nothing.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractTreeMojo {

    @Override
    GenerateRequest.Mode mode() {
        return GenerateRequest.Mode.CHECK;
    }

    @Override
    void afterRun(Report report) {
        report.drift().ifPresent(d -> {
            d.diffs().forEach(diff -> getLog().error("\n" + diff.stripTrailing()));
            d.problems().forEach(problem -> getLog().error(problem));
        });
    }
}
