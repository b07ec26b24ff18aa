package io.github.dualstack.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** dev_valid_name's verdicts; the length counts UTF-8 bytes, as the kernel does. */
class LinuxInterfaceNameTest {

    @ParameterizedTest(name = "''{0}'': {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', emptyValue = "", nullValues = "-", textBlock = """
            eth0               | -
            enp0s31f6          | -
            vlan.100           | -
            bond0@eth1         | -
            abcdefghijklmno    | -
            ""                 | interface name must be 1 to 15 bytes long (Linux IFNAMSIZ), got 0
            abcdefghijklmnop   | interface name must be 1 to 15 bytes long (Linux IFNAMSIZ), got 16
            ethernet-übers0    | interface name must be 1 to 15 bytes long (Linux IFNAMSIZ), got 16
            .                  | interface name must not be '.' or '..'
            ..                 | interface name must not be '.' or '..'
            eth0/1             | interface name must not contain '/' or ':'
            eth0:1             | interface name must not contain '/' or ':'
            "eth 0"            | interface name must not contain whitespace
            """)
    void verdicts(String name, String problem) {
        assertThat(LinuxInterfaceName.problem(name)).isEqualTo(problem);
    }

    @ParameterizedTest
    @CsvSource({"0009", "000a", "0001", "007f", "0085", "3000"})
    void controlsAndUnicodeSpacesCountAsWhitespace(String hex) {
        String name = "eth" + (char) Integer.parseInt(hex, 16) + "0";
        assertThat(LinuxInterfaceName.problem(name)).isEqualTo("interface name must not contain whitespace");
    }
}
