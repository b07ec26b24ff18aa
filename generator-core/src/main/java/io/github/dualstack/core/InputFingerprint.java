package io.github.dualstack.core;

import io.github.dualstack.core.descriptor.DescriptorLoader;
import io.github.dualstack.core.fs.SafeFiles;
import io.github.dualstack.core.render.TemplateOverrides;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Everything the bytes of a generated tree depend on, as one sha256: the generator itself (the entries of the jar,
 * or the files of the class directory, it runs from, so a rebuilt snapshot counts as a different generator), the
 * descriptor's bytes and file name (the name is in every header), the edge inventory it names (name and bytes),
 * every template override, and the descriptor size limit (which decides whether the descriptor is accepted at
 * all). The thread count and the force flag are left out: the output is the same whatever they are.
 */
final class InputFingerprint {

    private static final String GENERATOR = generatorDigest();

    private InputFingerprint() {
    }

    /** The digest, and the inventory it covers: the one the descriptor names (empty for none). */
    record Fingerprint(String value, Optional<String> inventory) {
    }

    static Fingerprint of(Request.Generate request, byte[] descriptor) throws IOException {
        MessageDigest md = Sha256.digest();
        renderInputs(md, request);
        field(md, "descriptor", descriptor);
        field(md, "max-descriptor-bytes", Long.toString(request.options().maxDescriptorBytes()).getBytes(StandardCharsets.UTF_8));
        Optional<DescriptorLoader.NamedInventory> inventory = new DescriptorLoader(request.options().maxDescriptorBytes())
                .namedInventory(request.descriptor(), descriptor);
        if (inventory.isPresent()) {
            field(md, "inventory-name", inventory.get().file().getBytes(StandardCharsets.UTF_8));
            // an unreadable inventory fails the run, which then records nothing
            field(md, "inventory", inventory.get().bytes() == null ? new byte[0] : inventory.get().bytes());
        }
        return new Fingerprint(Sha256.hex(md), inventory.map(DescriptorLoader.NamedInventory::file));
    }

    /**
     * What the bytes of every file depend on beside the file's own template and view: the generator, its version,
     * the descriptor's file name and the template overrides. A previous run's per-file keys are reused only when
     * this is the same.
     */
    static String ofRendering(Request.Generate request) throws IOException {
        MessageDigest md = Sha256.digest();
        renderInputs(md, request);
        return Sha256.hex(md);
    }

    private static void renderInputs(MessageDigest md, Request.Generate request) throws IOException {
        field(md, "generator", GENERATOR.getBytes(StandardCharsets.UTF_8));
        field(md, "version", Version.get().getBytes(StandardCharsets.UTF_8));
        field(md, "descriptor-name", request.descriptor().getFileName().toString().getBytes(StandardCharsets.UTF_8));
        Optional<Path> overrides = request.options().templateOverrides();
        field(md, "overrides", (overrides.isPresent() ? "directory" : "none").getBytes(StandardCharsets.UTF_8));
        if (overrides.isPresent()) {
            // Only the files the engine loads: TemplateOverrides has checked they are small regular files.
            Path dir = overrides.get();
            for (Path f : TemplateOverrides.present(dir)) {
                field(md, "template " + f.getFileName(), SafeFiles.readInTree(f, TemplateOverrides.MAX_BYTES));
            }
        }
    }

    /** Length-prefixed, so that no two different inputs can concatenate to the same bytes. */
    private static void field(MessageDigest md, String name, byte[] value) {
        Sha256.piece(md, name);
        Sha256.piece(md, value);
    }

    private static List<Path> regularFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** The generator: the jar or class directory the core runs from ({@link #codeDigest}). */
    private static String generatorDigest() {
        try {
            return codeDigest(Path.of(InputFingerprint.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | RuntimeException e) {
            // No file to hash (an unusual class loader): a unique value, so a cache is never trusted across runs.
            return "unknown-" + System.nanoTime();
        }
    }

    /**
     * A jar as the entries its central directory lists, in their order, each by name, size and CRC-32: what the
     * class loader reads, known without inflating or hashing the 8 MB of the jar at every start (a slow part of
     * a no-op run, as the JVM has not compiled the digest yet). A rebuild that changes any entry changes the
     * digest; one that only stamps other times or compresses differently does not. A directory: each file's
     * path and bytes; any other file: its bytes.
     */
    static String codeDigest(Path code) throws IOException {
        MessageDigest md = Sha256.digest();
        if (Files.isDirectory(code)) {
            for (Path f : regularFiles(code)) {
                md.update(code.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                hashBytes(md, f);
            }
            return Sha256.hex(md);
        }
        try (ZipFile jar = new ZipFile(code.toFile())) {
            Sha256.piece(md, "jar");
            jar.stream().forEach(e -> {
                Sha256.piece(md, e.getName());
                Sha256.piece(md, e.getSize() + " " + e.getCrc());
            });
            return Sha256.hex(md);
        } catch (ZipException notAJar) {
            md.reset();
            hashBytes(md, code);
            return Sha256.hex(md);
        }
    }

    private static void hashBytes(MessageDigest md, Path f) throws IOException {
        byte[] buf = new byte[1 << 16];
        try (InputStream in = new DigestInputStream(Files.newInputStream(f), md)) {
            while (in.read(buf) >= 0) {
                // the digest stream hashes what is read
            }
        }
    }

}
