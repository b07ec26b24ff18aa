package io.github.dualstack.core.render;

import io.github.dualstack.core.plan.FileKind;

/** One rendered file: its path relative to the output root ('/'-separated), its bytes and its kind. */
public record OutputFile(String path, byte[] content, FileKind kind) {
}
