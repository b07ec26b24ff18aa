package io.github.dualstack.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The no-op fast path: a regenerate with the same inputs over an untouched tree answers from
 * {@code .dualstack/stat-cache} without loading the descriptor (the report then carries no site); anything else,
 * from a changed input to a file edited in the same instant it was written, takes the full run.
 */
class UpToDateTest {

    private static final String SAMPLE = "dual-stack-site";
    private static final String EDGE_CONFIG = "edge/edge-0001/etc/kubeedge/config/edgecore.yaml";

    @TempDir
    Path dir;
    Path site;
    Path out;
    String text;

    @BeforeEach
    void generate() throws Exception {
        site = dir.resolve("site/site.yaml");
        Files.createDirectories(site.getParent());
        text = Files.readString(Path.of("..", "samples", SAMPLE, "site.yaml"));
        Files.writeString(site, text);
        out = dir.resolve("generated");
        Report.Generate first = run(Optional.empty());
        assertThat(first.ok()).as(first.summary()).isTrue();
        assertThat(out.resolve(".dualstack/stat-cache")).isRegularFile();
    }

    @Test
    void aRegenerateWithTheSameInputsAnswersFromTheCache() throws Exception {
        Report.Generate again = run(Optional.empty());
        assertThat(again.fromStatCache()).as("answered without loading the descriptor").isTrue();
        assertThat(again.write().orElseThrow().noOp()).isTrue();
        assertThat(again.write().orElseThrow().unchanged()).isEqualTo(29);
        assertThat(Files.readString(out.resolve(".dualstack/.gitignore"))).contains("\nstat-cache\n");
    }

    @Test
    void aHandEditIsSeenEvenWithTheSameSizeAndMtimeRightAfterTheRun() throws Exception {
        Path f = out.resolve(EDGE_CONFIG);
        FileTime mtime = Files.getLastModifiedTime(f);
        String s = Files.readString(f);
        String edited = s.replace("[2001:db8::10]:30000", "[2001:db8::10]:30009");
        assertThat(edited).isNotEqualTo(s);
        Files.writeString(f, edited);
        Files.setLastModifiedTime(f, mtime);
        assertThat(Files.size(f)).isEqualTo(s.getBytes(StandardCharsets.UTF_8).length);

        Report.Generate r = run(Optional.empty());
        assertThat(r.fromStatCache()).as("the full run").isFalse();
        assertThat(r.write().orElseThrow().refusals()).singleElement().asString()
                .startsWith(EDGE_CONFIG + ": was edited by hand");
    }

    @Test
    void aReplacedOrDeletedFileTakesTheFullRun() throws Exception {
        Path f = out.resolve(EDGE_CONFIG);
        byte[] bytes = Files.readAllBytes(f);
        Files.delete(f);
        Files.write(f, bytes);   // same bytes, new inode: the full run finds nothing to do and records again
        Report.Generate r = run(Optional.empty());
        assertThat(r.fromStatCache()).isFalse();
        assertThat(r.write().orElseThrow().noOp()).isTrue();
        assertThat(run(Optional.empty()).fromStatCache()).as("recorded again").isTrue();

        Files.delete(f);
        Report.Generate restored = run(Optional.empty());
        assertThat(restored.write().orElseThrow().written()).containsExactly(EDGE_CONFIG);
    }

    @Test
    void aChangedDescriptorOrTemplateOverrideTakesTheFullRun() throws Exception {
        Files.writeString(site, text + "\n# a comment changes the bytes, not the output\n");
        Report.Generate r = run(Optional.empty());
        assertThat(r.fromStatCache()).isFalse();
        assertThat(r.write().orElseThrow().noOp()).isTrue();

        Path templates = dir.resolve("templates");
        Files.createDirectories(templates);
        assertThat(run(Optional.of(templates)).fromStatCache()).as("an override directory is an input").isFalse();
        assertThat(run(Optional.of(templates)).fromStatCache()).isTrue();
        String bundled = new String(getClass().getResourceAsStream("/io/github/dualstack/templates/sysctl.conf.ftl")
                .readAllBytes(), StandardCharsets.UTF_8);
        Files.writeString(templates.resolve("sysctl.conf.ftl"), bundled);
        assertThat(run(Optional.of(templates)).fromStatCache()).as("so is every override in it").isFalse();
        assertThat(run(Optional.of(templates)).fromStatCache()).isTrue();
        Files.writeString(templates.resolve("sysctl.conf.ftl"), "<#-- same output -->" + bundled);
        assertThat(run(Optional.of(templates)).fromStatCache()).as("and every byte of it").isFalse();

        assertThatThrownBy(() -> run(Optional.of(dir.resolve("missing"))))
                .isInstanceOf(DualstackException.class)
                .hasMessage("template override directory " + dir.resolve("missing") + " does not exist or is not a directory");
    }

    @Test
    void anInterruptedRunOrAnUnreadableCacheTakesTheFullRun() throws Exception {
        Files.write(out.resolve(".dualstack/in-progress"), new byte[0]);
        assertThat(run(Optional.empty()).fromStatCache()).isFalse();
        assertThat(out.resolve(".dualstack/in-progress")).doesNotExist();

        Files.writeString(out.resolve(".dualstack/stat-cache"), "dualstack-stat-cache 1\nfingerprint x\n1 2 3\n");
        assertThat(run(Optional.empty()).fromStatCache()).isFalse();
        Files.writeString(out.resolve(".dualstack/stat-cache"), "garbage");
        Report.Generate r = run(Optional.empty());
        assertThat(r.fromStatCache()).isFalse();
        assertThat(r.write().orElseThrow().noOp()).isTrue();
    }

    @Test
    void checkAlwaysCompares() throws Exception {
        Report.Check r = Dualstack.check(Request.Check.of(site, out));
        assertThat(r.drift().orElseThrow().none()).isTrue();
    }

    @Test
    void aDescriptorWithWarningsIsAnsweredFromTheCacheWithTheSameWarnings() throws Exception {
        Files.writeString(site, Files.readString(Path.of("..", "samples", "ipv6-primary-hostnetwork", "site.yaml")));
        Path other = dir.resolve("other");
        out = other;
        Report.Generate first = run(Optional.empty());
        assertThat(first.ok()).as(first.summary()).isTrue();
        assertThat(first.warnings()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(first.fromStatCache()).isFalse();
        Report.Generate again = run(Optional.empty());
        assertThat(again.fromStatCache()).as("answered without loading the descriptor").isTrue();
        assertThat(again.warnings()).isEqualTo(first.warnings());
        assertThat(again.write().orElseThrow().noOp()).isTrue();
        // a cache whose warnings cannot be read back is no answer: the full run prints them from the descriptor
        Path cache = other.resolve(".dualstack/stat-cache");
        Files.writeString(cache, Files.readString(cache).replaceFirst("\nw \\{[^\n]*", "\nw not json"));
        Report.Generate full = run(Optional.empty());
        assertThat(full.fromStatCache()).isFalse();
        assertThat(full.warnings()).isEqualTo(first.warnings());
    }

    private Report.Generate run(Optional<Path> templates) throws IOException, DualstackException {
        return Dualstack.generate(new Request.Generate(site, out, false,
                RunOptions.builder().templateOverrides(templates.orElse(null)).build()));
    }
}
