package io.github.dualstack.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.dualstack.core.plan.view.StaticPodView.Probe;
import io.github.dualstack.core.plan.view.StaticPodView.Volume;
import io.github.dualstack.core.plan.view.StaticPodView;
import io.github.dualstack.core.render.TemplateEngine;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ControlPlaneBuilderTest {

    static Stream<Arguments> apiServers() {
        return Stream.of(
                Arguments.of(SiteVariants.DUAL, "master-1", "registry.k8s.io/kube-apiserver:v1.32.4",
                        new Probe("192.0.2.10", 6443, "/livez", Optional.of("/readyz")), "192.0.2.10:6443",
                        List.of("--advertise-address=192.0.2.10", "--etcd-servers=https://127.0.0.1:2379",
                                "--service-cluster-ip-range=10.96.0.0/12,fd00:10:96::/112", "--secure-port=6443")),
                Arguments.of(SiteVariants.IPV6_PRIMARY_HOSTNETWORK, "cp-1", "registry.k8s.io/kube-apiserver:v1.33.1",
                        new Probe("2001:db8:20::10", 6443, "/livez", Optional.of("/readyz")), "[2001:db8:20::10]:6443",
                        List.of("--etcd-servers=https://[::1]:2379", "--audit-log-maxage=30",
                                "--service-cluster-ip-range=fd00:20:96::/112,10.21.0.0/16")));
    }

    @ParameterizedTest
    @MethodSource("apiServers")
    void apiServerView(SiteVariants site, String node, String image, Probe probe, String endpoint, List<String> flags) {
        StaticPodView v = pod(site, node, "kube-apiserver");
        assertThat(v.component()).isEqualTo("kube-apiserver");
        assertThat(v.image()).isEqualTo(image);
        assertThat(v.cpu()).isEqualTo("250m");
        assertThat(v.probe()).isEqualTo(probe);
        assertThat(v.advertiseEndpoint()).contains(endpoint);
        assertThat(v.command()).first().isEqualTo("kube-apiserver");
        assertThat(v.command()).containsAll(flags);
        assertFlagsAndVolumesSorted(v);
    }

    static Stream<Arguments> controllerManagers() {
        return Stream.of(
                Arguments.of(SiteVariants.DUAL, "master-1", List.of("--cluster-cidr=10.244.0.0/16,fd00:10:244::/56",
                        "--node-cidr-mask-size-ipv4=24", "--node-cidr-mask-size-ipv6=64")),
                // single-stack: only its own family's mask flag, which KCM would otherwise refuse
                Arguments.of(SiteVariants.IPV6_ONLY, "cp-1", List.of("--cluster-cidr=fd00:30:244::/56",
                        "--node-cidr-mask-size-ipv6=64")));
    }

    @ParameterizedTest
    @MethodSource("controllerManagers")
    void controllerManagerView(SiteVariants site, String node, List<String> flags) {
        StaticPodView v = pod(site, node, "kube-controller-manager");
        assertThat(v.probe()).isEqualTo(new Probe("127.0.0.1", 10257, "/healthz", Optional.empty()));
        assertThat(v.advertiseEndpoint()).isEmpty();
        assertThat(v.cpu()).isEqualTo("200m");
        assertThat(v.command()).containsAll(flags);
        assertThat(v.command().stream().filter(a -> a.startsWith("--node-cidr-mask-size-"))).hasSize(flags.size() - 1);
        assertThat(v.volumes()).extracting(Volume::name).contains("flexvolume-dir", "kubeconfig", "k8s-certs");
        assertFlagsAndVolumesSorted(v);
    }

    @ParameterizedTest
    @MethodSource("apiServers")
    void onlyControlPlaneNodesGetStaticPods(SiteVariants site, String node) {
        assertThat(new ControlPlaneBuilder().files(site.facts())).extracting(PlannedFile::path).containsExactly(
                "nodes/" + node + "/etc/kubernetes/manifests/kube-apiserver.yaml",
                "nodes/" + node + "/etc/kubernetes/manifests/kube-controller-manager.yaml");
    }

    /** kubeadm's volumes of each component, as its manifests have them on Debian and Ubuntu hosts. */
    @Test
    void withoutExtraVolumesEachComponentHasKubeadmsVolumes() {
        assertThat(pod(SiteVariants.DUAL, "master-1", "kube-apiserver").volumes()).containsExactly(
                new Volume("ca-certs", "/etc/ssl/certs", "/etc/ssl/certs", "DirectoryOrCreate", true),
                new Volume("etc-ca-certificates", "/etc/ca-certificates", "/etc/ca-certificates", "DirectoryOrCreate", true),
                new Volume("k8s-certs", "/etc/kubernetes/pki", "/etc/kubernetes/pki", "DirectoryOrCreate", true),
                new Volume("usr-local-share-ca-certificates", "/usr/local/share/ca-certificates",
                        "/usr/local/share/ca-certificates", "DirectoryOrCreate", true),
                new Volume("usr-share-ca-certificates", "/usr/share/ca-certificates", "/usr/share/ca-certificates",
                        "DirectoryOrCreate", true));
        assertThat(pod(SiteVariants.DUAL, "master-1", "kube-controller-manager").volumes()).extracting(Volume::name)
                .containsExactly("ca-certs", "etc-ca-certificates", "flexvolume-dir", "k8s-certs", "kubeconfig",
                        "usr-local-share-ca-certificates", "usr-share-ca-certificates");
    }

    /**
     * extraVolumes join kubeadm's as kubeadm's AddExtraHostPathMounts adds them: a hostPath volume and a mount each,
     * all sorted by name, the pathType as given ("" when none, which kubeadm writes as {@code type: ""}).
     */
    @Test
    void extraVolumesJoinKubeadmsInItsShape() {
        StaticPodView api = pod(SiteVariants.EXTRA_VOLUMES, "master-1", "kube-apiserver");
        assertThat(api.volumes()).extracting(Volume::name).containsExactly("audit-log", "audit-policy", "ca-certs",
                "etc-ca-certificates", "k8s-certs", "usr-local-share-ca-certificates", "usr-share-ca-certificates");
        assertThat(api.volumes()).startsWith(
                new Volume("audit-log", "/var/log/kubernetes/audit", "/var/log/kubernetes/audit", "", false),
                new Volume("audit-policy", "/srv/audit", "/etc/kubernetes/audit", "Directory", true));
        assertThat(api.command()).contains("--audit-policy-file=/etc/kubernetes/audit/policy.yaml",
                "--audit-log-path=/var/log/kubernetes/audit/audit.log");
        assertThat(pod(SiteVariants.EXTRA_VOLUMES, "master-1", "kube-controller-manager").volumes())
                .extracting(Volume::name).containsExactly("ca-certs", "etc-ca-certificates", "flexvolume-dir",
                        "k8s-certs", "kubeconfig", "recycler", "usr-local-share-ca-certificates", "usr-share-ca-certificates");

        String yaml = render(SiteVariants.EXTRA_VOLUMES, "master-1", "kube-apiserver");
        assertThat(yaml).contains("""
                    volumeMounts:
                    - mountPath: "/var/log/kubernetes/audit"
                      name: "audit-log"
                    - mountPath: "/etc/kubernetes/audit"
                      name: "audit-policy"
                      readOnly: true
                    - mountPath: "/etc/ssl/certs"
                """, """
                  volumes:
                  - hostPath:
                      path: "/var/log/kubernetes/audit"
                      type: ""
                    name: "audit-log"
                  - hostPath:
                      path: "/srv/audit"
                      type: "Directory"
                    name: "audit-policy"
                  - hostPath:
                      path: "/etc/ssl/certs"
                """);
        JsonNode spec = parse(yaml).path("spec");
        JsonNode mounts = spec.path("containers").path(0).path("volumeMounts");
        JsonNode volumes = spec.path("volumes");
        assertThat(mounts).hasSize(7);
        assertThat(volumes).hasSize(7);
        for (int i = 0; i < volumes.size(); i++) {
            assertThat(mounts.get(i).path("name").asText()).isEqualTo(volumes.get(i).path("name").asText());
            assertThat(mounts.get(i).has("readOnly")).as("readOnly only when true")
                    .isEqualTo(mounts.get(i).path("readOnly").asBoolean());
        }
    }

    private static String render(SiteVariants site, String node, String component) {
        PlannedFile f = new ControlPlaneBuilder().files(site.facts())
                .filter(p -> p.path().equals("nodes/" + node + "/etc/kubernetes/manifests/" + component + ".yaml"))
                .findFirst().orElseThrow();
        return new TemplateEngine(Optional.empty()).render(f.template().fileName(), f.view());
    }

    private static JsonNode parse(String yaml) {
        try {
            return new YAMLMapper().readTree(yaml);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static StaticPodView pod(SiteVariants site, String node, String component) {
        return PlannedViews.at(new ControlPlaneBuilder().files(site.facts()),
                "nodes/" + node + "/etc/kubernetes/manifests/" + component + ".yaml", StaticPodView.class);
    }

    /** kubeadm's layout: flags by name and volumes by name, so a diff against its manifests shows real changes. */
    private static void assertFlagsAndVolumesSorted(StaticPodView v) {
        assertThat(v.command().subList(1, v.command().size())).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(v.volumes()).extracting(Volume::name).isSorted();
    }
}
