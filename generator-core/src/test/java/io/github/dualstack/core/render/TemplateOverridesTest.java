package io.github.dualstack.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dualstack.core.Dualstack;
import io.github.dualstack.core.DualstackException;
import io.github.dualstack.core.Request;
import io.github.dualstack.core.RunOptions;
import io.github.dualstack.core.plan.view.SysctlView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The override directory rule: every entry named like a bundled template, bar hidden files and a README. */
class TemplateOverridesTest {

    static final String NAMES = String.join(", ", TemplateEngine.BUNDLED_NAMES);

    @TempDir
    Path dir;

    @Test
    void theBundledNamesAreExactlyTheTemplatesDirectoryAndAllOnTheClasspath() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("..", "templates"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ftl")).sorted())
                    .as("templates/ and TemplateEngine.BUNDLED_NAMES must list the same templates")
                    .containsExactlyElementsOf(TemplateEngine.BUNDLED_NAMES);
        }
        for (String name : TemplateEngine.BUNDLED_NAMES) {
            assertThat(TemplateEngine.class.getResource(TemplateEngine.BUNDLED + "/" + name)).as(name).isNotNull();
        }
    }

    @Test
    void overridesNamedLikeBundledTemplatesHiddenFilesAndAReadmePass() throws Exception {
        Files.writeString(dir.resolve("sysctl.conf.ftl"), "x\n");
        Files.writeString(dir.resolve("join.sh.ftl"), "x\n");
        Files.writeString(dir.resolve(".gitkeep"), "");
        Files.writeString(dir.resolve(".join.sh.ftl.swp"), "");
        Files.createDirectory(dir.resolve(".git"));
        Files.writeString(dir.resolve("README.md"), "why these overrides\n");
        TemplateOverrides.check(dir);
    }

    @Test
    void everyOtherEntryIsOneLineNamingItAndTheValidNames() throws IOException {
        Files.writeString(dir.resolve("sysctl.conf.ftl"), "x\n");
        Files.writeString(dir.resolve("kube-proxy.yml.ftl"), "x\n");
        Files.writeString(dir.resolve("edgecore.yaml"), "x\n");
        Files.createDirectories(dir.resolve("edge"));
        Files.writeString(dir.resolve("edge/join.sh.ftl"), "x\n");
        Files.createDirectory(dir.resolve("runbook.md.ftl"));
        assertThatThrownBy(() -> TemplateOverrides.check(dir))
                .isInstanceOf(DualstackException.class)
                .satisfies(e -> assertThat(e.getMessage().lines()).containsExactly(
                        dir.resolve("edge") + ": is a directory; overrides are read from " + dir
                                + " itself, not from its subdirectories",
                        dir.resolve("edgecore.yaml") + ": matches no bundled template (did you mean"
                                + " edgecore.yaml.ftl?); the names are: " + NAMES,
                        dir.resolve("kube-proxy.yml.ftl") + ": matches no bundled template; the names are: " + NAMES,
                        dir.resolve("runbook.md.ftl") + ": is a directory; overrides are read from " + dir
                                + " itself, not from its subdirectories"));
        assertThat(NAMES).startsWith("ansible-edge-rollout.yaml.ftl, ansible-inventory.yaml.ftl,"
                        + " calico-config.configmap.yaml.ftl, ")
                .endsWith(", sysctl.conf.ftl, verify.sh.ftl");
    }

    @Test
    void anOverrideIsARegularFileOfItsOwnNeitherALinkNorAFifoNorHuge() throws Exception {
        Path secret = Files.writeString(dir.resolveSibling(dir.getFileName() + "-secret"), "TOKEN=hunter2\n");
        Files.createSymbolicLink(dir.resolve("runbook.md.ftl"), secret);
        Process mk = new ProcessBuilder("mkfifo", dir.resolve("join.sh.ftl").toString()).start();
        assertThat(mk.waitFor()).isZero();
        Files.write(dir.resolve("sysctl.conf.ftl"), new byte[(int) TemplateOverrides.MAX_BYTES + 1]);
        assertThatThrownBy(() -> TemplateOverrides.check(dir))
                .isInstanceOf(DualstackException.class)
                .satisfies(e -> assertThat(e.getMessage().lines()).containsExactly(
                        dir.resolve("join.sh.ftl") + ": is a FIFO (named pipe); a template override must be a regular"
                                + " file in " + dir,
                        dir.resolve("runbook.md.ftl") + ": is a symbolic link; a template override must be a regular"
                                + " file in " + dir + ", so that no run reads a file from elsewhere",
                        dir.resolve("sysctl.conf.ftl") + ": is larger than 1048576 bytes; no template needs that much"));
    }

    @Test
    void anOverrideCanIncludeNothingButBundledTemplates() throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve(".git/config"), "[remote] url = https://token@example.com\n");
        Files.writeString(dir.resolve("sysctl.conf.ftl"), "<#include \".git/config\">\n");
        TemplateEngine engine = new TemplateEngine(java.util.Optional.of(dir));
        assertThatThrownBy(() -> engine.render("sysctl.conf.ftl", new SysctlView(List.of())))
                .hasMessageContaining("Template not found for name \".git/config\"")
                .hasMessageNotContaining("token@");
    }

    @Test
    void aMissingDirectoryIsOneLine() {
        assertThatThrownBy(() -> TemplateOverrides.check(dir.resolve("nope")))
                .hasMessage("template override directory " + dir.resolve("nope") + " does not exist or is not a"
                        + " directory");
    }

    @Test
    void generateRefusesAnUnknownOverrideBeforeWritingAnything() throws IOException {
        Path overrides = Files.createDirectory(dir.resolve("templates"));
        Files.writeString(overrides.resolve("kube-proxy.yml.ftl"), "x\n");
        Request.Generate request = new Request.Generate(Path.of("..", "samples", "ipv6-only", "site.yaml"),
                dir.resolve("out"), false, RunOptions.builder().templateOverrides(overrides).build());
        assertThatThrownBy(() -> Dualstack.run(request))
                .hasMessage(overrides.resolve("kube-proxy.yml.ftl") + ": matches no bundled template; the names are: "
                        + NAMES);
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void theEngineRendersNoTemplateOutsideTheListNorWithAnotherTemplatesView() {
        TemplateEngine engine = new TemplateEngine(Optional.empty());
        assertThatThrownBy(() -> engine.render("kube-proxy.yml.ftl", new SysctlView(List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kube-proxy.yml.ftl is not in TemplateEngine.BUNDLED_NAMES");
        assertThatThrownBy(() -> engine.render("join.sh.ftl", new SysctlView(List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("join.sh.ftl prints a JoinScriptView, not a SysctlView");
    }
}
