package io.github.dualstack.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.model.EdgeCoreSettings;
import io.github.dualstack.core.model.EdgeNode;
import io.github.dualstack.core.model.FamilyPair;
import io.github.dualstack.core.model.IpFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Which address an edge dials, always as canonical text. */
class HubAddressesTest {

    static EdgeNode edge(IpFamily hubFamily, String cloudCoreAddress) throws IpLiterals.InvalidLiteral {
        return new EdgeNode("edge-1", "eth0", new FamilyPair<>(IpAddress.parse("192.0.2.101"),
                IpAddress.parse("2001:db8::101")), "v1.22.0", hubFamily, EdgeNode.HubProtocol.websocket,
                EdgeNode.CgroupDriver.systemd, "unix:///run/containerd/containerd.sock", new TreeMap<>(),
                Optional.ofNullable(cloudCoreAddress).map(Host::of),
                new EdgeCoreSettings(false, List.of(), Optional.empty(), "kubeedge/pause:3.6", 110));
    }

    static List<IpAddress> advertise(String... texts) throws IpLiterals.InvalidLiteral {
        List<IpAddress> out = new ArrayList<>();
        for (String t : texts) {
            out.add(IpAddress.parse(t));
        }
        return out;
    }

    @Test
    void theFirstAdvertiseAddressOfTheHubFamilyInCanonicalForm() throws Exception {
        HubAddresses hub = new HubAddresses(advertise("192.0.2.10", "2001:0DB8:0:0:0:0:0:0010", "2001:db8::20", "192.0.2.20"));
        assertThat(hub.firstOfFamily(IpFamily.IPv6)).contains("2001:db8::10");
        assertThat(hub.firstOfFamily(IpFamily.IPv4)).contains("192.0.2.10");
        assertThat(hub.effective(edge(IpFamily.IPv6, null))).contains("2001:db8::10");
        assertThat(hub.effective(edge(IpFamily.IPv4, null))).contains("192.0.2.10");
    }

    @Test
    void anEdgesOwnCloudCoreAddressWinsAndLeavesCanonical() throws Exception {
        HubAddresses hub = new HubAddresses(advertise("192.0.2.10", "2001:db8::10"));
        assertThat(hub.effective(edge(IpFamily.IPv6, "2001:0DB8::0010"))).contains("2001:db8::10");
        assertThat(hub.effective(edge(IpFamily.IPv6, "2001:db8:0:0:0:0:0:20"))).contains("2001:db8::20");
        assertThat(hub.effective(edge(IpFamily.IPv4, "192.0.2.10"))).contains("192.0.2.10");
        assertThat(hub.effective(edge(IpFamily.IPv4, "cloudcore.example.com"))).contains("cloudcore.example.com");
    }

    @Test
    void theFamilyDialledIsTheCloudCoreAddressesOrNoneForAName() throws Exception {
        HubAddresses hub = new HubAddresses(advertise("192.0.2.10", "2001:db8::10"));
        assertThat(hub.literalFamily(edge(IpFamily.IPv6, null))).contains(IpFamily.IPv6);
        assertThat(hub.literalFamily(edge(IpFamily.IPv6, "192.0.2.10"))).contains(IpFamily.IPv4);
        assertThat(hub.literalFamily(edge(IpFamily.IPv6, "cloudcore.example.com"))).isEmpty();
    }

    @Test
    void aFamilyWithoutAnAdvertiseAddressHasNothingToDial() throws Exception {
        HubAddresses hub = new HubAddresses(advertise("2001:db8::2"));
        assertThat(hub.firstOfFamily(IpFamily.IPv6)).contains("2001:db8::2");
        assertThat(hub.firstOfFamily(IpFamily.IPv4)).isEmpty();
        assertThat(hub.effective(edge(IpFamily.IPv4, null))).isEmpty();
    }
}
