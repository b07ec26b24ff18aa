package io.github.dualstack.maven;

import io.github.dualstack.core.Dualstack;
import io.github.dualstack.core.DualstackException;
import io.github.dualstack.core.Report;
import io.github.dualstack.core.Request;
import io.github.dualstack.core.RunOptions;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes a starter site descriptor (dualstack.descriptor) for a running site from its baseline, as dualstack
 * capture captured it: every value is the running site's, and each value to add (the new IP family's side, and
 * what a capture cannot tell) is marked TODO where it goes, for dualstack:validate to name. Needs no project:
 * {@code mvn dualstack:init -Ddualstack.baseline=baseline}. An existing descriptor is never replaced without
 * dualstack.force; nothing is written when the baseline has problems.
 */
@Mojo(name = "init", requiresProject = false, threadSafe = true)
public class InitMojo extends AbstractDualstackMojo<Report.Init> {

    /** The captured baseline directory, inside the descriptor's directory. */
    @Parameter(property = "dualstack.baseline", defaultValue = "${basedir}/baseline", required = true)
    File baseline;

    /**
     * The site's name, metadata.name (default: kubeadm's clusterName unless it is kubernetes, else the name of the
     * descriptor's directory).
     */
    @Parameter(property = "dualstack.name")
    String name;

    /** Replace an existing descriptor. */
    @Parameter(property = "dualstack.force", defaultValue = "false")
    boolean force;

    @Override
    Report.Init run(Path descriptor, Path outputDirectory, RunOptions options) throws DualstackException {
        return Dualstack.init(new Request.Init(baseline.toPath(), descriptor, Optional.ofNullable(name), force,
                options));
    }

    @Override
    String failure(Report.Init report) {
        if (report.hasErrors()) {
            return "the baseline has " + report.errors().size() + " problem(s), listed above; nothing was written";
        }
        return report.refusal().map(r -> "dualstack refused: " + r).orElseGet(() -> super.failure(report));
    }
}
