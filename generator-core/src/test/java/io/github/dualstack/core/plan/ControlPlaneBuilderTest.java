package io.github.dualstack.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.plan.view.StaticPodView;
import io.github.dualstack.core.plan.view.StaticPodView.Probe;
import io.github.dualstack.core.plan.view.StaticPodView.Volume;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
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
