package io.github.dualstack.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dualstack.core.model.IpFamily;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The family flag comes from the parsed address; a text that is not an IP has none. */
class CurlFamilyFlagTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"192.0.2.10, -4", "10.0.0.1, -4", "2001:db8::10, -6", "2001:DB8:0:0:0:0:0:10, -6", "::1, -6",
            "fd00:10:96::a, -6"})
    void literals(String address, String flag) {
        assertThat(CurlFamilyFlag.ofLiteral(address)).isEqualTo(flag);
    }

    @Test
    void families() {
        assertThat(CurlFamilyFlag.of(IpFamily.IPv4)).isEqualTo("-4");
        assertThat(CurlFamilyFlag.of(IpFamily.IPv6)).isEqualTo("-6");
    }

    /** A colon count would call a host name IPv4 and an IPv4-mapped address IPv6. */
    @ParameterizedTest
    @CsvSource({"cloudcore.example.com", "'::ffff:192.0.2.10'", "'[2001:db8::10]'", "192.0.2.10:10002"})
    void textThatIsNotABareAddressIsABug(String text) {
        assertThatThrownBy(() -> CurlFamilyFlag.ofLiteral(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an IP address");
    }
}
