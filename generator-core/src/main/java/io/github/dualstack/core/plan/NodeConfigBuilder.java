package io.github.dualstack.core.plan;

import io.github.dualstack.core.model.IpFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Per cloud node: the kubelet drop-in that sets --node-ip, and the sysctl file that enables both families. */
final class NodeConfigBuilder implements ArtifactBuilder {

    @Override
    public Stream<PlannedFile> files(SiteFacts facts) {
        List<PlannedFile> out = new ArrayList<>();
        for (SiteFacts.NodeFacts n : facts.cloudNodes) {
            String dir = "nodes/" + n.node().name() + "/etc/";
            out.add(new PlannedFile(dir + "systemd/system/kubelet.service.d/20-dualstack.conf", "kubelet-dropin.conf.ftl",
                    Maps.of("nodeName", n.node().name(), "nodeIp", n.nodeIp()), FileKind.SYSTEM_CONFIG));
            out.add(new PlannedFile(dir + "sysctl.d/60-dualstack.conf", "sysctl.conf.ftl", sysctl(facts, n.node().interfaceName()),
                    FileKind.SYSTEM_CONFIG));
        }
        return out.stream();
    }

    static Map<String, Object> sysctl(SiteFacts facts, String iface) {
        List<Map<String, Object>> settings = new ArrayList<>();
        if (facts.hasFamily(IpFamily.IPv4)) {
            settings.add(setting("net.ipv4.ip_forward", "1", "route pod traffic (IPv4)"));
        }
        if (facts.hasFamily(IpFamily.IPv6)) {
            settings.add(setting("net.ipv6.conf.all.disable_ipv6", "0", "IPv6 on for every interface"));
            settings.add(setting("net.ipv6.conf.default.disable_ipv6", "0", null));
            settings.add(setting("net.ipv6.conf.all.forwarding", "1", "route pod traffic (IPv6)"));
            // Forwarding turns router advertisements off unless accept_ra is 2; the node would lose its default route.
            settings.add(setting(interfaceKey(iface, "accept_ra"), "2",
                    "keep accepting router advertisements on " + iface + " although forwarding is on"));
        }
        return Maps.of("settings", settings);
    }

    /** sysctl.d keys use '.' as separator; an interface name with a dot (VLAN eth0.100) needs the '/' form. */
    static String interfaceKey(String iface, String leaf) {
        return iface.contains(".") ? "net/ipv6/conf/" + iface + "/" + leaf : "net.ipv6.conf." + iface + "." + leaf;
    }

    private static Map<String, Object> setting(String key, String value, String comment) {
        return Maps.of("key", key, "value", value, "comment", comment == null ? "" : comment);
    }
}
