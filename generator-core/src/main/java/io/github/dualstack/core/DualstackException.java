package io.github.dualstack.core;

/**
 * The run could not happen at all: not a descriptor problem (those are {@link Problem}s in the report). One
 * subclass per cause, so that each front end maps the cause once: the user's own inputs ({@link InputException}),
 * the file system ({@link IoFaultException}), or dualstack itself ({@link GeneratorBugException}).
 */
public abstract sealed class DualstackException extends Exception
        permits DualstackException.InputException, DualstackException.IoFaultException,
        DualstackException.GeneratorBugException {
    private static final long serialVersionUID = 1L;

    DualstackException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The user's inputs cannot be used: a descriptor that is missing or not a file, a broken template override. */
    public static final class InputException extends DualstackException {
        private static final long serialVersionUID = 1L;

        public InputException(String message, Throwable cause) {
            super(message, cause);
        }

        public InputException(String message) {
            super(message, null);
        }
    }

    /** Reading or writing the tree failed in the file system: permissions, a full disk, another run holding it. */
    public static final class IoFaultException extends DualstackException {
        private static final long serialVersionUID = 1L;

        public IoFaultException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A bundled template rendered a file that fails its own check: a bug in dualstack, to be reported. */
    public static final class GeneratorBugException extends DualstackException {
        private static final long serialVersionUID = 1L;

        public GeneratorBugException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
