package io.github.dualstack.core.check;

import static io.github.dualstack.core.check.GeneratedFiles.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.dualstack.core.plan.FileKind;
import io.github.dualstack.core.render.OutputFile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The façade: every file kind reaches its checker, all problems of a file come in one message, and it is safe to share. */
class SelfCheckTest {

    @Test
    void validFilesOfEveryKindPass() {
        List<OutputFile> good = List.of(
                file("edge/edge-0001/etc/kubeedge/config/edgecore.yaml", EDGECORE, FileKind.EDGECORE_CONFIG),
                file("cluster/kubeedge/cloudcore.configmap.yaml", CLOUDCORE_CM, FileKind.CLOUDCORE_CONFIGMAP),
                file("cluster/kubeedge/cloudcore.service.yaml", SERVICE, FileKind.KUBERNETES),
                file("cluster/kube-system/calico.ippools.yaml", IPPOOLS, FileKind.CALICO),
                file("nodes/master-1/etc/kubernetes/manifests/kube-apiserver.yaml", POD, FileKind.KUBERNETES),
                file("cluster/kustomization.yaml", KUSTOMIZATION, FileKind.KUSTOMIZE),
                file("cluster/kube-system/calico-node.patch.yaml", PATCH, FileKind.KUSTOMIZE),
                file("edge/edge-0001/join.sh", JOIN, FileKind.SCRIPT),
                file("nodes/master-1/etc/sysctl.d/99-dualstack.conf", SYSCTL, FileKind.SYSTEM_CONFIG),
                file("nodes/master-1/etc/systemd/system/kubelet.service.d/20-dualstack.conf", DROPIN,
                        FileKind.SYSTEM_CONFIG),
                file("README.md", README, FileKind.DOCUMENT));
        for (OutputFile f : good) {
            assertThatCode(() -> check(f)).as(f.path()).doesNotThrowAnyException();
        }
    }

    @Test
    void allProblemsOfAFileAreInOneMessage() {
        String text = EDGECORE.replace("tlsCaFile:", "tlsCAFile:")
                .replace("heartbeat: 15", "heartbeat: fifteen")
                .replace("enable: false\n      server: \"[2001:db8::10]:10001\"", "enable: true\n      server: \"[2001:db8::10]:10001\"")
                .replace("kind: EdgeCore\n", "kind: EdgeCore\r\n");
        SelfCheckException e = failure("e.yaml", text, FileKind.EDGECORE_CONFIG);
        assertThat(e.problems()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(e.getMessage()).contains("tlsCAFile").contains("heartbeat").contains("both websocket")
                .contains("CR (\\r)");
    }

    @Test
    void isSafeToCallFromSeveralThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    String node = String.format("edge-%04d", n);
                    check(file("edge/" + node + "/etc/kubeedge/config/edgecore.yaml",
                            EDGECORE.replace("edge-0001", node), FileKind.EDGECORE_CONFIG));
                    check(file("cluster/kubeedge/cloudcore.configmap.yaml", CLOUDCORE_CM, FileKind.CLOUDCORE_CONFIGMAP));
                    String bad = catchThrowableOfType(SelfCheckException.class, () -> check(file("e.yaml",
                            EDGECORE.replace("tlsCaFile:", "tlsCAFile:"), FileKind.EDGECORE_CONFIG))).getMessage();
                    assertThat(bad).contains("modules.edgeHub.tlsCAFile: unknown key");
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
