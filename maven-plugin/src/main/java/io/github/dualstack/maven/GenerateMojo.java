package io.github.dualstack.maven;

import io.github.dualstack.core.Dualstack;
import io.github.dualstack.core.DualstackException;
import io.github.dualstack.core.Report;
import io.github.dualstack.core.Request;
import io.github.dualstack.core.RunOptions;
import io.github.dualstack.core.SelfCheckScope;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Validates the site descriptor and writes every file of the site into the output tree. */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class GenerateMojo extends AbstractTreeMojo<Report.Generate> {

    /** Overwrite hand-edited generated files and files dualstack does not own. */
    @Parameter(property = "dualstack.force", defaultValue = "false")
    boolean force;

    /**
     * Which rendered files are parsed again before they are written: {@code SHAPES} (every site-wide file and
     * template override, one per-edge file of each template and shape; the others are correct by construction) or
     * {@code ALL}.
     */
    @Parameter(property = "dualstack.selfCheck", defaultValue = "SHAPES")
    SelfCheckScope selfCheck;

    @Override
    SelfCheckScope selfCheck() {
        return selfCheck;
    }

    @Override
    Report.Generate run(Path descriptor, Path outputDirectory, RunOptions options) throws DualstackException {
        return Dualstack.generate(new Request.Generate(descriptor, outputDirectory, force, options));
    }

    @Override
    void afterRun(Report.Generate report) {
        report.write().ifPresent(w -> {
            if (!w.recovery().isEmpty()) {
                getLog().warn("dualstack: " + w.recovery());
            }
            w.refusals().forEach(r -> getLog().error("refused: " + r));
        });
    }

    @Override
    String failure(Report.Generate report) {
        if (report.write().map(w -> w.refused()).orElse(false)) {
            return "dualstack refused " + report.write().get().refusals().size()
                    + " file(s), listed above; nothing was written";
        }
        return super.failure(report);
    }
}
