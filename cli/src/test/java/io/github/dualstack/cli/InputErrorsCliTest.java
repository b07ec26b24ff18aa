package io.github.dualstack.cli;

import static io.github.dualstack.cli.ValidateCliTest.noStackTrace;
import static io.github.dualstack.cli.ValidateCliTest.run;
import static io.github.dualstack.cli.ValidateCliTest.sample;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.cli.ValidateCliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every mistake in what a user types is one line in their terms with the right exit code (2 for usage and I/O,
 * 1 for the descriptor), never "internal error" or a Java class name.
 */
class InputErrorsCliTest {

    @TempDir
    Path dir;

    String out() {
        return dir.resolve("generated").toString();
    }

    static void usageError(Run r, String command, String message) {
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines()).containsExactly("dualstack: " + message, "Try 'dualstack " + command + " --help'.");
        assertThat(r.out()).isEmpty();
        noStackTrace(r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "257", "100000"})
    void threadsOutsideOneTo256AreAUsageError(String threads) {
        usageError(run("generate", sample("ipv6-only"), "-o", out(), "--threads", threads), "generate",
                "--threads must be between 1 and 256, not " + threads);
        assertThat(dir.resolve("generated")).doesNotExist();
    }

    @Test
    void theLargestThreadCountRuns() {
        Run r = run("generate", sample("ipv6-only"), "-o", out(), "--threads", "256");
        assertThat(r.exit()).as(r.err()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "0", "1073741825"})
    void aDescriptorLimitOutsideOneByteToOneGibibyteIsAUsageError(String bytes) {
        usageError(run("validate", "--max-descriptor-bytes", bytes, sample("ipv6-only")), "validate",
                "--max-descriptor-bytes must be between 1 and 1073741824, not " + bytes);
    }

    @Test
    void aDescriptorLimitThatIsNoNumberIsAUsageError() {
        usageError(run("validate", "--max-descriptor-bytes", "99999999999999999999", sample("ipv6-only")), "validate",
                "Invalid value for option '--max-descriptor-bytes': '99999999999999999999' is not a long");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'' | must not be empty",
        "a\u0000b | not a usable path (Nul character not allowed)"})
    void anEmptyOrUnrepresentablePathIsAUsageErrorNamingItsOption(String path, String why) {
        usageError(run("generate", sample("ipv6-only"), "-o", path), "generate",
                "Invalid value for option '--output': " + why);
        usageError(run("check", sample("ipv6-only"), "-o", out(), "--templates", path), "check",
                "Invalid value for option '--templates': " + why);
        usageError(run("validate", path), "validate", "Invalid value for positional parameter at index 0 (SITE): " + why);
    }

    @ParameterizedTest
    @ValueSource(strings = {"generate", "check"})
    void anOutputThatIsAFileIsAUsageError(String command) throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "mine\n");
        usageError(run(command, sample("ipv6-only"), "-o", file.toString()), command,
                "--output " + file + " is not a directory");
        assertThat(Files.readString(file)).isEqualTo("mine\n");
    }

    @Test
    void overridesNamedLikeNoBundledTemplateAreOneLineEachAndStopTheRun() throws Exception {
        Path templates = Files.createDirectory(dir.resolve("templates"));
        Files.writeString(templates.resolve("kube-proxy.yml.ftl"), "x\n");
        Files.writeString(templates.resolve("edgecore.yaml"), "x\n");
        Files.writeString(templates.resolve(".gitkeep"), "");
        Files.writeString(templates.resolve("README.md"), "why\n");
        Run r = run("generate", sample("ipv6-only"), "-o", out(), "--templates", templates.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        String names = "calico-config.configmap.yaml.ftl, calico-node.patch.yaml.ftl, calico.ippools.yaml.ftl,"
                + " cloudcore.configmap.yaml.ftl, cloudcore.service.yaml.ftl, edge-affinity.patch.yaml.ftl,"
                + " edgecore.yaml.ftl, join.sh.ftl, kube-proxy.configmap.yaml.ftl, kubelet-dropin.conf.ftl,"
                + " kustomization.yaml.ftl, merged.yaml.ftl, nodegroup.yaml.ftl,"
                + " preflight.sh.ftl, regenerate-cloudcore-certs.sh.ftl, runbook.md.ftl, static-pod.yaml.ftl,"
                + " sysctl.conf.ftl, verify.sh.ftl";
        assertThat(r.errLines()).containsExactly(
                "dualstack: " + templates.resolve("edgecore.yaml") + ": matches no bundled template (did you mean"
                        + " edgecore.yaml.ftl?); the names are: " + names,
                "dualstack: " + templates.resolve("kube-proxy.yml.ftl") + ": matches no bundled template; the names"
                        + " are: " + names);
        assertThat(dir.resolve("generated")).doesNotExist();
    }

    @Test
    void whatAnAttemptRecoveredFromIsAWarningLineAndTheRunSucceeds() throws Exception {
        Path templates = Files.createDirectory(dir.resolve("templates"));
        Path sysctl = Files.writeString(templates.resolve("sysctl.conf.ftl"),
                "# sysctl\n<#attempt>\n# ${nope}\n<#recover>\n# fallback\n</#attempt>\n");
        Run r = run("generate", sample("ipv6-only"), "-o", out(), "--templates", templates.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.errLines()).hasSize(2).first().isEqualTo(sysctl + ":3:5: warning: <#attempt> failed and its"
                + " <#recover> output was used: The following has evaluated to null or missing: nope (in 2 files)");
        assertThat(r.errLines().get(1)).startsWith("dualstack: 19 written, 0 unchanged, 0 removed");
        noStackTrace(r);
        assertThat(System.getProperty(Main.FREEMARKER_LOGGER_LIBRARY)).as("FreeMarker's own log is off in the CLI")
                .isEqualTo("none");
    }

    @Test
    void aTemplateErrorInAnOverrideIsOneLine() throws Exception {
        Path templates = Files.createDirectory(dir.resolve("templates"));
        Path sysctl = Files.writeString(templates.resolve("sysctl.conf.ftl"), "# sysctl\n${nope}\n");
        Run r = run("check", sample("ipv6-only"), "-o", out(), "--templates", templates.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines()).containsExactly(
                "dualstack: " + sysctl + ":2:3: The following has evaluated to null or missing: nope");
        noStackTrace(r);
    }
}
