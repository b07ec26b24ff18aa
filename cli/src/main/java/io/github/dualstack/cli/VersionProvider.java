package io.github.dualstack.cli;

import io.github.dualstack.core.Version;
import picocli.CommandLine;

/** Prints the generator version that also goes into every file header. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"dualstack " + Version.get()};
    }
}
