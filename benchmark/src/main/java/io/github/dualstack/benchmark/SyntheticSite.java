package io.github.dualstack.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A valid dual-stack site descriptor with any number of edge nodes; the same (edges, seed) always gives the same
 * bytes.
 *
 * <p>Cloud side: master-1 (control-plane), worker-1 and worker-2 at 192.0.2.10-12 and 2001:db8::10-12, pods
 * 10.244.0.0/16 and fd00:10:244::/56 (Calico pools of the same CIDRs), services 10.96.0.0/12 and fd00:10:96::/112.
 * Node CIDR allocation is off: kube-controller-manager's node ranges (at most 2^16 per family) cannot cover
 * 100,000 nodes, and a site that large uses Calico IPAM. Edge {@code i} (1-based) is {@code edge-%06d} at
 * 100.64.0.0 + i (100.64.0.0/10) and 2001:db8:1::i (2001:db8:1::/48). The seed picks each edge's interface, its
 * labels, and whether it overrides the IPv6 hub default with IPv4, uses QUIC (about 1 in 40; cloudCore.quic is
 * then on), runs cgroupfs or KubeEdge v1.23.1.
 */
public final class SyntheticSite {

    /** 100.64.0.0/10 holds 2^22 addresses; the first and the last are left out. */
    public static final int MAX_EDGES = (1 << 22) - 2;
    /** The schema's cloudCore.nodeLimit maximum; a larger site validates with a warning. */
    static final int MAX_NODE_LIMIT = 200_000;

    private static final String[] INTERFACES = {"eth0", "eth1", "ens3", "enp1s0", "wwan0"};
    private static final String[] ZONES = {"hall-a", "hall-b", "hall-c", "yard", "roof", "cellar"};

    private final int edges;
    private final long seed;

    public SyntheticSite(int edges, long seed) {
        if (edges < 1 || edges > MAX_EDGES) {
            throw new IllegalArgumentException("edge nodes must be 1.." + MAX_EDGES + ", got " + edges);
        }
        this.edges = edges;
        this.seed = seed;
    }

    public static String edgeName(int i) {
        return String.format("edge-%06d", i);
    }

    public static String edgeIpv4(int i) {
        int a = (100 << 24) + (64 << 16) + i;
        return (a >>> 24) + "." + ((a >> 16) & 0xff) + "." + ((a >> 8) & 0xff) + "." + (a & 0xff);
    }

    /** Each group at most four hex digits: 2001:db8:1::1:86a0 for 100,000. */
    public static String edgeIpv6(int i) {
        int high = i >>> 16;
        String low = Integer.toHexString(i & 0xffff);
        return high == 0 ? "2001:db8:1::" + low : "2001:db8:1::" + Integer.toHexString(high) + ":" + low;
    }

    public String yaml() {
        Random random = new Random(seed);
        StringBuilder nodes = new StringBuilder(edges * 160);
        boolean anyQuic = false;
        for (int i = 1; i <= edges; i++) {
            nodes.append("      - name: ").append(edgeName(i)).append('\n')
                    .append("        interface: ").append(INTERFACES[random.nextInt(INTERFACES.length)]).append('\n')
                    .append("        addresses: {ipv4: ").append(edgeIpv4(i))
                    .append(", ipv6: \"").append(edgeIpv6(i)).append("\"}\n")
                    .append("        labels: {zone: ").append(ZONES[random.nextInt(ZONES.length)])
                    .append(", line: \"").append(1 + random.nextInt(64)).append("\"}\n");
            if (random.nextInt(100) < 30) {
                nodes.append("        hubFamily: IPv4\n");
            }
            // the first edge always uses QUIC, so that even a tiny site exercises it
            if (i == 1 || random.nextInt(40) == 0) {
                nodes.append("        hubProtocol: quic\n");
                anyQuic = true;
            }
            int variation = random.nextInt(100);
            if (variation < 8) {
                nodes.append("        cgroupDriver: cgroupfs\n");
            } else if (variation < 12) {
                nodes.append("        kubeedgeVersion: v1.23.1\n");
            }
        }
        StringBuilder sb = new StringBuilder(nodes.length() + 2048);
        sb.append("# Synthetic benchmark site: ").append(edges).append(" edge nodes, seed ").append(seed).append('\n')
                .append("apiVersion: dualstack/v1alpha1\n")
                .append("kind: Site\n")
                .append("metadata:\n")
                .append("  name: bench\n")
                .append("spec:\n")
                .append("  ipFamilies: [IPv4, IPv6]\n")
                .append("  kubernetes:\n")
                .append("    version: v1.32.4\n")
                .append("    podSubnets:     {ipv4: 10.244.0.0/16, ipv6: \"fd00:10:244::/56\"}\n")
                .append("    serviceSubnets: {ipv4: 10.96.0.0/12,  ipv6: \"fd00:10:96::/112\"}\n")
                .append("    allocateNodeCIDRs: false\n")
                .append("    kubeProxy:\n")
                .append("      mode: iptables\n")
                .append("  calico:\n")
                .append("    ipv4Pool: {cidr: 10.244.0.0/16, blockSize: 26, natOutgoing: true, encapsulation: IPIP}\n")
                .append("    ipv6Pool: {cidr: \"fd00:10:244::/56\", blockSize: 122, natOutgoing: true, encapsulation: None}\n")
                .append("  cloudCore:\n")
                .append("    exposure: NodePort\n")
                .append("    advertiseAddresses: [192.0.2.10, \"2001:db8::10\"]\n")
                .append("    nodeLimit: ").append(Math.min(edges, MAX_NODE_LIMIT)).append('\n')
                .append("    quic: ").append(anyQuic).append('\n')
                .append("  nodes:\n");
        String[][] cloud = {{"master-1", "control-plane", "10"}, {"worker-1", "worker", "11"}, {"worker-2", "worker", "12"}};
        for (String[] n : cloud) {
            sb.append("    - name: ").append(n[0]).append('\n')
                    .append("      role: ").append(n[1]).append('\n')
                    .append("      interface: eth0\n")
                    .append("      addresses: {ipv4: 192.0.2.").append(n[2]).append(", ipv6: \"2001:db8::").append(n[2])
                    .append("\"}\n");
        }
        sb.append("  edge:\n")
                .append("    defaults:\n")
                .append("      kubeedgeVersion: v1.22.0\n")
                .append("      hubFamily: IPv6\n")
                .append("      hubProtocol: websocket\n")
                .append("      cgroupDriver: systemd\n")
                .append("      labels: {site: bench, fleet: seed-").append(Long.toUnsignedString(seed)).append("}\n")
                .append("    nodes:\n")
                .append(nodes);
        return sb.toString();
    }

    /** Writes the descriptor to {@code file} (creating its directory) and returns it. */
    public Path writeTo(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, yaml().getBytes(StandardCharsets.UTF_8));
    }
}
