package io.github.dualstack.maven;

import io.github.dualstack.core.Dualstack;
import io.github.dualstack.core.DualstackException;
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

    /** The site descriptor. */
    @Parameter(property = "dualstack.descriptor", defaultValue = "${project.basedir}/site.yaml", required = true)
    File descriptor;

    /** The output tree: committed to git, not under target/. */
    @Parameter(property = "dualstack.outputDirectory", defaultValue = "${project.basedir}/generated", required = true)
    File outputDirectory;

    /** A directory of template overrides: a file there replaces the bundled template of the same name. */
    @Parameter(property = "dualstack.templateOverrides")
    File templateOverrides;

    /** Skip the goal. */
    @Parameter(property = "dualstack.skip", defaultValue = "false")
    boolean skip;

    /** Refuse descriptors larger than this many bytes. */
    @Parameter(property = "dualstack.maxDescriptorBytes", defaultValue = "" + StrictYamlReader.DEFAULT_MAX_BYTES)
    long maxDescriptorBytes;

    abstract GenerateRequest.Mode mode();

    boolean force() {
        return false;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("dualstack: skipped (dualstack.skip)");
            return;
        }
        GenerateRequest request = new GenerateRequest(descriptor.toPath(),
                mode() == GenerateRequest.Mode.VALIDATE ? Optional.empty() : Optional.of(outputDirectory.toPath()),
                Optional.ofNullable(templateOverrides).map(File::toPath), mode(), force(), maxDescriptorBytes);
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

    private String failure(Report report) {
        StringBuilder sb = new StringBuilder();
        if (report.hasErrors()) {
            sb.append("the site descriptor has ").append(report.errors().size()).append(" problem(s):");
            report.errors().forEach(p -> sb.append('\n').append(p));
        } else if (report.write().map(w -> w.refused()).orElse(false)) {
            sb.append("dualstack refused to write (nothing was written):");
            report.write().get().refusals().forEach(r -> sb.append('\n').append(r.lines().findFirst().orElse(r)));
        } else {
            sb.append(report.summary()).append("; the generated tree is stale. Run: mvn dualstack:generate");
        }
        return sb.toString();
    }
}
