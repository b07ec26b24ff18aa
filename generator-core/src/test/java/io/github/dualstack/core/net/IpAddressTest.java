package io.github.dualstack.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import inet.ipaddr.IPAddressString;
import io.github.dualstack.core.model.IpFamily;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The model's address: strict parsing through the library, RFC 5952 text, equality by bits. */
class IpAddressTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "192.0.2.10, 192.0.2.10, IPv4",
            "0.0.0.1, 0.0.0.1, IPv4",
            "255.255.255.255, 255.255.255.255, IPv4",
            "2001:0DB8:0000:0000:0000:0000:0000:0011, 2001:db8::11, IPv6",
            "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1, IPv6",
            "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1, IPv6",
            "1:2:3:4:5:6:7:8, 1:2:3:4:5:6:7:8, IPv6",
            "::, ::, IPv6",
            "::1, ::1, IPv6",
            "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, IPv6",
            "8000::1, 8000::1, IPv6"})
    void canonicalTextAndFamily(String text, String canonical, IpFamily family) throws Exception {
        IpAddress a = IpAddress.parse(text);
        assertThat(a).hasToString(canonical);
        assertThat(a.family()).isEqualTo(family);
        // the library's own canonical text of the same address, from the bits kept
        assertThat(a.toIPAddress()).isEqualTo(new IPAddressString(text).getAddress());
        assertThat(a.toIPAddress().toCanonicalString()).isEqualTo(canonical);
    }

    /** Its own printing of the bits is the library's canonical text, for any bits: random, sparse, zero runs. */
    @Test
    void printsEveryAddressAsTheLibraryDoes() {
        java.util.Random random = new java.util.Random(5952);
        for (int i = 0; i < 20_000; i++) {
            long high = sparse(random);
            long low = sparse(random);
            IpAddress v6 = new IpAddress.V6(high, low);
            assertThat(v6.toString()).as("%x %x", high, low).isEqualTo(v6.toIPAddress().toCanonicalString());
            IpAddress v4 = new IpAddress.V4((int) low);
            assertThat(v4.toString()).isEqualTo(v4.toIPAddress().toCanonicalString());
        }
    }

    /** Its block test on the bits is the library's containment, at every prefix length, both families. */
    @Test
    void liesInABlockAsTheLibrarySays() {
        java.util.Random random = new java.util.Random(4291);
        for (int i = 0; i < 20_000; i++) {
            IpAddress network = random.nextBoolean() ? new IpAddress.V6(sparse(random), sparse(random))
                    : new IpAddress.V4((int) sparse(random));
            boolean v6 = network.family() == IpFamily.IPv6;
            int prefix = random.nextInt(v6 ? 129 : 33);
            // a near address: the network's bits with one bit flipped, or another address altogether
            IpAddress address = random.nextInt(4) == 0 ? new IpAddress.V4((int) sparse(random))
                    : v6 ? flip((IpAddress.V6) network, random.nextInt(128))
                    : new IpAddress.V4(((IpAddress.V4) network).bits() ^ (1 << random.nextInt(32)));
            inet.ipaddr.IPAddress block = network.toIPAddress().toPrefixBlock(prefix);
            boolean library = block.getIPVersion() == address.toIPAddress().getIPVersion()
                    && block.contains(address.toIPAddress());
            assertThat(address.inBlock(network, prefix)).as("%s in %s/%d", address, network, prefix)
                    .isEqualTo(library);
            assertThat(network.inBlock(network, prefix)).isTrue();
        }
    }

    private static IpAddress flip(IpAddress.V6 a, int bit) {
        return bit < 64 ? new IpAddress.V6(a.high() ^ (1L << (63 - bit)), a.low())
                : new IpAddress.V6(a.high(), a.low() ^ (1L << (127 - bit)));
    }

    /** 64 bits whose 16-bit groups are each zero, all ones or random, so that zero runs of every length occur. */
    private static long sparse(java.util.Random random) {
        long bits = 0;
        for (int g = 0; g < 4; g++) {
            int kind = random.nextInt(3);
            long group = kind == 0 ? 0 : kind == 1 ? 0xffff : random.nextInt(0x10000);
            bits = bits << 16 | group;
        }
        return bits;
    }

    @Test
    void equalByValueWhateverTheSpelling() throws Exception {
        IpAddress a = IpAddress.parse("2001:db8::10");
        IpAddress b = IpAddress.parse("2001:0DB8:0:0:0:0:0:0010");
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(IpAddress.parse("2001:db8::11"));
        // the same low bits in the other family are another address
        assertThat(IpAddress.parse("0.0.0.1")).isNotEqualTo(IpAddress.parse("::1"));
        assertThat(IpAddress.parse("192.0.2.10")).isEqualTo(IpAddress.parse("192.0.2.10"));
    }

    @Test
    void ofTheFamilyItsKeyNames() throws Exception {
        assertThat(IpAddress.parse("2001:db8::1", IpFamily.IPv6).family()).isEqualTo(IpFamily.IPv6);
        assertThatThrownBy(() -> IpAddress.parse("2001:0db8::1", IpFamily.IPv4))
                .hasMessage("must be an IPv4 address, got IPv6 2001:db8::1");
        assertThatThrownBy(() -> IpAddress.parse("10.0.0.1", IpFamily.IPv6))
                .hasMessage("must be an IPv6 address, got IPv4 10.0.0.1");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "fe80::1%eth0 | must not include an IPv6 zone",
            "fe80::1%25eth0 | must not include an IPv6 zone",
            "::ffff:10.0.0.1 | must not be an IPv4-mapped IPv6 address; ::ffff:10.0.0.1 stands for an IPv4 address",
            "::ffff:a00:1 | must not be an IPv4-mapped IPv6 address",
            "::10.0.0.1 | must not use mixed IPv6/IPv4 notation; write the IPv6 address in hex",
            "192.0.2.010 | must not have leading 0s",
            "010.0.0.1 | must not have leading 0s",
            "[2001:db8::1] | must be a bare IP address without brackets",
            "2001:db8::/64 | must be an IP address, not a CIDR",
            "192.0.2.1:80 | must be a bare IP address without a port",
            "0x0a000001 | must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)",
            "10.1 | must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)",
            "* | must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)",
            "cloudcore.example.com | must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"})
    void refusedWithTheWordsOfAProblemLine(String text, String message) {
        assertThatThrownBy(() -> IpAddress.parse(text)).isInstanceOf(IpLiterals.InvalidLiteral.class).hasMessage(message);
    }

    @Test
    void aVeryLongStringIsRefusedNotThrown() {
        String digits = "1".repeat(100_000);
        String segments = "1:".repeat(50_000) + "1";
        for (String text : new String[] {digits, segments, "192.0.2." + digits, "::" + digits}) {
            assertThatThrownBy(() -> IpAddress.parse(text)).isInstanceOf(IpLiterals.InvalidLiteral.class)
                    .hasMessageStartingWith("must ");
        }
    }

    @Test
    void aHostIsAnAddressWhenItParsesElseANameAsWritten() {
        Host ip = Host.of("2001:0DB8::0010");
        assertThat(ip).hasToString("2001:db8::10");
        assertThat(ip.address()).hasValueSatisfying(a -> assertThat(a.family()).isEqualTo(IpFamily.IPv6));
        Host name = Host.of("cloudcore.example.com");
        assertThat(name).hasToString("cloudcore.example.com");
        assertThat(name.address()).isEmpty();
        // a zoned address is no strict IP: it is a name, which then must be among dnsNames
        assertThat(Host.of("fe80::1%eth0").address()).isEmpty();
        assertThat(Host.of("192.0.2.10")).isEqualTo(Host.of("192.0.2.10"));
    }
}
