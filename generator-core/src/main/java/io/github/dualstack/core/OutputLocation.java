package io.github.dualstack.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where a tree may not go: the filesystem root, the user's home, or the descriptor's own directory. */
final class OutputLocation {

    private OutputLocation() {
    }

    /** Why the tree may not go to {@code out}, or empty. No option overrides these. */
    static Optional<String> problem(Path out, Path descriptor) {
        Path o = real(out);
        if (o.getParent() == null) {
            return Optional.of(out + ": is the filesystem root; choose a directory of its own for the tree");
        }
        String home = System.getProperty("user.home");
        if (home != null && o.equals(real(Path.of(home)))) {
            return Optional.of(out + ": is the home directory; choose a directory of its own for the tree");
        }
        Path descriptorDir = descriptor.toAbsolutePath().getParent();
        if (descriptorDir != null && o.equals(real(descriptorDir))) {
            return Optional.of(out + ": is the descriptor's own directory; use a subdirectory such as generated/");
        }
        return Optional.empty();
    }

    /** The real path where it exists (links resolved), else the normalised absolute path. */
    private static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        try {
            return Files.exists(abs) ? abs.toRealPath() : abs;
        } catch (IOException e) {
            return abs;
        }
    }
}
