package io.github.dualstack.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.model.EdgeNode.CgroupDriver;
import io.github.dualstack.core.model.EdgeNode.HubProtocol;
import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.plan.view.EdgeCoreView;
import io.github.dualstack.core.plan.view.FamilyAddress;
import io.github.dualstack.core.plan.view.JoinValuesView;
import io.github.dualstack.core.plan.view.Labels;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EdgeBuilderTest {

    private static final List<FamilyAddress> EDGE_1 = List.of(new FamilyAddress(IpFamily.IPv4, "-4", "192.0.2.101"),
            new FamilyAddress(IpFamily.IPv6, "-6", "2001:db8::101"));

    static Stream<Arguments> edges() {
        String containerd = "unix:///run/containerd/containerd.sock";
        return Stream.of(
                // the default hub family IPv6, through the NodePort
                Arguments.of(SiteVariants.DUAL, "edge-0001",
                        new EdgeCoreView("edge-0001", "192.0.2.101,2001:db8::101", "v1.22.0", false,
                                "[2001:db8::10]:30000", "[2001:db8::10]:30001", "https://[2001:db8::10]:30002",
                                "[2001:db8::10]:30004", labels("line", "1", "site", "factory-east"),
                                CgroupDriver.systemd, containerd, "cluster.local", false, List.of(), Optional.empty(), Optional.empty()),
                        new JoinValuesView("edge-0001", "eth0", EDGE_1, List.of(), List.of(), "[2001:db8::10]:30000", 30002,
                                "https://[2001:db8::10]:30002/ca.crt", "-6", HubProtocol.websocket, "v1.22.0",
                                CgroupDriver.systemd, containerd, "line=1,site=factory-east", "")),
                // its own hub family and CloudCore address
                Arguments.of(SiteVariants.DUAL, "edge-0002",
                        new EdgeCoreView("edge-0002", "192.0.2.102,2001:db8::102", "v1.22.0", false,
                                "192.0.2.10:30000", "192.0.2.10:30001", "https://192.0.2.10:30002", "192.0.2.10:30004",
                                labels("line", "2", "site", "factory-east"), CgroupDriver.systemd, containerd,
                                "cluster.local", false, List.of(), Optional.empty(), Optional.empty()),
                        new JoinValuesView("edge-0002", "eth0", List.of(
                                new FamilyAddress(IpFamily.IPv4, "-4", "192.0.2.102"),
                                new FamilyAddress(IpFamily.IPv6, "-6", "2001:db8::102")), List.of(), List.of(),
                                "192.0.2.10:30000", 30002, "https://192.0.2.10:30002/ca.crt", "-4", HubProtocol.websocket,
                                "v1.22.0", CgroupDriver.systemd, containerd, "line=2,site=factory-east", "")),
                // QUIC to hostNetwork's own ports, IPv6 first, a CloudCore name instead of an address
                Arguments.of(SiteVariants.IPV6_PRIMARY_HOSTNETWORK, "cell-site-002",
                        new EdgeCoreView("cell-site-002", "2001:db8:21::2,198.51.100.102", "v1.23.1", true,
                                "cloudcore.telco-west.example.net:10000", "cloudcore.telco-west.example.net:10001",
                                "https://cloudcore.telco-west.example.net:10002", "cloudcore.telco-west.example.net:10004",
                                labels(), CgroupDriver.systemd, containerd, "cluster.local", false, List.of(), Optional.empty(), Optional.empty()),
                        new JoinValuesView("cell-site-002", "wwan0", List.of(
                                new FamilyAddress(IpFamily.IPv6, "-6", "2001:db8:21::2"),
                                new FamilyAddress(IpFamily.IPv4, "-4", "198.51.100.102")), List.of(), List.of(),
                                "cloudcore.telco-west.example.net:10001", 10002,
                                "https://cloudcore.telco-west.example.net:10002/ca.crt", "-6", HubProtocol.quic, "v1.23.1",
                                CgroupDriver.systemd, containerd, "", "")));
    }

    @ParameterizedTest
    @MethodSource("edges")
    void edgeViews(SiteVariants site, String edge, EdgeCoreView edgecore, JoinValuesView join) {
        List<PlannedFile> files = new EdgeBuilder().files(site.facts()).filter(f -> f.path().startsWith("edge/" + edge + "/"))
                .toList();
        assertThat(files).extracting(PlannedFile::path).containsExactly(
                "edge/" + edge + "/etc/kubeedge/config/edgecore.yaml", "edge/" + edge + "/join.env");
        assertThat(files.get(0).view()).isEqualTo(edgecore);
        assertThat(files.get(1).view()).isEqualTo(join);
    }

    private static Labels labels(String... keysAndValues) {
        TreeMap<String, String> m = new TreeMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new Labels(m);
    }
}
