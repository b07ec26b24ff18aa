package io.github.dualstack.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dualstack.core.model.IpFamily;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Strict literal parsing and RFC 5952 canonical text, whatever the input spelling. */
class IpLiteralsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "2001:DB8::10                            | 2001:db8::10",
            "2001:0db8:0000:0000:0000:0000:0000:0010 | 2001:db8::10",
            "2001:db8:0:0:0:0:0:10                   | 2001:db8::10",
            "2001:Db8::0:1                           | 2001:db8::1",
            "2001:db8:0:0:1:0:0:1                    | 2001:db8::1:0:0:1",   // tie: the first run is compressed
            "2001:0:0:1:0:0:0:1                      | 2001:0:0:1::1",       // the longest run is compressed
            "2001:db8:0:1:1:1:1:1                    | 2001:db8:0:1:1:1:1:1", // a single zero group is not
            "2001:db8::1:1:1:1:1                     | 2001:db8:0:1:1:1:1:1", // even when written with ::
            "0:0:0:0:0:0:0:1                         | ::1",
            "0:0:0:0:0:0:0:0                         | ::",
            "FE80:0:0:0:0:0:0:0                      | fe80::",
            "1:2:3:4:5:6:7:8                         | 1:2:3:4:5:6:7:8",
            "192.0.2.1                               | 192.0.2.1",
            "0.0.0.0                                 | 0.0.0.0",
    })
    void addressesLeaveInCanonicalForm(String in, String canonical) throws Exception {
        assertThat(IpLiterals.address(in).toCanonicalString()).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "FD00:10:244:0:0:0:0:0/56       | IPv6 | fd00:10:244::/56",
            "fd00:0010:0244::/56            | IPv6 | fd00:10:244::/56",
            "2001:db8:0:0:1::/80            | IPv6 | 2001:db8:0:0:1::/80",
            "FD00:0:0:0:0:0:0:0/8           | IPv6 | fd00::/8",
            "10.96.0.0/12                   | IPv4 | 10.96.0.0/12",
            "0.0.0.0/0                      | IPv4 | 0.0.0.0/0",
    })
    void cidrsLeaveInCanonicalForm(String in, IpFamily family, String canonical) throws Exception {
        assertThat(IpLiterals.cidr(in, family).toCanonicalString()).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "192.0.2.010          | must not have leading 0s",
            "010.0.2.1            | must not have leading 0s",
            "2001:db8::1%eth0     | must not include an IPv6 zone",
            "::ffff:10.0.0.1      | must not be an IPv4-mapped IPv6 address",
            "::ffff:a00:1         | must not be an IPv4-mapped IPv6 address",
            "2001:db8::192.0.2.1  | must not use mixed IPv6/IPv4 notation",
            "[2001:db8::1]        | without brackets",
            "192.0.2.1:80         | without a port",
            "192.0.2.0/24         | not a CIDR",
            "192.0.2              | must be a valid IP address",
            "3232235777           | must be a valid IP address",
            "0x7f.1               | must not have leading 0s",
            "1:2:3:4:5:6:7:8:9    | must be a valid IP address",
            "2001:db8::g          | must be a valid IP address",
            "'  '                 | must be a valid IP address",
            "*                    | must be a valid IP address",
            "192.0.2.1-5          | must be a valid IP address",
    })
    void addressesAreParsedStrictly(String in, String why) {
        assertThatThrownBy(() -> IpLiterals.address(in))
                .isInstanceOf(IpLiterals.InvalidLiteral.class)
                .hasMessageContaining(why);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', value = {
            "10.96.0.1/12          | IPv4 | must not have bits set beyond the prefix length; did you mean 10.96.0.0/12?",
            "fd00:10:96::1/112     | IPv6 | did you mean fd00:10:96::/112?",
            "FD00:10:96::1:0/96    | IPv6 | did you mean fd00:10:96::/96?",
            "10.096.0.0/12         | IPv4 | must not have leading 0s",
            "10.0.0.0/33           | IPv4 | prefix length exceeds the address size",
            "fd00::/129            | IPv6 | prefix length exceeds the address size",
            "10.0.0.0              | IPv4 | must be a CIDR with a prefix length",
            "10.0.0.0/8            | IPv6 | must be an IPv6 CIDR, got IPv4 10.0.0.0/8",
            "fd00::/8              | IPv4 | must be an IPv4 CIDR, got IPv6 fd00::/8",
            "::ffff:10.0.0.0/104   | IPv6 | IPv4-mapped",
            "::ffff:a00:0/104      | IPv6 | must not have an IPv4-mapped IPv6 address",
            "fd00::%eth0/64        | IPv6 | must not include an IPv6 zone",
            "10.0.0.0/255.0.0.0    | IPv4 | must be a valid CIDR value",
    })
    void cidrsAreParsedStrictly(String in, IpFamily family, String why) {
        assertThatThrownBy(() -> IpLiterals.cidr(in, family))
                .isInstanceOf(IpLiterals.InvalidLiteral.class)
                .hasMessageContaining(why);
    }

    @Test
    void addressOfAFamilyNamesTheOtherFamily() {
        assertThatThrownBy(() -> IpLiterals.address("2001:DB8::1", IpFamily.IPv4))
                .hasMessage("must be an IPv4 address, got IPv6 2001:db8::1");
        assertThatThrownBy(() -> IpLiterals.address("192.0.2.1", IpFamily.IPv6))
                .hasMessage("must be an IPv6 address, got IPv4 192.0.2.1");
    }

    /**
     * Random IPv6 addresses, rich in zero groups, written in random spellings (case, leading zeros, with or
     * without {@code ::}), all leave as the RFC 5952 text computed here independently.
     */
    @Test
    void everySpellingOfAnIpv6AddressLeavesAsItsRfc5952Form() throws Exception {
        Random random = new Random(5952);
        for (int i = 0; i < 5000; i++) {
            int[] groups = new int[8];
            for (int g = 0; g < 8; g++) {
                groups[g] = random.nextInt(3) == 0 ? random.nextInt(0x10000) : random.nextInt(2) == 0 ? 0 : random.nextInt(16);
            }
            if (groups[0] == 0 && groups[1] == 0 && groups[2] == 0 && groups[3] == 0 && groups[4] == 0
                    && (groups[5] == 0xffff || groups[5] == 0)) {
                groups[0] = 0x2001;   // keep clear of IPv4-mapped and IPv4-compatible addresses
            }
            String spelled = spell(groups, random);
            assertThat(IpLiterals.address(spelled, IpFamily.IPv6).toCanonicalString())
                    .as("canonical form of %s", spelled)
                    .isEqualTo(rfc5952(groups));
        }
    }

    /** RFC 5952 section 4: lowercase, no leading zeros, :: for the longest run of two or more zero groups (first on ties). */
    static String rfc5952(int[] groups) {
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append(i == 0 ? "::" : ":");
                i += bestLength - 1;
                continue;
            }
            sb.append(Integer.toHexString(groups[i]));
            if (i < 7) {
                sb.append(':');
            }
        }
        return sb.toString();
    }

    /** One of the many legal ways of writing the address. */
    static String spell(int[] groups, Random random) {
        String[] parts = new String[8];
        for (int i = 0; i < 8; i++) {
            String hex = Integer.toHexString(groups[i]);
            if (random.nextBoolean()) {
                hex = "0".repeat(4 - hex.length()) + hex;
            }
            parts[i] = random.nextBoolean() ? hex.toUpperCase(Locale.ROOT) : hex;
        }
        // maybe compress one run of zero groups, not necessarily the longest
        int start = -1;
        int end = -1;
        if (random.nextBoolean()) {
            int from = random.nextInt(8);
            for (int i = from; i < 8; i++) {
                if (groups[i] == 0) {
                    start = i;
                    end = i;
                    while (end + 1 < 8 && groups[end + 1] == 0 && random.nextInt(4) != 0) {
                        end++;
                    }
                    break;
                }
            }
        }
        if (start < 0) {
            return String.join(":", parts);
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(parts, 0, start));
        String tail = String.join(":", java.util.Arrays.copyOfRange(parts, end + 1, 8));
        return head + "::" + tail;
    }

    @Test
    void referenceFormatterFollowsTheRfcExamples() {
        assertThat(rfc5952(new int[] {0x2001, 0xdb8, 0, 0, 0, 0, 2, 1})).isEqualTo("2001:db8::2:1");
        assertThat(rfc5952(new int[] {0x2001, 0xdb8, 0, 1, 1, 1, 1, 1})).isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(rfc5952(new int[] {0x2001, 0, 0, 1, 0, 0, 0, 1})).isEqualTo("2001:0:0:1::1");
        assertThat(rfc5952(new int[] {0x2001, 0xdb8, 0, 0, 1, 0, 0, 1})).isEqualTo("2001:db8::1:0:0:1");
        assertThat(rfc5952(new int[] {0, 0, 0, 0, 0, 0, 0, 0})).isEqualTo("::");
        assertThat(rfc5952(new int[] {1, 0, 0, 0, 0, 0, 0, 0})).isEqualTo("1::");
    }
}
