package io.github.dualstack.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dualstack.core.model.IpFamily;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** host:port and scheme://host:port as the binder parses them, and as generated files print them. */
class EndpointTest {

    @ParameterizedTest(name = "{0} prints {1}")
    @CsvSource(delimiter = '|', value = {
            "192.0.2.10:6443                 | 192.0.2.10:6443",
            "[2001:DB8:0:0::10]:6443         | [2001:db8::10]:6443",
            "api.factory-east.example:443    | api.factory-east.example:443"})
    void parsesAndPrintsCanonically(String text, String printed) throws Exception {
        Endpoint e = Endpoint.parse(text);
        assertThat(e.toString()).isEqualTo(printed);
        assertThat(e.scheme()).isEmpty();
        assertThat(Endpoint.parse(printed)).isEqualTo(e);
    }

    @Test
    void anIpHostIsAnAddressOfTheFamilyItsSpellingSays() throws Exception {
        assertThat(Endpoint.parse("[2001:db8::10]:6443").host().address()).map(IpAddress::family)
                .hasValue(IpFamily.IPv6);
        assertThat(Endpoint.parse("192.0.2.10:6443").host().address()).map(IpAddress::family).hasValue(IpFamily.IPv4);
        assertThat(Endpoint.parse("lb.example:6443").host().address()).isEmpty();
        assertThat(Endpoint.parse("lb.example:6443").hostText()).isEqualTo("lb.example");
        assertThat(Endpoint.parse("lb.example:06443").port()).isEqualTo(6443);
    }

    @Test
    void aUrlKeepsItsScheme() throws Exception {
        Endpoint e = Endpoint.parseUrl("https://[2001:db8:0::5]:2379");
        assertThat(e.scheme()).isEqualTo(Optional.of("https"));
        assertThat(e.toString()).isEqualTo("https://[2001:db8::5]:2379");
        assertThat(Endpoint.parseUrl("http://127.0.0.1:2379").toString()).isEqualTo("http://127.0.0.1:2379");
        assertThatThrownBy(() -> Endpoint.parseUrl("127.0.0.1:2379")).isInstanceOf(Endpoint.Invalid.class)
                .hasMessage("must be a URL like https://host:port");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "2001:db8::10:6443                 | too many colons in address",
            "api.example                       | missing port in address",
            "[2001:db8::10:6443                | missing ']' in address",
            "[198.51.100.10]:6443              | must be an IPv6 address, got IPv4 198.51.100.10",
            "[fe80::1%eth0]:6443               | must not include an IPv6 zone",
            "[::ffff:192.0.2.1]:6443           | must not be an IPv4-mapped IPv6 address",
            "1.2.3:6443                        | must be a valid IP address",
            "API.example.com:6443              | host 'API.example.com' must be an IP address or a lowercase DNS name",
            "api.example:70000                 | port 70000 is out of range 1..65535"})
    void refusesWithTheReason(String text, String reason) {
        assertThatThrownBy(() -> Endpoint.parse(text)).isInstanceOf(Endpoint.Invalid.class).hasMessageContaining(reason);
    }

    @Test
    void everyProblemOfOneEndpointIsGiven() {
        assertThatThrownBy(() -> Endpoint.parse("Bad_Host:0")).isInstanceOfSatisfying(Endpoint.Invalid.class,
                e -> assertThat(e.reasons()).containsExactly("port 0 is out of range 1..65535",
                        "host 'Bad_Host' must be an IP address or a lowercase DNS name"));
        String huge = "a".repeat(100_000) + ":6443";
        assertThatThrownBy(() -> Endpoint.parse(huge)).isInstanceOf(Endpoint.Invalid.class)
                .hasMessageContaining("must be an IP address or a lowercase DNS name");
    }
}
