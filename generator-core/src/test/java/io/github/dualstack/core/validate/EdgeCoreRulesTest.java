package io.github.dualstack.core.validate;

import static io.github.dualstack.core.validate.Verdicts.dual;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The EdgeCore settings of the edges: cluster DNS servers, MetaServer, pause image and pod limit. */
class EdgeCoreRulesTest {

    private static final String DEFAULTS = "kubeedgeVersion: v1.22.0";
    private static final String EDGE_3 = "cgroupDriver: cgroupfs";

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("cluster DNS outside the service subnet and not link-local",
                        dual().insertAfter(DEFAULTS, "      clusterDNS: [10.95.0.10]"),
                        "spec.edge.defaults.clusterDNS[0]: 10.95.0.10 is neither in the IPv4 service subnet 10.96.0.0/12"
                                + " (the cluster DNS Service) nor link-local (a node-local DNS such as EdgeMesh's 169.254.96.16)"),
                Arguments.of("an IPv6 cluster DNS outside the IPv6 service subnet, on one edge of its own",
                        dual().insertAfter(EDGE_3, "        clusterDNS: [10.96.0.10, \"fd00:10:97::a\"]"),
                        "spec.edge.nodes[2].clusterDNS[1]: fd00:10:97::a is neither in the IPv6 service subnet"
                                + " fd00:10:96::/112 (the cluster DNS Service) nor link-local (a node-local DNS such as"
                                + " EdgeMesh's 169.254.96.16)"),
                Arguments.of("cluster DNS that is no IP", dual().insertAfter(DEFAULTS, "      clusterDNS: [kube-dns]"),
                        "spec.edge.defaults.clusterDNS[0]"),
                Arguments.of("a bad cluster DNS entry before a good and an outside one: each at its own index",
                        dual().insertAfter(DEFAULTS, "      clusterDNS: [kube-dns, 10.96.0.10, 10.95.0.10]"),
                        "spec.edge.defaults.clusterDNS[2]: 10.95.0.10 is neither in the IPv4 service subnet 10.96.0.0/12"),
                Arguments.of("cluster DNS with a leading zero", dual().insertAfter(DEFAULTS, "      clusterDNS: [10.96.0.010]"),
                        "spec.edge.defaults.clusterDNS[0]"),
                Arguments.of("four cluster DNS servers",
                        dual().insertAfter(DEFAULTS, "      clusterDNS: [10.96.0.10, 10.96.0.11, 10.96.0.12, 169.254.20.10]"),
                        "spec.edge.defaults.clusterDNS: must list at most 3 servers: resolv.conf uses only the first 3 nameservers"),
                Arguments.of("a cluster DNS server twice",
                        dual().insertAfter(DEFAULTS, "      clusterDNS: [169.254.96.16, 169.254.96.16]"),
                        "spec.edge.defaults.clusterDNS: must not list a server twice"),
                Arguments.of("MetaServer without CloudCore's dynamicController",
                        dual().insertAfter(EDGE_3, "        metaServer: true"),
                        "spec.edge.nodes[2].metaServer: needs CloudCore's dynamicController, which serves the MetaServer's"
                                + " list-watch; set spec.cloudCore.dynamicController: true"),
                Arguments.of("maxPods 0", dual().insertAfter(DEFAULTS, "      maxPods: 0"), "spec.edge.defaults.maxPods"),
                Arguments.of("maxPods beyond int32", dual().insertAfter(EDGE_3, "        maxPods: 2147483648"),
                        "spec.edge.nodes[2].maxPods"),
                Arguments.of("an upper-case image path",
                        dual().insertAfter(DEFAULTS, "      podSandboxImage: registry.local/KubeEdge/pause:3.6"),
                        "spec.edge.defaults.podSandboxImage: must be an image reference like"
                                + " registry.example.com:5000/kubeedge/pause:3.6: lowercase path components, an optional"
                                + " :tag and @digest"),
                Arguments.of("an image with a blank", dual().insertAfter(EDGE_3, "        podSandboxImage: \"pause:3.6 --privileged\""),
                        "spec.edge.nodes[2].podSandboxImage: must be an image reference"),
                Arguments.of("an image with a short digest",
                        dual().insertAfter(DEFAULTS, "      podSandboxImage: registry.local/pause@sha256:abc"),
                        "spec.edge.defaults.podSandboxImage: must be an image reference"),
                Arguments.of("a cluster domain that is no DNS name", dual().insertAfter(DEFAULTS, "      clusterDomain: Cluster_Local"),
                        "spec.edge.defaults.clusterDomain"),
                Arguments.of("an unknown iptables manager mode",
                        dual().insertAfter("nodeLimit: 1000", "    iptablesManager: daemonset"),
                        "spec.cloudCore.iptablesManager"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refused(String name, Verdicts.Edit edit, String problem) {
        assertThat(edit.errors()).anySatisfy(e -> assertThat(e).startsWith(problem));
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("EdgeMesh: its DNS, MetaServer and CloudCore's dynamicController",
                        dual().insertAfter("nodeLimit: 1000", "    dynamicController: true")
                                .insertAfter(DEFAULTS, "      metaServer: true\n      clusterDNS: [169.254.96.16]")),
                Arguments.of("kube-dns of both families and NodeLocal DNSCache",
                        dual().insertAfter(DEFAULTS, "      clusterDNS: [169.254.20.10, 10.96.0.10, \"fd00:10:96::a\"]")),
                Arguments.of("an IPv6 link-local DNS", dual().insertAfter(DEFAULTS, "      clusterDNS: [\"fe80::53\"]")),
                Arguments.of("a mirrored pause image with a port, tag and digest", dual().insertAfter(DEFAULTS,
                        "      podSandboxImage: registry.factory.local:5000/mirror/kubeedge/pause:3.6@sha256:"
                                + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")),
                Arguments.of("an image without registry or tag", dual().insertAfter(EDGE_3, "        podSandboxImage: pause")),
                Arguments.of("an image on an IPv6 registry", dual().insertAfter(EDGE_3,
                        "        podSandboxImage: \"[2001:db8::5]:5000/pause:3.9\"")),
                Arguments.of("maxPods 1 and int32's maximum", dual().insertAfter(DEFAULTS, "      maxPods: 1")
                        .insertAfter(EDGE_3, "        maxPods: 2147483647")),
                Arguments.of("the external iptables manager of the Helm chart",
                        dual().insertAfter("nodeLimit: 1000", "    iptablesManager: external")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void accepted(String name, Verdicts.Edit edit) {
        assertThat(edit.errors()).isEmpty();
    }
}
