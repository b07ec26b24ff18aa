package io.github.dualstack.core.write;

/** A path the writer will not touch; the message names the path and why. */
public final class WriteRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final Refusal.Reason reason;

    public WriteRefusedException(String path, String why) {
        this(path, Refusal.Reason.UNSAFE_PATH, why);
    }

    public WriteRefusedException(String path, Refusal.Reason reason, String why) {
        super(path + ": " + why);
        this.path = path;
        this.reason = reason;
    }

    Refusal refusal() {
        return Refusal.of(path, reason, getMessage());
    }
}
