package io.github.dualstack.maven;

import io.github.dualstack.core.Report;
import java.io.File;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Parameter;

/** The goals that render a tree: where it goes and which templates override the bundled ones. */
abstract class AbstractTreeMojo<R extends Report> extends AbstractDualstackMojo<R> {

    /** The output tree: committed to git, not under target/. */
    @Parameter(property = "dualstack.outputDirectory", defaultValue = "${project.basedir}/generated", required = true)
    File outputDirectory;

    /** A directory of template overrides: a file there replaces the bundled template of the same name. */
    @Parameter(property = "dualstack.templateOverrides")
    File templateOverrides;

    @Override
    Optional<File> templateOverrides() {
        return Optional.ofNullable(templateOverrides);
    }
}
