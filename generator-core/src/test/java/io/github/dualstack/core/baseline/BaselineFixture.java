package io.github.dualstack.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.Descriptors;
import io.github.dualstack.core.Problem;
import io.github.dualstack.core.descriptor.DescriptorLoader;
import io.github.dualstack.core.descriptor.StrictYamlReader;
import io.github.dualstack.fixtures.TreeCopy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A site directory for baseline tests: {@code site.yaml} (the dual-stack base naming {@code baseline}) and a copy
 * of the small valid baseline in src/test/resources/baselines/small, which each test then edits.
 */
final class BaselineFixture {

    static final Path SMALL = Path.of("src", "test", "resources", "baselines", "small");
    /** The descriptor's line that names the baseline, inserted after line 8 ({@code spec:}). */
    static final String REFERENCE = "  baseline: {directory: baseline}";

    final Path root;
    final Path site;
    final Path baseline;
    String descriptor = Descriptors.Base.DUAL.edit().after(8, REFERENCE).text();

    BaselineFixture(Path root) {
        this.root = root;
        this.site = root.resolve("site.yaml");
        this.baseline = root.resolve("baseline");
        TreeCopy.copy(SMALL, baseline);
    }

    Path file(String rel) {
        return baseline.resolve(rel);
    }

    String read(String rel) {
        try {
            return Files.readString(file(rel));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    BaselineFixture write(String rel, String text) {
        return write(rel, text.getBytes(StandardCharsets.UTF_8));
    }

    BaselineFixture write(String rel, byte[] bytes) {
        try {
            Files.createDirectories(file(rel).getParent());
            Files.write(file(rel), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Replaces {@code from} (which must be there, once) by {@code to} in a baseline file. */
    BaselineFixture replace(String rel, String from, String to) {
        String text = read(rel);
        assertThat(text).as(rel).contains(from);
        assertThat(text.indexOf(from)).as(rel + ": once").isEqualTo(text.lastIndexOf(from));
        return write(rel, text.replace(from, to));
    }

    BaselineFixture delete(String rel) {
        try (Stream<Path> walk = Files.walk(file(rel))) {
            for (Path p : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    DescriptorLoader.Result descriptor() {
        try {
            Files.writeString(site, descriptor);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DescriptorLoader.Result loaded = Descriptors.load(descriptor);
        assertThat(Descriptors.errors(loaded)).as("the descriptor of the test").isEmpty();
        return loaded;
    }

    BaselineLoader.Result load() {
        DescriptorLoader.Result loaded = descriptor();
        return new BaselineLoader(StrictYamlReader.DEFAULT_MAX_BYTES, "--max-descriptor-bytes")
                .load(site, "site.yaml", loaded.locator(), loaded.site());
    }

    /** The problems of a load, one line each, as printed. */
    List<String> problems() {
        return load().problems().stream().map(Problem::toString).toList();
    }
}
