package io.github.dualstack.core.validate;

import static io.github.dualstack.core.validate.Verdicts.dual;
import static io.github.dualstack.core.validate.Verdicts.ipv6Primary;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Subnet sizes, overlaps, node masks and endpoints: each edit and the exact problem it causes. */
class NetworkRulesTest {

    private static final String NAME_254 = ("a".repeat(63) + ".").repeat(3) + "a".repeat(62);
    private static final String NAME_253 = NAME_254.substring(1);

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("IPv4 service subnet over 20 host bits", dual().replace("10.96.0.0/12", "10.96.0.0/11"),
                        "spec.kubernetes.serviceSubnets.ipv4: prefix /11 is too large; IPv4 service subnets must be /12"
                                + " or smaller (kube-apiserver)"),
                Arguments.of("IPv6 service subnet over 20 host bits", dual().replace("fd00:10:96::/112", "fd00:10:96::/107"),
                        "spec.kubernetes.serviceSubnets.ipv6: prefix /107 is too large; IPv6 service subnets must be /108"
                                + " or smaller (kube-apiserver)"),
                Arguments.of("IPv4 service subnet under 10 addresses", dual().replace("10.96.0.0/12", "10.96.0.0/29"),
                        "spec.kubernetes.serviceSubnets.ipv4: prefix /29 is too small; IPv4 service subnets must be /28"
                                + " or larger, to hold the 10 addresses kubeadm needs (kubeadm)"),
                Arguments.of("IPv6 service subnet under 10 addresses", dual().replace("fd00:10:96::/112", "fd00:10:96::/125"),
                        "spec.kubernetes.serviceSubnets.ipv6: prefix /125 is too small; IPv6 service subnets must be /124"
                                + " or larger, to hold the 10 addresses kubeadm needs (kubeadm)"),
                Arguments.of("IPv4 pod subnet under 14 addresses", dual().replace("{ipv4: 10.244.0.0/16,", "{ipv4: 10.244.0.0/29,"),
                        "spec.kubernetes.podSubnets.ipv4: prefix /29 is too small; a pod subnet must hold at least 14"
                                + " addresses, /28 or larger (kubeadm)"),
                Arguments.of("pod subnet containing the service subnet", dual().replace("{ipv4: 10.244.0.0/16,", "{ipv4: 10.0.0.0/8,"),
                        "spec.kubernetes.podSubnets.ipv4: contains the service subnet 10.96.0.0/12; pod and service"
                                + " subnets must not overlap"),
                Arguments.of("node mask shorter than the pod prefix",
                        dual().insertAfter("serviceSubnets:", "    nodeMaskSizes: {ipv4: 15, ipv6: 64}"),
                        "spec.kubernetes.nodeMaskSizes.ipv4: node mask /15 is larger than the IPv4 pod subnet /16; it must"
                                + " be between /16 and /32 (kubeadm)"),
                Arguments.of("node mask 17 bits past the pod prefix",
                        dual().insertAfter("serviceSubnets:", "    nodeMaskSizes: {ipv4: 24, ipv6: 73}"),
                        "spec.kubernetes.nodeMaskSizes.ipv6: node mask /73 is more than 16 bits longer than the IPv6 pod"
                                + " subnet /56; it must be between /56 and /72 (kubeadm, kube-controller-manager)"),
                Arguments.of("node ranges fewer than the nodes",
                        dual().insertAfter("serviceSubnets:", "    nodeMaskSizes: {ipv4: 18, ipv6: 64}"),
                        "spec.kubernetes.nodeMaskSizes.ipv4: node mask /18 in the IPv4 pod subnet /16 gives 4 node ranges"
                                + " for 5 nodes; use a shorter mask or a larger pod subnet (kube-controller-manager)"),
                Arguments.of("etcd port out of range",
                        dual().insertAfter("serviceSubnets:", "    apiServer: {etcdServers: [\"https://127.0.0.1:70000\"]}"),
                        "spec.kubernetes.apiServer.etcdServers[0]: port 70000 is out of range 1..65535"),
                Arguments.of("the second of three etcd URLs parses: the others are reported at their own index",
                        dual().insertAfter("serviceSubnets:", "    apiServer: {etcdServers: [\"https://[2001:db8::1::2]:2379\","
                                + " \"https://127.0.0.1:2379\", \"https://etcd.example:99999\"]}"),
                        "spec.kubernetes.apiServer.etcdServers[2]: port 99999 is out of range 1..65535"),
                Arguments.of("controlPlaneEndpoint with a bad port and a bad host: both, at the field",
                        ipv6Primary().replace("[2001:db8:20::10]:6443", "API.example.com:0"),
                        "spec.kubernetes.controlPlaneEndpoint: port 0 is out of range 1..65535"),
                Arguments.of("controlPlaneEndpoint bracketing IPv4", ipv6Primary().replace("[2001:db8:20::10]", "[198.51.100.10]"),
                        "spec.kubernetes.controlPlaneEndpoint: must be an IPv6 address, got IPv4 198.51.100.10"),
                Arguments.of("controlPlaneEndpoint host in upper case",
                        ipv6Primary().replace("[2001:db8:20::10]", "API.example.com"),
                        "spec.kubernetes.controlPlaneEndpoint: host 'API.example.com' must be an IP address or a lowercase DNS name"),
                Arguments.of("controlPlaneEndpoint host over 253 characters (IsDNS1123Subdomain)",
                        ipv6Primary().replace("[2001:db8:20::10]", NAME_254),
                        "spec.kubernetes.controlPlaneEndpoint: host '" + NAME_254 + "' must be an IP address or a lowercase DNS name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refused(String name, Verdicts.Edit edit, String problem) {
        assertThat(edit.errors()).contains(problem);
    }

