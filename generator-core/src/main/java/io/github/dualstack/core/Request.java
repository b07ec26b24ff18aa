package io.github.dualstack.core;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One call into the core, one record per mode: front ends (the Maven plugin, the CLI) build one, call
 * {@link Dualstack}, and map the {@link Report} of the same mode.
 */
public sealed interface Request {

    /** The site descriptor the mode reads (init: the one it writes). */
    Path descriptor();

    RunOptions options();

    /** The modes that work on a tree: generate and check. */
    sealed interface OnTree extends Request permits Generate, Check {
        Path outputDirectory();
    }

    /**
     * Check the descriptor and report every problem; no tree. With {@code resolved}, the report also holds the
     * descriptor with every default applied (validate --resolved); without, that tree goes once the site is bound:
     * at 100,000 edges under -Xmx512m, keeping it made validate about 7% slower (eight alternating pairs).
     */
    record Validate(Path descriptor, RunOptions options, boolean resolved) implements Request {
        public Validate {
            Objects.requireNonNull(descriptor, "descriptor");
            Objects.requireNonNull(options, "options");
        }

        public Validate(Path descriptor, RunOptions options) {
            this(descriptor, options, false);
        }

        public static Validate of(Path descriptor) {
            return new Validate(descriptor, RunOptions.defaults());
        }

        /** With the default options, the resolved descriptor in the report. */
        public static Validate resolving(Path descriptor) {
            return new Validate(descriptor, RunOptions.defaults(), true);
        }
    }

    /** Render the site into {@code outputDirectory}; {@code force} overwrites hand edits and files of others. */
    record Generate(Path descriptor, Path outputDirectory, boolean force, RunOptions options) implements OnTree {
        public Generate {
            Objects.requireNonNull(descriptor, "descriptor");
            Objects.requireNonNull(outputDirectory, "outputDirectory");
            Objects.requireNonNull(options, "options");
        }

        public static Generate of(Path descriptor, Path outputDirectory) {
            return new Generate(descriptor, outputDirectory, false, RunOptions.defaults());
        }
    }

    /** Render in memory and compare with the tree in {@code outputDirectory}; writes nothing. */
    record Check(Path descriptor, Path outputDirectory, RunOptions options) implements OnTree {
        public Check {
            Objects.requireNonNull(descriptor, "descriptor");
            Objects.requireNonNull(outputDirectory, "outputDirectory");
            Objects.requireNonNull(options, "options");
        }

        public static Check of(Path descriptor, Path outputDirectory) {
            return new Check(descriptor, outputDirectory, RunOptions.defaults());
        }
    }

    /**
     * Write a starter descriptor at {@code descriptor} for the running site captured in {@code baseline}, a
     * directory inside the descriptor's; {@code name} is the site's name (by default kubeadm's clusterName, else the
     * descriptor directory's name); {@code force} replaces an existing file. Reads the baseline, nothing else.
     */
    record Init(Path baseline, Path descriptor, Optional<String> name, boolean force, RunOptions options)
            implements Request {
        public Init {
            Objects.requireNonNull(baseline, "baseline");
            Objects.requireNonNull(descriptor, "descriptor");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(options, "options");
        }

        public static Init of(Path baseline, Path descriptor) {
            return new Init(baseline, descriptor, Optional.empty(), false, RunOptions.defaults());
        }
    }
}
