package io.github.dualstack.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.model.EdgeNode;
import io.github.dualstack.core.model.FamilyPair;
import io.github.dualstack.core.model.Host;
import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.model.IpLiteral;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Which address an edge dials, always as canonical text. */
class HubAddressesTest {

    static EdgeNode edge(IpFamily hubFamily, Host cloudCoreAddress) throws IpLiterals.InvalidLiteral {
        return new EdgeNode("edge-1", "eth0", new FamilyPair<>(IpLiterals.address("192.0.2.101"),
                IpLiterals.address("2001:db8::101")), "v1.22.0", hubFamily, EdgeNode.HubProtocol.websocket,
                EdgeNode.CgroupDriver.systemd, "unix:///run/containerd/containerd.sock", new TreeMap<>(),
                Optional.ofNullable(cloudCoreAddress));
    }

    static List<IpLiteral> advertise(String... texts) throws IpLiterals.InvalidLiteral {
        IpLiteral[] out = new IpLiteral[texts.length];
        for (int i = 0; i < texts.length; i++) {
            out[i] = new IpLiteral(texts[i], IpLiterals.address(texts[i]));
        }
        return Arrays.asList(out);
    }

    static Host address(String text) throws IpLiterals.InvalidLiteral {
        return new Host(text, IpLiterals.address(text));
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
        assertThat(hub.effective(edge(IpFamily.IPv6, address("2001:0DB8::0010")))).contains("2001:db8::10");
        assertThat(hub.effective(edge(IpFamily.IPv6, address("2001:db8:0:0:0:0:0:20")))).contains("2001:db8::20");
        assertThat(hub.effective(edge(IpFamily.IPv4, address("192.0.2.10")))).contains("192.0.2.10");
        assertThat(hub.effective(edge(IpFamily.IPv4, new Host("cloudcore.example.com", null))))
                .contains("cloudcore.example.com");
    }

    @Test
    void aFamilyWithoutAnAdvertiseAddressHasNothingToDial() throws Exception {
        HubAddresses hub = new HubAddresses(advertise("2001:db8::2"));
        assertThat(hub.firstOfFamily(IpFamily.IPv6)).contains("2001:db8::2");
        assertThat(hub.firstOfFamily(IpFamily.IPv4)).isEmpty();
        assertThat(hub.effective(edge(IpFamily.IPv4, null))).isEmpty();
    }
}
