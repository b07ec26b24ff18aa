package io.github.dualstack.core;

/** A small dual-stack site for the fleet tests, up to its edge section, which each test writes itself. */
public final class FleetSite {

    /** Ends with {@code edge:} at two spaces; the edge section follows at four. */
    public static final String HEAD = """
            apiVersion: dualstack/v1alpha1
            kind: Site
            metadata: {name: shops}
            spec:
              ipFamilies: [IPv4, IPv6]
              kubernetes:
                version: v1.32.4
                podSubnets:     {ipv4: 10.244.0.0/16, ipv6: "fd00:10:244::/56"}
                serviceSubnets: {ipv4: 10.96.0.0/12,  ipv6: "fd00:10:96::/112"}
              cloudCore:
                advertiseAddresses: [198.51.100.10, "2001:db8:100::10"]
              nodes:
                - {name: master-1, role: control-plane, interface: eth0, addresses: {ipv4: 198.51.100.10, ipv6: "2001:db8:100::10"}}
              edge:
            """;

    private FleetSite() {
    }
}
