package io.github.dualstack.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Every path argument: an empty one (which Java reads as the current directory) or one the platform cannot
 * represent (a NUL byte) is a usage error naming the option, never a Java exception.
 */
final class PathConverter implements ITypeConverter<Path> {

    @Override
    public Path convert(String value) {
        if (value.isEmpty()) {
            throw new TypeConversionException("must not be empty");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new TypeConversionException("not a usable path (" + e.getReason() + ")");
        }
    }
}
