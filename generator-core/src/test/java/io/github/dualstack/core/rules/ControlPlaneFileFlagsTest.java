package io.github.dualstack.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.rules.ControlPlaneFileFlags.FileFlag;
import io.github.dualstack.core.rules.ControlPlaneFileFlags.Kind;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which flags name paths, the paths each value names, and where each flag comes from. */
class ControlPlaneFileFlagsTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', emptyValue = "", textBlock = """
            audit-policy-file     | /etc/kubernetes/audit/policy.yaml  | /etc/kubernetes/audit/policy.yaml
            audit-policy-file     | audit/policy.yaml                  | audit/policy.yaml
            audit-policy-file     | ``                                 |
            audit-policy-file     | -                                  | -
            audit-log-path        | -                                  |
            audit-log-path        | /var/log/audit.log                 | /var/log/audit.log
            audit-log-path        | ``                                 |
            tls-sni-cert-key      | /pki/a.crt,/pki/a.key              | /pki/a.crt;/pki/a.key
            tls-sni-cert-key      | /pki/a.crt,/pki/a.key:*.example.com,example.com | /pki/a.crt;/pki/a.key
            tls-sni-cert-key      | a.crt,a.key:example.com            | a.crt;a.key
            """)
    void aValueNamesItsPaths(String flag, String value, String paths) {
        List<String> expected = paths == null ? List.of() : Arrays.asList(paths.split(";"));
        assertThat(ControlPlaneFileFlags.API_SERVER.get(flag).paths(value)).isEqualTo(expected);
    }

    /** kubeadm mounts the flexvolume directory wherever the flag puts it, so even an empty value is its path. */
    @Test
    void theFlexvolumeDirectoryIsAlwaysAPath() {
        FileFlag flex = ControlPlaneFileFlags.CONTROLLER_MANAGER.get("flex-volume-plugin-dir");
        assertThat(flex.kind()).isEqualTo(Kind.KUBEADM_VOLUME);
        assertThat(flex.paths("")).containsExactly("");
        assertThat(flex.paths("/opt/flex")).containsExactly("/opt/flex");
    }

    @Test
    void theFlagsOfTheTaskAndOfKubeadmAreListed() {
        assertThat(ControlPlaneFileFlags.API_SERVER).containsKeys("audit-policy-file", "audit-log-path",
                "audit-webhook-config-file", "encryption-provider-config", "authentication-config",
                "authorization-config", "authorization-webhook-config-file", "authentication-token-webhook-config-file",
                "admission-control-config-file", "oidc-ca-file", "egress-selector-config-file", "tracing-config-file",
                "service-account-key-file", "service-account-signing-key-file", "tls-cert-file", "tls-private-key-file",
                "client-ca-file", "requestheader-client-ca-file", "etcd-cafile", "etcd-certfile", "etcd-keyfile",
                "kubelet-client-certificate", "kubelet-client-key", "kubelet-certificate-authority",
                "proxy-client-cert-file", "proxy-client-key-file", "token-auth-file");
        assertThat(ControlPlaneFileFlags.CONTROLLER_MANAGER).containsKeys("kubeconfig", "authentication-kubeconfig",
                "authorization-kubeconfig", "cluster-signing-cert-file", "cluster-signing-key-file", "root-ca-file",
                "service-account-private-key-file", "flex-volume-plugin-dir", "client-ca-file",
                "requestheader-client-ca-file");
    }

    /** Only what the component writes needs a writable mount. */
    @Test
    void theWrittenFlagsAreTheAuditLogAndTheCertificateDirectory() {
        assertThat(all().filter(FileFlag::written).map(f -> f.name() + ":" + f.kind()))
                .containsExactlyInAnyOrder("audit-log-path:WRITTEN_OR_STDOUT", "cert-dir:WRITTEN_DIRECTORY");
        assertThat(ControlPlaneFileFlags.API_SERVER).doesNotContainKey("cert-dir");
    }

    /** A suggested extraVolumes entry is named after its flag, so every flag name is a volume name too. */
    @Test
    void everyFlagNamesItsUpstreamFileAndIsAVolumeName() {
        assertThat(all()).allSatisfy(f -> {
            assertThat(f.upstream()).matches("(cmd|pkg|staging)/[a-z0-9_./-]+\\.go");
            assertThat(Dns1123.isLabel(f.name() + "-2")).as(f.name()).isTrue();
        });
        for (Map<String, FileFlag> table : List.of(ControlPlaneFileFlags.API_SERVER, ControlPlaneFileFlags.CONTROLLER_MANAGER)) {
            table.forEach((name, flag) -> assertThat(flag.name()).isEqualTo(name));
        }
    }

    @Test
    void aReadFlagNamesOnePathAndWritesNothing() {
        FileFlag f = ControlPlaneFileFlags.CONTROLLER_MANAGER.get("kubeconfig");
        assertThat(f.kind()).isEqualTo(Kind.READ);
        assertThat(f.written()).isFalse();
        assertThat(f.paths("/etc/kubernetes/controller-manager.conf")).containsExactly("/etc/kubernetes/controller-manager.conf");
    }

    private static Stream<FileFlag> all() {
        return Stream.concat(ControlPlaneFileFlags.API_SERVER.values().stream(),
                ControlPlaneFileFlags.CONTROLLER_MANAGER.values().stream());
    }
}
