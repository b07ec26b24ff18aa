package io.github.dualstack.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** host:port as Go's net.SplitHostPort and edgecore read it; the rest of Addresses is covered by the configs' tests. */
class AddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"[2001:db8::10]:10000", "192.0.2.10:10001", "cloudcore.example.com:443", "a:65535"})
    void validHostPortsHaveNoProblem(String value) {
        assertThat(Addresses.hostPortProblems(value)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2001:db8::10:10000|\"2001:db8::10:10000\" has an IPv6 host without brackets; write [2001:db8::10]:10000",
        "[2001:db8::10]|\"[2001:db8::10]\" must be [IPv6]:port",
        "cloudcore|\"cloudcore\" must be host:port",
        "Cloud_Core:1|\"Cloud_Core\" is neither an IP address nor a DNS name",
        "192.0.2.10:0|\"192.0.2.10:0\" has no valid port (1-65535)",
        "192.0.2.10:65536|\"192.0.2.10:65536\" has no valid port (1-65535)",
    })
    void eachBrokenRuleIsOneProblem(String value, String problem) {
        assertThat(Addresses.hostPortProblems(value)).containsExactly(problem);
    }

    @Test
    void aBracketedIpv4WithABadPortIsTwoProblems() {
        assertThat(Addresses.hostPortProblems("[192.0.2.10]:99999")).containsExactly(
                "\"[192.0.2.10]:99999\" brackets an IPv4 address; only IPv6 hosts are bracketed",
                "\"[192.0.2.10]:99999\" has no valid port (1-65535)");
    }
}
