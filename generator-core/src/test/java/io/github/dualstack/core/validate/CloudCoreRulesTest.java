package io.github.dualstack.core.validate;

import static io.github.dualstack.core.validate.Verdicts.dual;
import static io.github.dualstack.core.validate.Verdicts.ipv6Primary;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Advertise addresses, ports, and how each edge reaches CloudCore. */
class CloudCoreRulesTest {

    private static final String NODE_LIMIT = "nodeLimit: 1000";

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("NodePort under 30000", dual().insertAfter(NODE_LIMIT, "    nodePorts: {websocket: 8080}"),
                        "spec.cloudCore.nodePorts.websocket: port 8080 must be within 30000..32767 (the Kubernetes NodePort range)"),
                Arguments.of("NodePort over 32767", dual().insertAfter(NODE_LIMIT, "    nodePorts: {tunnel: 32768}"),
                        "spec.cloudCore.nodePorts.tunnel: port 32768 must be within 30000..32767 (the Kubernetes NodePort range)"),
                Arguments.of("two servers on one port", dual().insertAfter(NODE_LIMIT, "    ports: {websocket: 10000, quic: 10000}"),
                        "spec.cloudCore.ports.quic: port 10000 is already used by websocket; the five ports must be distinct"),
                Arguments.of("two NodePorts alike", dual().insertAfter(NODE_LIMIT, "    nodePorts: {https: 30004}"),
                        "spec.cloudCore.nodePorts.tunnel: port 30004 is already used by https; the five ports must be distinct"),
                Arguments.of("advertise address repeated in another spelling",
                        dual().replace("\"2001:db8::10\"]", "\"2001:db8::10\", \"2001:DB8:0::10\"]"),
                        "spec.cloudCore.advertiseAddresses[2]: duplicate advertise address 2001:db8::10 (also entry 1)"),
                Arguments.of("advertise address inside the service subnet",
                        dual().replace("\"2001:db8::10\"]", "\"2001:db8::10\", 10.96.0.10]"),
                        "spec.cloudCore.advertiseAddresses[2]: lies inside the pod or service subnet; edges must dial an"
                                + " address outside the cluster's virtual ranges"),
                Arguments.of("no advertise address of a site family",
                        dual().replace(", \"2001:db8::10\"]", "]").replace("hubFamily: IPv6", "hubFamily: IPv4"),
                        "spec.cloudCore.advertiseAddresses: needs at least one IPv6 address: the site's ipFamilies include"
                                + " IPv6 and the CloudCore certificate must cover it"),
                Arguments.of("cloudCoreAddress not in the certificate",
                        dual().replace("cloudCoreAddress: 192.0.2.10", "cloudCoreAddress: 192.0.2.11"),
                        "spec.edge.nodes[1].cloudCoreAddress: '192.0.2.11' is neither in spec.cloudCore.advertiseAddresses"
                                + " nor in dnsNames, so it is not in CloudCore's certificate and the edge's TLS handshake would"
                                + " fail (x509: certificate is valid for ..., not 192.0.2.11)"),
                Arguments.of("cloudCoreAddress of the other family",
                        dual().replace("cloudCoreAddress: 192.0.2.10", "cloudCoreAddress: \"2001:db8::10\""),
                        "spec.edge.nodes[1].cloudCoreAddress: is an IPv6 address but the edge's hubFamily is IPv4"),
                Arguments.of("quic edge without CloudCore's QUIC server", ipv6Primary().replace("quic: true", "quic: false"),
                        "spec.edge.nodes[0].hubProtocol: is quic, but CloudCore's QUIC server is off; set spec.cloudCore.quic: true"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refused(String name, Verdicts.Edit edit, String problem) {
        assertThat(edit.errors()).contains(problem);
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("NodePorts at both ends of the range",
                        dual().insertAfter(NODE_LIMIT, "    nodePorts: {websocket: 30000, tunnel: 32767}")),
                Arguments.of("ports 1 and 65535", dual().insertAfter(NODE_LIMIT, "    ports: {websocket: 1, tunnel: 65535}")),
                Arguments.of("NodePorts are not checked without NodePort exposure",
                        ipv6Primary().insertAfter("quic: true", "    nodePorts: {websocket: 8080}")),
                Arguments.of("cloudCoreAddress in another spelling of an advertise address",
                        dual().replace("hubFamily: IPv4", "hubFamily: IPv6")
                                .replace("cloudCoreAddress: 192.0.2.10", "cloudCoreAddress: \"2001:DB8::10\"")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void accepted(String name, Verdicts.Edit edit) {
        assertThat(edit.errors()).isEmpty();
    }

    static Stream<Arguments> warned() {
        return Stream.of(
                Arguments.of("more edges than nodeLimit", dual().replace(NODE_LIMIT, "nodeLimit: 2"),
                        "spec.cloudCore.nodeLimit: is 2 but the site has 3 edge nodes; one CloudCore refuses edges beyond"
                                + " its nodeLimit"),
                Arguments.of("certificates regenerated", dual().insertAfter(NODE_LIMIT, "    regenerateCertificates: true"),
                        "spec.cloudCore.regenerateCertificates: the runbook re-signs CloudCore's server certificate; if the"
                                + " CA is replaced as well (casecret deleted), every existing edge certificate and join token"
                                + " becomes invalid and each edge must join again"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("warned")
    void warned(String name, Verdicts.Edit edit, String problem) {
        assertThat(edit.errors()).isEmpty();
        assertThat(edit.warnings()).contains(problem);
    }
}
