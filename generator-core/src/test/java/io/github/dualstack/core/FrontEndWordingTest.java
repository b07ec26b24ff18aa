package io.github.dualstack.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core names the caller's options and commands, never the CLI's, in what a Maven user reads. */
class FrontEndWordingTest {

    private static final Path SITE = Path.of("..", "samples", "ipv6-only", "site.yaml");

    @TempDir
    Path dir;

    private final List<String> notices = new ArrayList<>();
    private final FrontEnd maven = new FrontEnd("-Ddualstack.force=true", "mvn dualstack:generate",
            "-Ddualstack.maxDescriptorBytes=N", notices::add);

    private RunOptions options(long maxBytes) {
        return RunOptions.builder().frontEnd(maven).maxDescriptorBytes(maxBytes).build();
    }

    @Test
    void anOversizeDescriptorNamesTheFrontEndsLimit() throws Exception {
        Report.Validate r = Dualstack.validate(new Request.Validate(SITE, options(100)));
        assertThat(r.errors()).singleElement().asString().endsWith("over the limit of 100 bytes (raise it with"
                + " -Ddualstack.maxDescriptorBytes=N)");
    }

    @Test
    void refusalsAndAnInterruptedRunNameTheFrontEndsForceAndCommand() throws Exception {
        Path out = dir.resolve("generated");
        assertThat(Dualstack.generate(new Request.Generate(SITE, out, false, options(1 << 20))).ok()).isTrue();
        Files.writeString(out.resolve("scripts/verify.sh"), "#!/usr/bin/env bash\n# mine\n");
        Report.Generate refused = Dualstack.generate(new Request.Generate(SITE, out, false, options(1 << 20)));
        assertThat(refused.write().orElseThrow().refusals()).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("use -Ddualstack.force=true to overwrite it")
                        .doesNotContain("--force"));

        Files.writeString(out.resolve(".dualstack/journal.json"), "{\"renames\":[],\"deletes\":[]}");
        Report.Check check = Dualstack.check(new Request.Check(SITE, out, options(1 << 20)));
        assertThat(check.drift().orElseThrow().problems()).singleElement().asString()
                .endsWith("run mvn dualstack:generate to complete it");
        assertThat(notices).isEmpty();
    }
}
