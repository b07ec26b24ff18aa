package io.github.dualstack.core.write;

/** A path the writer will not touch; the message names the path and why. */
public final class WriteRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    public WriteRefusedException(String path, String why) {
        super(path + ": " + why);
    }
}
