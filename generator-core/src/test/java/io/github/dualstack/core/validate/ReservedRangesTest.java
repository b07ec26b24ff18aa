package io.github.dualstack.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import io.github.dualstack.core.net.IpAddress;
import io.github.dualstack.core.net.IpLiterals;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The host address checks, made on the bits, say what the library's predicates say of every address. */
class ReservedRangesTest {

    @Test
    void aHostClashIsWhatTheLibrarysPredicatesName() throws Exception {
        List<String> texts = new ArrayList<>(List.of("0.0.0.0", "::", "127.0.0.1", "127.255.255.255", "::1", "::2",
                "224.0.0.1", "239.255.255.255", "223.255.255.255", "240.0.0.1", "ff02::1", "feff::1", "169.254.0.1",
                "169.255.0.1", "fe80::1", "febf::1", "fec0::1", "255.255.255.255", "255.255.255.254", "192.0.2.10",
                "2001:db8::10", "100.64.0.1"));
        Random random = new Random(1122);
        for (int i = 0; i < 5_000; i++) {
            // addresses near the ranges: a first octet or group of theirs, the rest random
            int[] firsts = {0, 127, 169, 224, 239, 240, 255, random.nextInt(256)};
            texts.add(firsts[random.nextInt(firsts.length)] + "." + (random.nextBoolean() ? 254 : random.nextInt(256))
                    + "." + random.nextInt(256) + "." + random.nextInt(256));
            String[] groups = {"0", "fe80", "febf", "fec0", "ff00", "ff02", "2001", Integer.toHexString(random.nextInt(0x10000))};
            texts.add(groups[random.nextInt(groups.length)] + "::" + Integer.toHexString(random.nextInt(3)));
        }
        for (String text : texts) {
            IpAddress a = IpAddress.parse(text);
            assertThat(ReservedRanges.hostClash(a)).as(text).isEqualTo(library(new IPAddressString(text).getAddress()));
        }
    }

    /** The checks as the library's predicates made them before they were made on the bits. */
    private static String library(IPAddress a) throws IpLiterals.InvalidLiteral {
        if (a.isUnspecified()) {
            return "must not be the unspecified address";
        }
        if (a.isLoopback()) {
            return "must not be a loopback address";
        }
        if (a.isMulticast()) {
            return "must not be a multicast address";
        }
        if (a.isLinkLocal()) {
            return "must not be a link-local address (it is only valid on one link)";
        }
        if (a.isIPv4() && a.equals(new IPAddressString("255.255.255.255").getAddress())) {
            return "must not be the broadcast address";
        }
        return null;
    }
}
