package io.github.dualstack.maven;

import io.github.dualstack.core.Dualstack;
import io.github.dualstack.core.DualstackException;
import io.github.dualstack.core.Report;
import io.github.dualstack.core.Request;
import io.github.dualstack.core.RunOptions;
import io.github.dualstack.core.SiteSummary;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Checks the site descriptor and reports every problem at once; needs no project:
 * {@code mvn dualstack:validate -Ddualstack.descriptor=site.yaml}, or every site of a repository:
 * {@code mvn dualstack:validate -Ddualstack.descriptors=sites/*}{@code /site.yaml}.
 */
@Mojo(name = "validate", requiresProject = false, threadSafe = true)
public class ValidateMojo extends AbstractSitesMojo<Report.Validate> {

    @Override
    Report.Validate run(Path descriptor, Path outputDirectory, RunOptions options) throws DualstackException {
        return Dualstack.validate(new Request.Validate(descriptor, options));
    }

    @Override
    void afterRun(Report.Validate report) {
        report.site().ifPresent(site -> SiteSummary.of(site).lines().forEach(getLog()::info));
    }
}
