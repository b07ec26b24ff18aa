package io.github.dualstack.maven;

import io.github.dualstack.core.Report;
import io.github.dualstack.core.SiteSet;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Parameter;

/** The goals that render a tree: where it goes and which templates override the bundled ones. */
abstract class AbstractTreeMojo<R extends Report> extends AbstractSitesMojo<R> {

    /** The output tree: committed to git, not under target/. */
    @Parameter(property = "dualstack.outputDirectory", defaultValue = "${project.basedir}/generated", required = true)
    File outputDirectory;

    /** A directory of template overrides: a file there replaces the bundled template of the same name. */
    @Parameter(property = "dualstack.templateOverrides")
    File templateOverrides;

    /** With dualstack.descriptors: each site's tree, relative to its descriptor. */
    @Parameter(property = "dualstack.siteOutputDirectory", defaultValue = SiteSet.DEFAULT_OUTPUT_DIRECTORY,
            required = true)
    String siteOutputDirectory;

    @Override
    String siteOutputDirectory() {
        return siteOutputDirectory;
    }

    @Override
    Path outputDirectory() {
        return outputDirectory.toPath();
    }

    @Override
    Optional<File> templateOverrides() {
        return Optional.ofNullable(templateOverrides);
    }
}