    /** A literal the binder could not parse is reported once per problem, at its field, and nothing else of it. */
    @org.junit.jupiter.api.Test
    void everyProblemOfAnEndpointIsReportedAndOnlyAtItsField() {
        assertThat(ipv6Primary().replace("[2001:db8:20::10]:6443", "API.example.com:0").errors()).containsExactly(
                "spec.kubernetes.controlPlaneEndpoint: port 0 is out of range 1..65535",
                "spec.kubernetes.controlPlaneEndpoint: host 'API.example.com' must be an IP address or a lowercase DNS name");
        assertThat(dual().insertAfter("serviceSubnets:", "    apiServer: {etcdServers: [\"https://[2001:db8::1::2]:2379\","
                + " \"https://127.0.0.1:2379\", \"https://etcd.example:99999\"]}").errors())
                .hasSize(2).anyMatch(e -> e.startsWith("spec.kubernetes.apiServer.etcdServers[0]: "))
                .contains("spec.kubernetes.apiServer.etcdServers[2]: port 99999 is out of range 1..65535");
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("IPv4 service /12, the largest", dual().replace("10.96.0.0/12", "10.112.0.0/12")),
                Arguments.of("IPv6 service /108, the largest", dual().replace("fd00:10:96::/112", "fd00:10:96::/108")),
                Arguments.of("IPv4 service /28, the smallest", dual().replace("10.96.0.0/12", "10.96.0.0/28")),
                Arguments.of("IPv6 service /124, the smallest", dual().replace("fd00:10:96::/112", "fd00:10:96::/124")),
                Arguments.of("node mask 16 bits past the pod prefix",
                        dual().insertAfter("serviceSubnets:", "    nodeMaskSizes: {ipv4: 24, ipv6: 72}")),
                Arguments.of("node ranges exactly the nodes (8 for 5)",
                        dual().insertAfter("serviceSubnets:", "    nodeMaskSizes: {ipv4: 19, ipv6: 64}")),
                Arguments.of("controlPlaneEndpoint DNS name of 253 characters",
                        ipv6Primary().replace("[2001:db8:20::10]", NAME_253)),
                Arguments.of("controlPlaneEndpoint port 65535", ipv6Primary().replace("]:6443", "]:65535")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void accepted(String name, Verdicts.Edit edit) {
        assertThat(edit.errors()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("warned")
    void warned(String name, Verdicts.Edit edit, String problem) {
        assertThat(edit.errors()).isEmpty();
        assertThat(edit.warnings()).contains(problem);
    }

    static Stream<Arguments> warned() {
        return Stream.of(Arguments.of("site-local IPv6 service subnet", dual().replace("fd00:10:96::/112", "fec0::/112"),
                "spec.kubernetes.serviceSubnets.ipv6: contains IPv6 site-local addresses that belong to fec0::/10,"
                        + " deprecated by RFC 3879 (kubeadm warns too)"));
    }
}
