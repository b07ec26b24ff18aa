package io.github.dualstack.core.render;

import io.github.dualstack.core.plan.FileKind;
import java.util.Optional;

/**
 * One rendered file: its path relative to the output root ('/'-separated), its bytes and its kind. {@code shape}:
 * for a per-edge file of a bundled template, its template and structure, of which the self-check may take one
 * file (see {@link io.github.dualstack.core.SelfCheckScope}); empty for a file that is always checked.
 */
public record OutputFile(String path, byte[] content, FileKind kind, Optional<String> shape) {

    public OutputFile(String path, byte[] content, FileKind kind) {
        this(path, content, kind, Optional.empty());
    }
}
