package io.github.dualstack.maven;

import io.github.dualstack.core.Dualstack;
import io.github.dualstack.core.DualstackException;
import io.github.dualstack.core.FrontEnd;
import io.github.dualstack.core.Problem;
import io.github.dualstack.core.Report;
import io.github.dualstack.core.RunOptions;
import io.github.dualstack.core.SelfCheckScope;
import io.github.dualstack.core.SiteSet;
import io.github.dualstack.core.SitesReport;
import io.github.dualstack.core.descriptor.StrictYamlReader;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every goal shares: the parameters, one request, one core call, and the one place where core results
 * become Maven outcomes. The user's own mistakes (descriptor problems, a missing descriptor, a broken template
 * override, refusals, drift) end the build with BUILD FAILURE ({@link MojoFailureException}) and one line each;
 * a run the file system or dualstack itself stopped is a {@link MojoExecutionException}.
 */
abstract class AbstractDualstackMojo<R extends Report> extends AbstractMojo {

    /** The largest descriptor the plugin reads: it is held whole in memory, and a real one is a few megabytes. */
    static final long MAX_DESCRIPTOR_BYTES = 1L << 30;

    /** The site descriptor (init writes it). Without a project (validate, init), relative to the current directory. */
    @Parameter(property = "dualstack.descriptor", defaultValue = "${basedir}/site.yaml", required = true)
    File descriptor;

    /** Skip the goal. */
    @Parameter(property = "dualstack.skip", defaultValue = "false")
    boolean skip;

    /** Refuse descriptors larger than this many bytes (1 to 1073741824). */
    @Parameter(property = "dualstack.maxDescriptorBytes", defaultValue = "" + StrictYamlReader.DEFAULT_MAX_BYTES)
    long maxDescriptorBytes;

    /** The one core call of the goal, for one site; {@code outputDirectory} is null for the goals without a tree. */
    abstract R run(Path descriptor, Path outputDirectory, RunOptions options) throws DualstackException;

    /** The single site's tree, for the goals that render one. */
    Path outputDirectory() {
        return null;
    }

    /** The sites to run instead of the one descriptor, for the goals that take many. */
    Optional<SiteSet> siteSet() {
        return Optional.empty();
    }

    /** Template overrides, for the goals that render a tree. */
    Optional<File> templateOverrides() {
        return Optional.empty();
    }

    /** Which rendered files are parsed again, for the goal that writes a tree. */
    SelfCheckScope selfCheck() {
        return SelfCheckScope.SHAPES;
    }

    /** Goal-specific output, before the summary. */
    void afterRun(R report) {
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("dualstack: skipped (dualstack.skip)");
            return;
        }
        if (maxDescriptorBytes < 1 || maxDescriptorBytes > MAX_DESCRIPTOR_BYTES) {
            throw new MojoFailureException("dualstack: dualstack.maxDescriptorBytes must be between 1 and "
                    + MAX_DESCRIPTOR_BYTES + ", not " + maxDescriptorBytes);
        }
        RunOptions options = RunOptions.builder().maxDescriptorBytes(maxDescriptorBytes)
                .templateOverrides(templateOverrides().map(File::toPath).orElse(null))
                .selfCheck(selfCheck())
                .frontEnd(new FrontEnd("-Ddualstack.force=true", "mvn dualstack:generate",
                        "-Ddualstack.maxDescriptorBytes=N", getLog()::info))
                .build();
        Optional<SiteSet> sites = siteSet();
        if (sites.isPresent()) {
            executeSites(sites.get(), options);
            return;
        }
        R report = call(() -> run(descriptor.toPath(), outputDirectory(), options));
        print(report);
        if (!report.ok()) {
            throw new MojoFailureException(failure(report));
        }
    }

    /** Each site under a header naming it, then one line for them all; fails when any site failed. */
    private void executeSites(SiteSet sites, RunOptions options) throws MojoExecutionException, MojoFailureException {
        SitesReport<R> all = call(() -> Dualstack.eachSite(sites, s -> run(s.descriptor(), s.outputDirectory(),
                options)));
        for (SitesReport.SiteResult<R> site : all.sites()) {
            String name = site.site().name();
            getLog().info("dualstack: site " + name);
            site.failure().ifPresent(f -> f.lines().forEach(l -> getLog().error("dualstack: " + name + ": " + l)));
            site.report().ifPresent(r -> {
                print(r);
                if (!r.ok()) {
                    getLog().error("dualstack: " + name + ": " + failure(r));
                }
            });
        }
        getLog().info("dualstack: " + all.summary());
        if (!all.ok()) {
            throw new MojoFailureException("dualstack: " + all.failed().size() + " of " + all.sites().size()
                    + " site(s) failed, listed above: " + String.join(", ", all.failed()));
        }
    }

    private interface CoreCall<T> {
        T run() throws DualstackException;
    }

    /** The user's inputs that cannot be used fail the build; a fault of the file system or of dualstack errs it. */
    private <T> T call(CoreCall<T> call) throws MojoExecutionException, MojoFailureException {
        try {
            return call.run();
        } catch (DualstackException.InputException e) {
            e.getMessage().lines().forEach(l -> getLog().error("dualstack: " + l));
            throw new MojoFailureException("dualstack: " + e.getMessage().lines().findFirst().orElse(""));
        } catch (DualstackException e) {
            throw new MojoExecutionException("dualstack: " + e.getMessage(), e);
        }
    }

    private void print(R report) {
        for (Problem p : report.problems()) {
            if (p.isError()) {
                getLog().error(p.toString());
            } else {
                getLog().warn(p.toString());
            }
        }
        afterRun(report);
        getLog().info("dualstack: " + report.summary());
    }

    /** One line: the details are in the log lines above it. */
    String failure(R report) {
        return "the site has " + report.errors().size()
                + " problem(s) (in the descriptor or the files it names), listed above";
    }
}
