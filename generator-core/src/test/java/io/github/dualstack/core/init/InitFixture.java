package io.github.dualstack.core.init;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.Dualstack;
import io.github.dualstack.core.DualstackException;
import io.github.dualstack.core.Report;
import io.github.dualstack.core.Request;
import io.github.dualstack.core.RunOptions;
import io.github.dualstack.fixtures.TreeCopy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A site directory for init tests: a copy of the brownfield sample's baseline in {@code <dir>/baseline}, which each
 * test may edit, and {@code <dir>/site.yaml} where init writes.
 */
final class InitFixture {

    /** Surefire runs in the module directory; the samples are at the top of the repository. */
    static final Path SAMPLE = Path.of("..", "samples", "brownfield-kubeadm");

    final Path dir;
    final Path baseline;
    final Path site;

    InitFixture(Path dir) {
        this.dir = dir;
        this.baseline = dir.resolve("baseline");
        this.site = dir.resolve("site.yaml");
        TreeCopy.copy(SAMPLE.resolve("baseline"), baseline);
    }

    String read(String rel) {
        try {
            return Files.readString(baseline.resolve(rel));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    InitFixture write(String rel, String text) {
        try {
            Files.createDirectories(baseline.resolve(rel).getParent());
            Files.writeString(baseline.resolve(rel), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Replaces {@code from} (which must be there, once) by {@code to} in a baseline file. */
    InitFixture replace(String rel, String from, String to) {
        String text = read(rel);
        assertThat(text).as(rel).contains(from);
        assertThat(text.indexOf(from)).as(rel + ": once").isEqualTo(text.lastIndexOf(from));
        return write(rel, text.replace(from, to));
    }

    InitFixture delete(String rel) {
        try (Stream<Path> walk = Files.walk(baseline.resolve(rel))) {
            for (Path p : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Report.Init init() throws DualstackException {
        return init(Optional.empty(), false);
    }

    Report.Init init(Optional<String> name, boolean force) throws DualstackException {
        return Dualstack.init(new Request.Init(baseline, site, name, force, RunOptions.defaults()));
    }

    /** What init wrote. */
    String descriptor() {
        try {
            return Files.readString(site);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
