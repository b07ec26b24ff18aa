package io.github.dualstack.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.dualstack.core.model.IpFamily;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What the plain reading accepts, the library accepts too, as the same bits; and it accepts the usual spellings. */
class PlainAddressTest {

    private static final String ALPHABET = "0123456789abcdefABCDEF:.%/[] g0:::1";

    @Test
    void whatItReadsTheLibraryReadsToTheSameAddress() {
        Random random = new Random(791);
        int read = 0;
        for (int i = 0; i < 200_000; i++) {
            String text = i % 2 == 0 ? noise(random) : spelling(random);
            for (IpFamily family : IpFamily.values()) {
                IpAddress plain = PlainAddress.of(text, family);
                if (plain == null) {
                    continue;
                }
                read++;
                try {
                    assertThat(plain).as("%s as %s", text, family).isEqualTo(IpAddress.of(IpLiterals.address(text, family)));
                } catch (IpLiterals.InvalidLiteral e) {
                    fail("%s read as %s, but the library refuses it: %s", text, plain, e.getMessage());
                }
            }
        }
        assertThat(read).as("spellings read without the library").isGreaterThan(15_000);
    }

    @Test
    void readsTheCanonicalAndTheUsualSpellingsAndLeavesTheRestToTheLibrary() {
        Random random = new Random(792);
        for (int i = 0; i < 20_000; i++) {
            IpAddress v6 = new IpAddress.V6(random.nextLong(), random.nextInt(4) == 0 ? 0 : random.nextLong());
            assertThat(PlainAddress.of(v6.toString(), IpFamily.IPv6)).isEqualTo(v6);
            assertThat(PlainAddress.of(v6.toString().toUpperCase(Locale.ROOT), IpFamily.IPv6)).isEqualTo(v6);
            IpAddress v4 = new IpAddress.V4(random.nextInt());
            assertThat(PlainAddress.of(v4.toString(), IpFamily.IPv4)).isEqualTo(v4);
        }
        for (String other : new String[] {"::ffff:a00:1", "::ffff:10.0.0.1", "010.0.0.1", "1.2.3", "1.2.3.4.5",
                "256.0.0.1", "1:2:3:4:5:6:7:8:9", "1::2::3", ":1::", "1:2:3:4::5:6:7:8", "00000::1", "fe80::1%eth0",
                "[::1]", "::1/128", "１.2.3.4", "1.2.3.4 ", ""}) {
            assertThat(PlainAddress.of(other, IpFamily.IPv4)).as(other).isNull();
            assertThat(PlainAddress.of(other, IpFamily.IPv6)).as(other).isNull();
        }
    }

    private static String noise(Random random) {
        StringBuilder s = new StringBuilder();
        for (int n = random.nextInt(16); n > 0; n--) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    /** An address written as people write them: zeros compressed or not, leading zeros, upper case, a dotted quad. */
    private static String spelling(Random random) {
        if (random.nextInt(3) == 0) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                s.append(i > 0 ? "." : "").append(random.nextInt(4) == 0 ? "0" + random.nextInt(10) : random.nextInt(300));
            }
            return s.toString();
        }
        StringBuilder s = new StringBuilder();
        int groups = 8 - random.nextInt(4);
        int gap = groups < 8 || random.nextInt(4) == 0 ? random.nextInt(groups + 1) : -1;
        for (int g = 0; g < groups; g++) {
            if (g == gap) {
                s.append("::");
            } else if (g > 0 && g - 1 != gap) {
                s.append(':');
            }
            int v = random.nextInt(3) == 0 ? 0 : random.nextInt(0x10000);
            String hex = Integer.toHexString(v);
            s.append(random.nextInt(4) == 0 ? "0".repeat(random.nextInt(3)) + hex : hex);
        }
        if (gap == groups) {
            s.append("::");
        }
        return random.nextInt(5) == 0 ? s.toString().toUpperCase(Locale.ROOT) : s.toString();
    }
}
