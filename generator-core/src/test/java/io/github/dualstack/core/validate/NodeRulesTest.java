package io.github.dualstack.core.validate;

import static io.github.dualstack.core.validate.Verdicts.dual;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Node names, addresses and interfaces. */
class NodeRulesTest {

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("edge named like a cloud node", dual().replace("name: edge-0003", "name: worker-1"),
                        "spec.edge.nodes[2].name: duplicate node name 'worker-1', first used at spec.nodes[1].name; names"
                                + " must be unique across cloud and edge nodes"),
                Arguments.of("address shared in another spelling",
                        dual().replace("\"2001:db8::11\"", "\"2001:0DB8:0:0:0:0:0:0010\""),
                        "spec.nodes[1].addresses.ipv6: duplicate address 2001:db8::10, already used at spec.nodes[0].addresses.ipv6"),
                Arguments.of("address inside the pod subnet", dual().replace("ipv4: 192.0.2.11", "ipv4: 10.244.3.4"),
                        "spec.nodes[1].addresses.ipv4: lies inside the pod subnet 10.244.0.0/16; node addresses must be outside it"),
                Arguments.of("address inside the service subnet", dual().replace("\"2001:db8::103\"", "\"fd00:10:96::103\""),
                        "spec.edge.nodes[2].addresses.ipv6: lies inside the service subnet fd00:10:96::/112; node addresses"
                                + " must be outside it"),
                Arguments.of("loopback address", dual().replace("ipv4: 192.0.2.11", "ipv4: 127.0.0.11"),
                        "spec.nodes[1].addresses.ipv4: must not be a loopback address"),
                Arguments.of("no control-plane node", dual().replace("role: control-plane", "role: worker"),
                        "spec.nodes: needs at least one node with role control-plane"),
                Arguments.of("interface name the kernel refuses", dual().replace("interface: enp1s0", "interface: enp1s0:1"),
                        "spec.edge.nodes[2].interface: interface name must not contain '/' or ':'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refused(String name, Verdicts.Edit edit, String problem) {
        assertThat(edit.errors()).contains(problem);
    }

    /** The kernel's rules first (LinuxInterfaceName), then the characters that are safe in scripts and regexes. */
    @ParameterizedTest(name = "''{0}'': {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
            eth0              | -
            bond0.100         | -
            veth_a@if2        | -
            wg+0              | -
            ..                | interface name must not be '.' or '..'
            eth$0             | interface name may only use letters, digits and . _ - @ + (it is written into scripts and Calico regexes)
            eth0'             | interface name may only use letters, digits and . _ - @ + (it is written into scripts and Calico regexes)
            eth*              | interface name may only use letters, digits and . _ - @ + (it is written into scripts and Calico regexes)
            """)
    void interfaceNames(String name, String problem) {
        assertThat(NodeRules.interfaceProblem(name)).isEqualTo(problem);
    }
}
