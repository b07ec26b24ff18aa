package io.github.dualstack.core;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * How the front end that calls the core speaks to its user: the spelling of the force override, of the
 * command that regenerates the tree (refusals and "interrupted run" messages name them) and of the descriptor size
 * limit (an oversize descriptor's problem names it), and where progress
 * notices go (a run that waits for another one on the same tree says so once).
 */
public record FrontEnd(String forceOption, String generateCommand, String maxDescriptorBytesOption,
                       Consumer<String> notices) {

    /** The CLI's words, with notices dropped: for tests and embedders. */
    public static final FrontEnd CLI = new FrontEnd("--force", "dualstack generate", "--max-descriptor-bytes",
            notice -> { });

    public FrontEnd {
        Objects.requireNonNull(forceOption, "forceOption");
        Objects.requireNonNull(generateCommand, "generateCommand");
        Objects.requireNonNull(maxDescriptorBytesOption, "maxDescriptorBytesOption");
        Objects.requireNonNull(notices, "notices");
    }
}
