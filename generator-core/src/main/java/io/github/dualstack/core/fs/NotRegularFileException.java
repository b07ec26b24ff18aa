package io.github.dualstack.core.fs;

import java.io.IOException;
import java.nio.file.Path;

/** A path that dualstack only reads or replaces when it is a regular file, and it is not one. */
public final class NotRegularFileException extends IOException {
    private static final long serialVersionUID = 1L;

    private final SafeFiles.Kind kind;

    public NotRegularFileException(Path path, SafeFiles.Kind kind) {
        super(path + ": " + kind.phrase() + ", not a regular file");
        this.kind = kind;
    }

    public SafeFiles.Kind kind() {
        return kind;
    }
}
