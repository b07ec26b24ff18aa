package io.github.dualstack.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import inet.ipaddr.IPAddressString;
import io.github.dualstack.core.model.IpFamily;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The model's CIDR: network address and prefix length, strict, with containment and overlap from the library. */
class CidrTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "10.244.0.0/16, 10.244.0.0/16, IPv4, 16, 10.244.0.0",
            "10.96.0.0/12, 10.96.0.0/12, IPv4, 12, 10.96.0.0",
            "0.0.0.0/0, 0.0.0.0/0, IPv4, 0, 0.0.0.0",
            "192.0.2.7/32, 192.0.2.7/32, IPv4, 32, 192.0.2.7",
            "FD00:10:244:0::/56, fd00:10:244::/56, IPv6, 56, fd00:10:244::",
            "fd00:0010:0096:0000:0000:0000:0000:0000/112, fd00:10:96::/112, IPv6, 112, fd00:10:96::",
            "2001:db8:4000::/36, 2001:db8:4000::/36, IPv6, 36, 2001:db8:4000::",
            "::/0, ::/0, IPv6, 0, ::",
            "2001:db8::1/128, 2001:db8::1/128, IPv6, 128, 2001:db8::1"})
    void canonicalTextPrefixAndFamily(String text, String canonical, IpFamily family, int prefix, String network)
            throws Exception {
        Cidr c = Cidr.parse(text, family);
        assertThat(c).hasToString(canonical);
        assertThat(c.family()).isEqualTo(family);
        assertThat(c.prefixLength()).isEqualTo(prefix);
        assertThat(c.network()).hasToString(network);
        // the block is the one the library parses from the text
        assertThat(c.toIPAddress().toCanonicalString())
                .isEqualTo(new IPAddressString(text).getAddress().toPrefixBlock().toCanonicalString());
    }

    @Test
    void equalByNetworkAndPrefix() throws Exception {
        Cidr a = Cidr.parse("fd00:10:244::/56", IpFamily.IPv6);
        assertThat(a).isEqualTo(Cidr.parse("FD00:0010:0244:0000::/56", IpFamily.IPv6))
                .hasSameHashCodeAs(Cidr.parse("fd00:10:244:0::/56", IpFamily.IPv6));
        assertThat(a).isNotEqualTo(Cidr.parse("fd00:10:244::/64", IpFamily.IPv6));
        assertThat(Cidr.parse("0.0.0.0/0", IpFamily.IPv4)).isNotEqualTo(Cidr.parse("::/0", IpFamily.IPv6));
    }

    @Test
    void containmentAndOverlapAreTheLibrarys() throws Exception {
        Cidr pods = Cidr.parse("10.244.0.0/16", IpFamily.IPv4);
        assertThat(pods.contains(IpAddress.parse("10.244.255.255"))).isTrue();
        assertThat(pods.contains(IpAddress.parse("10.245.0.0"))).isFalse();
        assertThat(pods.contains(IpAddress.parse("::a0f4:1"))).isFalse();
        assertThat(pods.contains(Cidr.parse("10.244.8.0/21", IpFamily.IPv4))).isTrue();
        assertThat(pods.contains(Cidr.parse("10.0.0.0/8", IpFamily.IPv4))).isFalse();
        assertThat(pods.overlaps(Cidr.parse("10.0.0.0/8", IpFamily.IPv4))).isTrue();
        assertThat(pods.overlaps(Cidr.parse("10.96.0.0/12", IpFamily.IPv4))).isFalse();
        Cidr v6 = Cidr.parse("fd00:10:244::/56", IpFamily.IPv6);
        assertThat(v6.contains(IpAddress.parse("fd00:10:244:ff:ffff:ffff:ffff:ffff"))).isTrue();
        assertThat(v6.contains(IpAddress.parse("fd00:10:244:100::"))).isFalse();
        assertThat(v6.overlaps(Cidr.parse("fd00:10::/32", IpFamily.IPv6))).isTrue();
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', value = {
            "10.244.0.1/16 | IPv4 | must not have bits set beyond the prefix length; did you mean 10.244.0.0/16?",
            "fd00:10:244::1/56 | IPv6 | must not have bits set beyond the prefix length; did you mean fd00:10:244::/56?",
            "10.244.00.0/16 | IPv4 | must not have leading 0s",
            "fe80::%eth0/64 | IPv6 | must not include an IPv6 zone",
            "::ffff:10.0.0.0/104 | IPv6 | must not be an IPv4-mapped IPv6 address; ::ffff:10.0.0.0/104 stands for an IPv4 address",
            "::ffff:a00:0/104 | IPv6 | must not have an IPv4-mapped IPv6 address",
            "10.244.0.0 | IPv4 | must be a CIDR with a prefix length, (e.g. 10.9.8.0/24 or 2001:db8::/64)",
            "10.244.0.0/33 | IPv4 | prefix length exceeds the address size",
            "10.244.0.0/16 | IPv6 | must be an IPv6 CIDR, got IPv4 10.244.0.0/16",
            "fd00::/8 | IPv4 | must be an IPv4 CIDR, got IPv6 fd00::/8",
            "10.244.0.0/255.255.0.0 | IPv4 | must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)"})
    void refusedWithTheWordsOfAProblemLine(String text, IpFamily family, String message) {
        assertThatThrownBy(() -> Cidr.parse(text, family)).isInstanceOf(IpLiterals.InvalidLiteral.class).hasMessage(message);
    }

    @Test
    void aVeryLongStringIsRefusedNotThrown() {
        String text = "10.244.0.0/" + "1".repeat(100_000);
        assertThatThrownBy(() -> Cidr.parse(text, IpFamily.IPv4)).isInstanceOf(IpLiterals.InvalidLiteral.class)
                .hasMessageStartingWith("must ");
        assertThatThrownBy(() -> Cidr.parse("f".repeat(100_000) + "::/64", IpFamily.IPv6))
                .isInstanceOf(IpLiterals.InvalidLiteral.class).hasMessageStartingWith("must ");
    }
}
