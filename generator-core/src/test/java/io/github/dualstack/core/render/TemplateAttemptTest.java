package io.github.dualstack.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dualstack.core.Descriptors;
import io.github.dualstack.core.Dualstack;
import io.github.dualstack.core.DualstackException;
import io.github.dualstack.core.Request;
import io.github.dualstack.core.RunOptions;
import io.github.dualstack.core.Problem;
import io.github.dualstack.core.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an override's template errors look like to a user: what {@code <#attempt>} recovered from is one warning in
 * the report (never a logged stack trace), and a failure is one line naming the file, line and column.
 */
class TemplateAttemptTest {

    /** The dual-stack sample has two cluster nodes, so sysctl.conf.ftl renders twice. */
    static final Path SITE = Path.of("..", "samples", "dual-stack-site", "site.yaml");

    @TempDir
    Path dir;

    Path override(String text) throws Exception {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Files.writeString(templates.resolve("sysctl.conf.ftl"), text);
        return templates;
    }

    Request.Generate generate(Path templates) {
        return new Request.Generate(SITE, dir.resolve("out"), false, RunOptions.builder().templateOverrides(templates)
                .build());
    }

    /** Check mode for the failures: it renders everything and writes nothing. */
    Request.Check check(Path templates) {
        return new Request.Check(SITE, dir.resolve("out"), RunOptions.builder().templateOverrides(templates).build());
    }

    @Test
    void whatAttemptRecoveredFromIsOneWarningPerPlaceAndNothingIsLogged() throws Exception {
        Path templates = override("# sysctl\n<#attempt>\n# ${nope}\n<#recover>\n# fallback\n</#attempt>\n");
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger freemarker = Logger.getLogger("freemarker");
        freemarker.addHandler(capture);
        try {
            Report report = Dualstack.run(generate(templates));
            assertThat(report.ok()).isTrue();
            assertThat(Descriptors.withoutMetricsWarning(report.warnings())).containsExactly(new Problem(templates.resolve("sysctl.conf.ftl").toString(),
                    3, 5, "", Problem.Severity.WARNING, "<#attempt> failed and its <#recover> output was used: The"
                    + " following has evaluated to null or missing: nope (in 2 files)"));
            assertThat(Descriptors.withoutMetricsWarning(report.warnings()).get(0).toString()).isEqualTo(templates.resolve("sysctl.conf.ftl")
                    + ":3:5: warning: <#attempt> failed and its <#recover> output was used: The following has"
                    + " evaluated to null or missing: nope (in 2 files)");
            try (var files = Files.walk(dir.resolve("out"))) {
                assertThat(files.filter(p -> p.endsWith("99-dualstack.conf")).toList()).hasSize(2)
                        .allSatisfy(p -> assertThat(Files.readString(p)).endsWith("# sysctl\n# fallback\n"));
            }

            Report again = Dualstack.run(generate(templates));
            assertThat(Descriptors.withoutMetricsWarning(again.warnings()))
                    .as("no up-to-date shortcut that would hide the warning").hasSize(1);
        } finally {
            freemarker.removeHandler(capture);
        }
        assertThat(logged).isEmpty();
    }

    @Test
    void aTemplateErrorIsOneLineWithFileLineAndColumn() throws Exception {
        Path templates = override("# sysctl\n${nope}\n");
        assertThatThrownBy(() -> Dualstack.run(check(templates)))
                .isInstanceOf(DualstackException.class)
                .hasMessage(templates.resolve("sysctl.conf.ftl") + ":2:3: The following has evaluated to null or"
                        + " missing: nope");
    }

    @Test
    void aSyntaxErrorIsOneLineWithFileLineAndColumn() throws Exception {
        Path templates = override("# sysctl\n<#if true>\n");
        assertThatThrownBy(() -> Dualstack.run(check(templates)))
                .isInstanceOf(DualstackException.class)
                .hasMessageStartingWith(templates.resolve("sysctl.conf.ftl") + ":2:")
                .hasMessageContaining("You have an unclosed #if.")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
