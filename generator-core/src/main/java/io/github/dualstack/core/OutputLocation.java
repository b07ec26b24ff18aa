package io.github.dualstack.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a tree may not go: the filesystem root, the user's home, or the descriptor's own directory. */
final class OutputLocation {

    private OutputLocation() {
    }

    static void check(Path out, Path descriptor) throws DualstackException {
        Path o = real(out);
        if (o.getParent() == null) {
            throw new DualstackException(out + ": refusing to generate into the filesystem root");
        }
        String home = System.getProperty("user.home");
        if (home != null && o.equals(real(Path.of(home)))) {
            throw new DualstackException(out + ": refusing to generate into the home directory; choose a directory of its own");
        }
        Path descriptorDir = descriptor.toAbsolutePath().getParent();
        if (descriptorDir != null && o.equals(real(descriptorDir))) {
            throw new DualstackException(out + ": refusing to generate into the descriptor's own directory; use a"
                    + " subdirectory such as generated/");
        }
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
