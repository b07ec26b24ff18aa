package io.github.dualstack.core;

import io.github.dualstack.core.descriptor.DescriptorLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Optional;

/** The one entry point of the core: read, validate, and (as the request asks) render and write or compare. */
public final class Dualstack {

    private Dualstack() {
    }

    public static Report run(GenerateRequest request) throws DualstackException {
        DescriptorLoader loader = new DescriptorLoader(request.maxDescriptorBytes());
        long size = sizeOf(request);
        DescriptorLoader.Result loaded = size > request.maxDescriptorBytes()
                // Refuse before reading: a hostile multi-gigabyte file must not reach the heap.
                ? loader.oversize(displayName(request), size)
                : loader.load(displayName(request), readDescriptor(request));
        if (request.mode() != GenerateRequest.Mode.VALIDATE) {
            throw new DualstackException(request.mode() + " is not available in this version; only validate is");
        }
        return new Report(request.mode(), loaded.problems(), Optional.ofNullable(loaded.site()),
                loaded.ok() ? Optional.of(loaded.resolved()) : Optional.empty());
    }

    private static byte[] readDescriptor(GenerateRequest request) throws DualstackException {
        try {
            return Files.readAllBytes(request.descriptor());
        } catch (NoSuchFileException e) {
            throw new DualstackException("descriptor not found: " + request.descriptor());
        } catch (IOException e) {
            throw new DualstackException("cannot read descriptor " + request.descriptor() + ": " + e.getMessage(), e);
        }
    }

    private static long sizeOf(GenerateRequest request) throws DualstackException {
        try {
            return Files.size(request.descriptor());
        } catch (NoSuchFileException e) {
            throw new DualstackException("descriptor not found: " + request.descriptor());
        } catch (IOException e) {
            throw new DualstackException("cannot read descriptor " + request.descriptor() + ": " + e.getMessage(), e);
        }
    }

    /** Problems name the descriptor as the user gave it, so editors and terminals can jump to it. */
    private static String displayName(GenerateRequest request) {
        return request.descriptor().toString();
    }
}
