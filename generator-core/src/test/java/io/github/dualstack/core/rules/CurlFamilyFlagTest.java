package io.github.dualstack.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.net.IpAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The family flag comes from the parsed address, never from the spelling of its text. */
class CurlFamilyFlagTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"192.0.2.10, -4", "10.0.0.1, -4", "2001:db8::10, -6", "2001:DB8:0:0:0:0:0:10, -6", "::1, -6",
            "fd00:10:96::a, -6"})
    void addresses(String address, String flag) throws Exception {
        assertThat(CurlFamilyFlag.of(IpAddress.parse(address).family())).isEqualTo(flag);
    }

    @Test
    void families() {
        assertThat(CurlFamilyFlag.of(IpFamily.IPv4)).isEqualTo("-4");
        assertThat(CurlFamilyFlag.of(IpFamily.IPv6)).isEqualTo("-6");
    }
}
