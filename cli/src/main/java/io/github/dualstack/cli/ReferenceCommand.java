package io.github.dualstack.cli;

import io.github.dualstack.core.descriptor.DescriptorReference;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** dualstack reference: the descriptor reference in Markdown, from the schema (the README's copy is this output). */
@Command(name = "reference", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Prints the descriptor reference (every field, its type, default and description) in Markdown.")
final class ReferenceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(DescriptorReference.markdown());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
