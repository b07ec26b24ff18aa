package io.github.dualstack.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
/** regenerate-cloudcore-certs.sh: which secrets it deletes, and when it refuses. */
class RegenerateCertsScriptTest extends ScriptHarness {

    @Test
    void regenerateDeletesOnlyTheServerSecretByDefaultAndTheCaOnlyWhenConfirmed() throws IOException {
        Path regen = script(load("ipv6-primary-hostnetwork"), "scripts/regenerate-cloudcore-certs.sh");
        Path config = Files.writeString(tmp.resolve("cloudcore.yaml"), String.join("\n", "modules:", "  cloudHub:",
                "    advertiseAddress:", "    - \"2001:db8:20::10\"", "    - \"198.51.100.10\"", "    dnsNames:",
                "    - \"cloudcore.telco-west.example.net\"", ""));
        Map<String, String> env = Map.of("FAKE_CONFIG", config.toString());

        Run unconfirmed = run(List.of("bash", regen.toString(), "--new-ca"), env);
        assertThat(unconfirmed.exit).isNotZero();
        assertThat(unconfirmed.err).contains("--new-ca --yes").contains("join again");
        assertThat(fakeLog()).doesNotContain("delete");

        Run plain = run(List.of("bash", regen.toString()), env);
        assertThat(plain.exit).as(plain.out + plain.err).isZero();
        assertThat(fakeLog()).contains("kubectl -n kubeedge delete secret cloudcoresecret --ignore-not-found")
                .doesNotContain("casecret").doesNotContain("tokensecret")
                .contains("kubectl -n kubeedge rollout restart deployment/cloudcore")
                .contains("kubectl -n kubeedge rollout status deployment/cloudcore");
        assertThat(plain.out).contains("PASS  CloudCore server certificate is valid for https://[2001:db8:20::10]:10002/ca.crt")
                .contains("edge nodes keep their certificates");

        Files.writeString(log, "");
        Run newCa = run(List.of("bash", regen.toString(), "--new-ca", "--yes"), env);
        assertThat(newCa.exit).as(newCa.out + newCa.err).isZero();
        assertThat(fakeLog()).contains("kubectl -n kubeedge delete secret tokensecret casecret cloudcoresecret --ignore-not-found");
        assertThat(newCa.out).contains("Every edge node must join again");
    }

    @Test
    void regenerateRefusesWhileTheConfigMapLacksAnAddress() throws IOException {
        Path regen = script(load("ipv6-primary-hostnetwork"), "scripts/regenerate-cloudcore-certs.sh");
        // 198.51.100.100 must not count as 198.51.100.10
        Path config = Files.writeString(tmp.resolve("cloudcore.yaml"), "advertiseAddress: [\"2001:db8:20::10\", "
                + "\"198.51.100.100\"]\ndnsNames: [cloudcore.telco-west.example.net]\n");
        Run r = run(List.of("bash", regen.toString()), Map.of("FAKE_CONFIG", config.toString()));
        assertThat(r.exit).isNotZero();
        assertThat(r.err).contains("does not list 198.51.100.10 yet");
        assertThat(fakeLog()).doesNotContain("delete").doesNotContain("rollout");
    }

    @Test
    void regenerateMatchesEachAddressWholeNotInsideALongerOne() throws IOException {
        Path regen = script(load("ipv6-primary-hostnetwork"), "scripts/regenerate-cloudcore-certs.sh");
        // grep -w would find 2001:db8:20::10 in both: ':' is a word boundary to it
        Path config = Files.writeString(tmp.resolve("cloudcore.yaml"), """
                modules:
                  cloudHub:
                    advertiseAddress:
                    - fd00:2001:db8:20::10
                    - 2001:db8:20::10:5
                    - 198.51.100.10
                    dnsNames:
                    - cloudcore.telco-west.example.net
                """);
        Run r = run(List.of("bash", regen.toString()), Map.of("FAKE_CONFIG", config.toString()));
        assertThat(r.exit).isNotZero();
        assertThat(r.err).contains("does not list 2001:db8:20::10 yet");
        assertThat(fakeLog()).doesNotContain("delete").doesNotContain("rollout");

        Files.writeString(config, "modules:\n  cloudHub:\n    advertiseAddress:\n    - 2001:db8:20::10\n"
                + "    - '198.51.100.10'\n    dnsNames: [\"cloudcore.telco-west.example.net\"]\n");
        Run listed = run(List.of("bash", regen.toString()), Map.of("FAKE_CONFIG", config.toString()));
        assertThat(listed.exit).as(listed.out + listed.err).isZero();
        assertThat(fakeLog()).contains("kubectl -n kubeedge delete secret cloudcoresecret --ignore-not-found");
    }
}
