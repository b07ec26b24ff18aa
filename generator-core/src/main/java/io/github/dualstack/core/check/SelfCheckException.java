package io.github.dualstack.core.check;

import java.util.List;

/**
 * A rendered file failed its own self-check: a bug in dualstack or in a user's template override, never a
 * descriptor problem (the descriptor was validated before anything was rendered). The message is one line naming
 * the file and every problem found.
 */
public final class SelfCheckException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final List<String> problems;

    public SelfCheckException(String path, List<String> problems) {
        super(path + ": generated file failed its self-check (a bug in dualstack or in a template override): "
                + String.join("; ", problems));
        this.path = path;
        this.problems = List.copyOf(problems);
    }

    /** The file's path relative to the output root. */
    public String path() {
        return path;
    }

    /** Each problem, as {@code field.path: what is wrong} or {@code line N: what is wrong}. */
    public List<String> problems() {
        return problems;
    }
}
