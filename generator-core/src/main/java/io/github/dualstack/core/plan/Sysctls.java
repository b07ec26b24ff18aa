package io.github.dualstack.core.plan;

import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.plan.view.SysctlSetting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The kernel settings a cloud node needs for the site's families: the sysctl file and preflight check them. */
final class Sysctls {

    private Sysctls() {
    }

    static List<SysctlSetting> forNode(List<IpFamily> families, String iface) {
        List<SysctlSetting> settings = new ArrayList<>();
        if (families.contains(IpFamily.IPv4)) {
            settings.add(setting("net.ipv4.ip_forward", "1", "route pod traffic (IPv4)"));
        }
        if (families.contains(IpFamily.IPv6)) {
            settings.add(setting("net.ipv6.conf.all.disable_ipv6", "0", "IPv6 on for every interface"));
            settings.add(new SysctlSetting("net.ipv6.conf.default.disable_ipv6", "0", Optional.empty()));
            settings.add(setting("net.ipv6.conf.all.forwarding", "1", "route pod traffic (IPv6)"));
            // Forwarding turns router advertisements off unless accept_ra is 2; the node would lose its default route.
            settings.add(setting(interfaceKey(iface, "accept_ra"), "2",
                    "keep accepting router advertisements on " + iface + " although forwarding is on"));
        }
        return List.copyOf(settings);
    }

    /** sysctl.d keys use '.' as separator; an interface name with a dot (VLAN eth0.100) needs the '/' form. */
    static String interfaceKey(String iface, String leaf) {
        return iface.contains(".") ? "net/ipv6/conf/" + iface + "/" + leaf : "net.ipv6.conf." + iface + "." + leaf;
    }

    private static SysctlSetting setting(String key, String value, String comment) {
        return new SysctlSetting(key, value, Optional.of(comment));
    }
}
