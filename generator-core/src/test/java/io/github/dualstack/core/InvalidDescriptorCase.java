package io.github.dualstack.core;

import io.github.dualstack.core.descriptor.DescriptorLoader;
import io.github.dualstack.core.descriptor.StrictYamlReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * One row of the invalid-descriptor table: a base sample with a small edit, and the one problem it must produce,
 * located at {@code line:column} and {@code path}, with {@code gist} in its message (or as its message, when
 * {@link #exact()}).
 */
public final class InvalidDescriptorCase {

    final String name;
    final Descriptors.Edited descriptor;
    final int line;
    final int column;
    final String path;
    final String gist;
    Problem.Severity severity = Problem.Severity.ERROR;
    /** Errors the edit causes in all; 1 unless the rule cannot be broken alone. */
    int errors = 1;
    long maxBytes = StrictYamlReader.DEFAULT_MAX_BYTES;
    boolean exact;
    Charset charset = StandardCharsets.UTF_8;

    private InvalidDescriptorCase(String name, Descriptors.Edited descriptor, String at, String path, String gist) {
        this.name = name;
        this.descriptor = descriptor;
        String[] lc = at.split(":");
        this.line = Integer.parseInt(lc[0]);
        this.column = Integer.parseInt(lc[1]);
        this.path = path;
        this.gist = gist;
    }

    /** {@code at} is {@code line:column} of the problem in the edited text. */
    static InvalidDescriptorCase of(String name, Descriptors.Edited descriptor, String at, String path, String gist) {
        return new InvalidDescriptorCase(name, descriptor, at, path, gist);
    }

    /** The problem is a warning: the descriptor stays valid. */
    InvalidDescriptorCase warning() {
        severity = Problem.Severity.WARNING;
        errors = 0;
        return this;
    }

    /** The rule cannot be broken without breaking {@code n - 1} others (e.g. an anchor needs its alias). */
    InvalidDescriptorCase errors(int n) {
        errors = n;
        return this;
    }

    /** The gist is the whole message. */
    InvalidDescriptorCase exact() {
        exact = true;
        return this;
    }

    InvalidDescriptorCase maxBytes(long bytes) {
        maxBytes = bytes;
        return this;
    }

    InvalidDescriptorCase encoded(Charset cs) {
        charset = cs;
        return this;
    }

    DescriptorLoader.Result load() {
        return Descriptors.load(descriptor.text(), charset, maxBytes);
    }

    @Override
    public String toString() {
        return name;
    }
}
