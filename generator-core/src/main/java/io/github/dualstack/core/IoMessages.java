package io.github.dualstack.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Map;

/**
 * An I/O failure in words. Java's file exceptions often carry only the path and let the class name say what went
 * wrong ({@code AccessDeniedException: /srv/x}); a user must never need the class name.
 */
public final class IoMessages {

    private static final Map<Class<?>, String> REASONS = Map.of(
            AccessDeniedException.class, "permission denied",
            NoSuchFileException.class, "no such file or directory",
            FileAlreadyExistsException.class, "already exists",
            NotDirectoryException.class, "not a directory",
            DirectoryNotEmptyException.class, "directory not empty",
            FileSystemLoopException.class, "symbolic link loop");

    private IoMessages() {
    }

    /** What went wrong, for an {@link IOException} or an {@link UncheckedIOException} around one. */
    public static String describe(Exception e) {
        if (e instanceof UncheckedIOException u) {
            return describe(u.getCause());
        }
        if (e instanceof FileSystemException fs) {
            StringBuilder sb = new StringBuilder();
            if (fs.getFile() != null) {
                sb.append(fs.getFile());
                if (fs.getOtherFile() != null) {
                    sb.append(" -> ").append(fs.getOtherFile());
                }
                sb.append(": ");
            }
            return sb.append(fs.getReason() != null ? fs.getReason() : reason(fs)).toString();
        }
        return e.getMessage() != null ? e.getMessage() : "input/output error";
    }

    private static String reason(FileSystemException e) {
        return REASONS.getOrDefault(e.getClass(), "file system error");
    }
}
