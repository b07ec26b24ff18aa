package io.github.dualstack.core.check;

import static io.github.dualstack.core.check.GeneratedFiles.IPPOOLS;
import static io.github.dualstack.core.check.GeneratedFiles.check;
import static io.github.dualstack.core.check.GeneratedFiles.failure;
import static io.github.dualstack.core.check.GeneratedFiles.file;
import static io.github.dualstack.core.check.GeneratedFiles.replaceOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.dualstack.core.Dualstack;
import io.github.dualstack.core.Report;
import io.github.dualstack.core.Request;
import io.github.dualstack.core.plan.FileKind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Calico operator's Installation as dualstack renders it passes the self-check, and a misspelt key, a wrong
 * type or a value outside an enum of the operator's CRD fails it, at its path: the API server would prune an unknown
 * field of a custom resource without a word.
 */
class CalicoObjectsTest {

    private static final String PATH = "cluster/calico.installation.yaml";
    private static String installation;

    @BeforeAll
    static void render(@TempDir Path dir) throws Exception {
        Path site = dir.resolve("site.yaml");
        Files.writeString(site, new String(CalicoObjectsTest.class.getResourceAsStream(
                "/io/github/dualstack/core/bases/dual-stack-site.yaml").readAllBytes())
                .replace("  calico:\n", "  calico:\n    installedBy: operator\n"));
        Report.Generate r = Dualstack.generate(Request.Generate.of(site, dir.resolve("out")));
        assertThat(r.ok()).as(r.summary()).isTrue();
        installation = Files.readString(dir.resolve("out").resolve(PATH));
    }

    @Test
    void theRenderedInstallationAndPoolsPass() {
        assertThatCode(() -> check(file(PATH, installation, FileKind.CALICO))).doesNotThrowAnyException();
        assertThatCode(() -> check(file("cluster/kube-system/calico.ippools.yaml", IPPOOLS, FileKind.CALICO)))
                .doesNotThrowAnyException();
    }

    @Test
    void aMisspeltKeyFailsWithTheNearestOne() {
        String text = replaceOnce(installation, "nodeAddressAutodetectionV6:", "nodeAddressAutoDetectionV6:");
        assertThat(failure(PATH, text, FileKind.CALICO).getMessage()).contains("spec.calicoNetwork"
                + ".nodeAddressAutoDetectionV6: unknown key (not in calico-installation.schema.json); did you mean"
                + " 'nodeAddressAutodetectionV6'?");
        String deep = replaceOnce(installation, "              requiredDuringSchedulingIgnoredDuringExecution:",
                "              requiredDuringScheduling:");
        assertThat(failure(PATH, deep, FileKind.CALICO).getMessage()).contains("spec.calicoNodeDaemonSet.spec.template"
                + ".spec.affinity.nodeAffinity.requiredDuringScheduling: unknown key");
    }

    @Test
    void aWrongTypeOrEnumValueFails() {
        String type = replaceOnce(installation, "blockSize: 26", "blockSize: \"26\"");
        assertThat(failure(PATH, type, FileKind.CALICO).getMessage())
                .contains("spec.calicoNetwork.ipPools[0].blockSize: string found, integer expected");
        String nat = replaceOnce(installation, "natOutgoing: Enabled", "natOutgoing: true");
        assertThat(failure(PATH, nat, FileKind.CALICO).getMessage())
                .contains("spec.calicoNetwork.ipPools[0].natOutgoing: boolean found, string expected");
        String enc = replaceOnce(installation, "encapsulation: IPIP", "encapsulation: IPinIP");
        assertThat(failure(PATH, enc, FileKind.CALICO).getMessage()).contains("spec.calicoNetwork.ipPools[0]"
                + ".encapsulation: must be one of IPIP, IPIPCrossSubnet, None, VXLAN, VXLANCrossSubnet, got \"IPinIP\"");
    }

    @Test
    void theOperatorReadsOnlyTheInstallationNamedDefault() {
        String text = replaceOnce(installation, "  name: default\n", "  name: calico\n");
        assertThat(failure(PATH, text, FileKind.CALICO).getMessage()).contains("metadata.name: must be default");
    }

    @Test
    void anIpPoolIsCheckedAgainstItsSchemaAndAStatusIsRefused() {
        String pool = replaceOnce(IPPOOLS, "ipipMode: Always", "ipip: Always");
        assertThat(failure("p.yaml", pool, FileKind.CALICO).getMessage()).contains("document 1: spec.ipip: unknown key");
        String status = installation + "status:\n  calicoVersion: v3.29.3\n";
        assertThat(failure(PATH, status, FileKind.CALICO).getMessage()).contains("status: unknown key");
        String other = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n";
        assertThat(failure("c.yaml", other, FileKind.CALICO).getMessage()).contains("kind: must be an"
                + " operator.tigera.io/v1 Installation or an projectcalico.org/v3");
    }
}
