package io.github.dualstack.maven;

import io.github.dualstack.core.GenerateRequest;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Validates the site descriptor and writes every file of the site into the output tree. */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class GenerateMojo extends AbstractTreeMojo {

    /** Overwrite hand-edited generated files and files dualstack does not own. */
    @Parameter(property = "dualstack.force", defaultValue = "false")
    boolean force;

    @Override
    GenerateRequest.Mode mode() {
        return GenerateRequest.Mode.GENERATE;
    }

    @Override
    boolean force() {
        return force;
    }
}
