package io.github.dualstack.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dualstack.core.model.HostPathMount.PathType;
import io.github.dualstack.core.model.HostPathMount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** kubeadm's own volumes, path normalization, and which mount a path is seen through. */
class KubeadmVolumesTest {

    private static final HostPathMount AUDIT = new HostPathMount("audit", "/srv/audit", "/etc/kubernetes/audit", true,
            PathType.DIRECTORY);
    private static final HostPathMount NESTED = new HostPathMount("nested", "/srv/nested", "/etc/kubernetes/pki/extra",
            false, PathType.UNSET);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /                                       | /
            /etc/kubernetes/pki                     | /etc/kubernetes/pki
            /etc/kubernetes/pki/                    | /etc/kubernetes/pki
            //etc///kubernetes//pki                 | /etc/kubernetes/pki
            /etc/./kubernetes/./pki/.               | /etc/kubernetes/pki
            /etc/kubernetes/pki/../admin.conf       | /etc/kubernetes/admin.conf
            /etc/kubernetes/pki/../../../root/x     | /root/x
            /../../etc                              | /etc
            /etc/kubernetes/pki/..                  | /etc/kubernetes
            /etc/kubernetes/...                     | /etc/kubernetes/...
            /etc/kubernetes/..pki                   | /etc/kubernetes/..pki
            """)
    void normalizesAsTheKernelResolves(String path, String normalized) {
        assertThat(KubeadmVolumes.normalize(path)).isEqualTo(normalized);
    }

    @Test
    void aRelativePathHasNoNormalForm() {
        assertThatThrownBy(() -> KubeadmVolumes.normalize("etc/kubernetes")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', emptyValue = "", textBlock = """
            kubeadm's pki, the directory itself      | /etc/kubernetes/pki                        | k8s-certs
            kubeadm's pki, a file in it              | /etc/kubernetes/pki/ca.crt                 | k8s-certs
            kubeadm's pki, a file deeper in it       | /etc/kubernetes/pki/etcd/ca.crt            | k8s-certs
            the nearest mount wins                   | /etc/kubernetes/pki/extra/key.pem          | nested
            a CA bundle                              | /etc/ssl/certs/ca-certificates.crt         | ca-certs
            an extra volume's mountPath, not hostPath | /etc/kubernetes/audit/policy.yaml         | audit
            the extra volume's hostPath is not seen  | /srv/audit/policy.yaml                     |
            a sibling that only starts like a mount  | /etc/kubernetes/pkix/ca.crt                |
            the parent of a mount                    | /etc/kubernetes                            |
            traversal out of a mount                 | /etc/kubernetes/pki/../../../root/x        |
            traversal that stays in a mount          | /etc/kubernetes/audit/v1/../policy.yaml    | audit
            traversal into a mount                   | /srv/../etc/kubernetes/pki/ca.crt          | k8s-certs
            """)
    void aPathIsSeenThroughTheMountThatHoldsIt(String name, String path, String mount) {
        List<HostPathMount> mounts = new ArrayList<>(KubeadmVolumes.apiServer());
        mounts.add(AUDIT);
        mounts.add(NESTED);
        assertThat(KubeadmVolumes.mountOf(path, mounts).map(HostPathMount::name)).isEqualTo(Optional.ofNullable(mount));
    }

    @Test
    void aMountWithARelativePathCoversNothing() {
        List<HostPathMount> kcm = KubeadmVolumes.controllerManager(Map.of("flex-volume-plugin-dir", "plugins"));
        assertThat(KubeadmVolumes.mountOf("/plugins/x", kcm)).isEmpty();
        assertThat(KubeadmVolumes.mountOf("/etc/kubernetes/pki/ca.crt", kcm).map(HostPathMount::name)).contains("k8s-certs");
    }

    @Test
    void aMountOfTheRootHoldsEveryPath() {
        HostPathMount root = new HostPathMount("root", "/", "/", true, PathType.UNSET);
        assertThat(KubeadmVolumes.mountOf("/anything/at/all", List.of(root))).contains(root);
    }

    @Test
    void kubeApiserverGetsThePkiAndTheCaDirectories() {
        assertThat(KubeadmVolumes.apiServer()).extracting(HostPathMount::name).containsExactlyInAnyOrder("k8s-certs",
                "ca-certs", "etc-ca-certificates", "usr-local-share-ca-certificates", "usr-share-ca-certificates");
        assertThat(KubeadmVolumes.apiServer()).allSatisfy(m -> {
            assertThat(m.hostPath()).isEqualTo(m.mountPath());
            assertThat(m.readOnly()).isTrue();
            assertThat(m.pathType()).isEqualTo(PathType.DIRECTORY_OR_CREATE);
            assertThat(Dns1123.isLabel(m.name())).isTrue();
        });
    }

    @Test
    void kubeControllerManagerAddsItsKubeconfigAndAWritableFlexvolumeDirectoryThatFollowsItsFlag() {
        List<HostPathMount> kcm = KubeadmVolumes.controllerManager(Map.of());
        assertThat(kcm).contains(
                new HostPathMount("kubeconfig", "/etc/kubernetes/controller-manager.conf",
                        "/etc/kubernetes/controller-manager.conf", true, PathType.FILE_OR_CREATE),
                new HostPathMount("flexvolume-dir", KubeadmVolumes.FLEXVOLUME_DIR, KubeadmVolumes.FLEXVOLUME_DIR, false,
                        PathType.DIRECTORY_OR_CREATE));
        assertThat(kcm).containsAll(KubeadmVolumes.apiServer()).hasSize(7);
        assertThat(KubeadmVolumes.controllerManager(Map.of("flex-volume-plugin-dir", "/opt/flex")))
                .contains(new HostPathMount("flexvolume-dir", "/opt/flex", "/opt/flex", false,
                        PathType.DIRECTORY_OR_CREATE));
    }
}
