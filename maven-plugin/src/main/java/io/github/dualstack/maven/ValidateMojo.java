package io.github.dualstack.maven;

import io.github.dualstack.core.GenerateRequest;
import io.github.dualstack.core.Report;
import io.github.dualstack.core.SiteSummary;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Checks the site descriptor and reports every problem at once; needs no project:
 * {@code mvn dualstack:validate -Ddualstack.descriptor=site.yaml}.
 */
@Mojo(name = "validate", requiresProject = false, threadSafe = true)
public class ValidateMojo extends AbstractDualstackMojo {

    @Override
    GenerateRequest.Mode mode() {
        return GenerateRequest.Mode.VALIDATE;
    }

    @Override
    void afterRun(Report report) {
        report.site().ifPresent(site -> SiteSummary.of(site).lines().forEach(getLog()::info));
    }
}
