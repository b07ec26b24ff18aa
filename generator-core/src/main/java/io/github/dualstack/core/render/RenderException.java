package io.github.dualstack.core.render;

/** A template failed: a bug in a template or an override, never a descriptor problem (validation came first). */
public final class RenderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
