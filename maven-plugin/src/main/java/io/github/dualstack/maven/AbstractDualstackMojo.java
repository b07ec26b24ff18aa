package io.github.dualstack.maven;

import io.github.dualstack.core.Dualstack;
import io.github.dualstack.core.DualstackException;
import io.github.dualstack.core.FrontEnd;
import io.github.dualstack.core.GenerateRequest;
import io.github.dualstack.core.Problem;
import io.github.dualstack.core.Report;
import io.github.dualstack.core.descriptor.StrictYamlReader;
import java.io.File;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every goal shares: the parameters, one request, one core call, and the one place where core results
 * become Maven outcomes (descriptor problems, refusals and drift: BUILD FAILURE with one line each; a run that
 * could not happen: MojoExecutionException).
 */
abstract class AbstractDualstackMojo extends AbstractMojo {

    /** The site descriptor. Without a project (validate), relative to the current directory. */
    @Parameter(property = "dualstack.descriptor", defaultValue = "${basedir}/site.yaml", required = true)
    File descriptor;

    /** Skip the goal. */
    @Parameter(property = "dualstack.skip", defaultValue = "false")
    boolean skip;

    /** Refuse descriptors larger than this many bytes. */
    @Parameter(property = "dualstack.maxDescriptorBytes", defaultValue = "" + StrictYamlReader.DEFAULT_MAX_BYTES)
    long maxDescriptorBytes;

    abstract GenerateRequest.Mode mode();

    /** The output tree, for the goals that render one. */
    Optional<File> outputDirectory() {
        return Optional.empty();
    }

    Optional<File> templateOverrides() {
        return Optional.empty();
    }

    boolean force() {
        return false;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("dualstack: skipped (dualstack.skip)");
            return;
        }
        GenerateRequest request = new GenerateRequest(descriptor.toPath(), outputDirectory().map(File::toPath),
                templateOverrides().map(File::toPath), mode(), force(), maxDescriptorBytes)
                .withFrontEnd(new FrontEnd("-Ddualstack.force=true", "mvn dualstack:generate", getLog()::info));
        Report report;
        try {
            report = Dualstack.run(request);
        } catch (DualstackException e) {
            throw new MojoExecutionException("dualstack: " + e.getMessage(), e);
        }
        for (Problem p : report.problems()) {
            if (p.isError()) {
                getLog().error(p.toString());
            } else {
                getLog().warn(p.toString());
            }
        }
        report.write().ifPresent(w -> {
            if (!w.recovery().isEmpty()) {
                getLog().warn("dualstack: " + w.recovery());
            }
            w.refusals().forEach(r -> getLog().error("refused: " + r));
        });
        afterRun(report);
        getLog().info("dualstack: " + report.summary());
        if (!report.ok()) {
            throw new MojoFailureException(failure(report));
        }
    }

    /** Goal-specific output, before the summary. */
    void afterRun(Report report) {
    }

    /** One line: the details are in the log lines above it. */
    private static String failure(Report report) {
        if (report.hasErrors()) {
            return "the site descriptor has " + report.errors().size() + " problem(s), listed above";
        }
        if (report.write().map(w -> w.refused()).orElse(false)) {
            return "dualstack refused " + report.write().get().refusals().size()
                    + " file(s), listed above; nothing was written";
        }
        return report.summary() + "; the generated tree is stale. Run: mvn dualstack:generate"
                + " (add -Ddualstack.force=true if the differences are hand edits to discard)";
    }
}
