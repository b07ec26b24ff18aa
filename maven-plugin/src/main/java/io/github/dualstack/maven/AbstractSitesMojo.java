package io.github.dualstack.maven;

import io.github.dualstack.core.Report;
import io.github.dualstack.core.SiteSet;
import java.io.File;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Parameter;

/** The goals that can run over many sites of one repository in one execution: validate, generate and check. */
abstract class AbstractSitesMojo<R extends Report> extends AbstractDualstackMojo<R> {

    /**
     * Many sites instead of the one descriptor: globs relative to the project directory (the current one without a
     * project), such as {@code sites/*}{@code /site.yaml}; {@code **} crosses directories. Each site's tree is
     * siteOutputDirectory beside its descriptor. On the command line: {@code -Ddualstack.descriptors=a,b}.
     */
    @Parameter(property = "dualstack.descriptors")
    List<String> descriptors;

    @Parameter(defaultValue = "${basedir}", readonly = true, required = true)
    File basedir;

    /** Where each site's tree goes, relative to its descriptor. */
    String siteOutputDirectory() {
        return SiteSet.DEFAULT_OUTPUT_DIRECTORY;
    }

    @Override
    Optional<SiteSet> siteSet() {
        if (descriptors == null || descriptors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SiteSet(basedir.toPath(), descriptors, siteOutputDirectory()));
    }
}
