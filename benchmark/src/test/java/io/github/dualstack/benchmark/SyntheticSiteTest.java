package io.github.dualstack.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.Dualstack;
import io.github.dualstack.core.Request;
import io.github.dualstack.core.Report;
import io.github.dualstack.core.model.EdgeNode;
import io.github.dualstack.core.model.IpFamily;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticSiteTest {

    @Test
    void sameSeedSameBytesOtherSeedOtherLabels() {
        assertThat(new SyntheticSite(300, 42).yaml()).isEqualTo(new SyntheticSite(300, 42).yaml())
                .isNotEqualTo(new SyntheticSite(300, 43).yaml());
    }

    @Test
    void validatesWithAMixOfHubFamiliesAndQuic(@TempDir Path tmp) throws Exception {
        Path site = new SyntheticSite(400, 42).writeTo(tmp.resolve("site.yaml"));
        Report.Validate report = Dualstack.validate(Request.Validate.of(site));
        assertThat(report.problems()).isEmpty();
        var edges = report.site().orElseThrow().edgeNodes();
        assertThat(edges).hasSize(400)
                .anyMatch(e -> e.hubFamily() == IpFamily.IPv4)
                .anyMatch(e -> e.hubFamily() == IpFamily.IPv6)
                .anyMatch(e -> e.hubProtocol().equals("quic"))
                .anyMatch(e -> e.hubProtocol().equals("websocket"));
        assertThat(edges.stream().map(EdgeNode::labels).distinct().count()).isGreaterThan(10);
        assertThat(new SyntheticSite(2, 1).yaml()).contains("quic: true");
    }

    @Test
    void addressesAreUniqueAndWellFormedUpToAMillion() {
        Pattern group = Pattern.compile("[0-9a-f]{1,4}");
        Set<String> v4 = new HashSet<>();
        Set<String> v6 = new HashSet<>();
        for (int i = 1; i <= 1_000_000; i++) {
            String a = SyntheticSite.edgeIpv6(i);
            if (!v4.add(SyntheticSite.edgeIpv4(i)) || !v6.add(a)) {
                throw new AssertionError("edge " + i + " repeats an address");
            }
            for (String g : a.substring("2001:db8:1::".length()).split(":")) {
                if (!group.matcher(g).matches()) {
                    throw new AssertionError(a + " has a group of more than 4 hex digits");
                }
            }
        }
        assertThat(SyntheticSite.edgeIpv4(1)).isEqualTo("100.64.0.1");
        assertThat(SyntheticSite.edgeIpv4(100_000)).isEqualTo("100.65.134.160");
        assertThat(SyntheticSite.edgeIpv4(SyntheticSite.MAX_EDGES)).isEqualTo("100.127.255.254");
        assertThat(SyntheticSite.edgeIpv6(65_536)).isEqualTo("2001:db8:1::1:0");
        assertThat(SyntheticSite.edgeIpv6(100_000)).isEqualTo("2001:db8:1::1:86a0");
        assertThat(SyntheticSite.edgeName(100_000)).isEqualTo("edge-100000");
    }
}
