package io.github.dualstack.core.fs;

import java.io.IOException;
import java.nio.file.Path;

/** A file longer than the limit its reader sets; the stream was read only up to the limit. */
public final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long limit;

    public TooLargeException(Path path, long limit) {
        super(path + ": is larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
