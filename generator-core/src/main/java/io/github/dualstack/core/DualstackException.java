package io.github.dualstack.core;

/** The run could not happen at all (unreadable descriptor, I/O failure): not a descriptor problem. */
public class DualstackException extends Exception {
    private static final long serialVersionUID = 1L;

    public DualstackException(String message) {
        super(message);
    }

    public DualstackException(String message, Throwable cause) {
        super(message, cause);
    }
}
