package io.github.dualstack.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A valid IPv4-primary dual-stack site with any number of edge nodes, generated deterministically from a seed:
 * the same (edge nodes, seed) always gives the same bytes. For scale tests and benchmarks.
 *
 * <p>Layout: pods 10.128.0.0/9 and fd00:10:244::/56, services 10.96.0.0/12 and fd00:10:96::/112; cloud nodes
 * cp-1 (10.16.0.1, 2001:db8::1) and worker-1 (10.16.0.2, 2001:db8::2); edge {@code i} (1-based) is
 * {@code edge-%06d} at 10.x.y.z = 10.0.0.0 + i and 2001:db8:1::i, outside every subnet. Node CIDR allocation is
 * off: kubeadm allows a node mask at most 16 bits past the pod prefix, so at most 65,536 node ranges per family,
 * and a site this large uses Calico IPAM (pools = pod subnets). The seed picks per-edge variations: interface
 * names, labels, and a share of edges overriding hubFamily, hubProtocol (quic), cgroupDriver or cloudCoreAddress.
 */
public final class SyntheticSite {

    public static final int CLOUD_NODES = 2;
    /** 10.0.0.0/12 holds the edge IPv4 addresses; beyond it they would run into 10.16.0.0 (the cloud nodes). */
    public static final int MAX_EDGE_NODES = (1 << 20) - 1;

    private static final String[] INTERFACES = {"eth0", "ens3", "wwan0", "enp1s0"};

    private final int edgeNodes;
    private final long seed;

    public SyntheticSite(int edgeNodes, long seed) {
        if (edgeNodes < 0 || edgeNodes > MAX_EDGE_NODES) {
            throw new IllegalArgumentException("edge nodes must be 0.." + MAX_EDGE_NODES + ", got " + edgeNodes);
        }
        this.edgeNodes = edgeNodes;
        this.seed = seed;
    }

    public int edgeNodes() {
        return edgeNodes;
    }

    public static String edgeName(int i) {
        return String.format("edge-%06d", i);
    }

    public static String edgeIpv4(int i) {
        return "10." + (i >> 16) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff);
    }

    public static String edgeIpv6(int i) {
        return (i >> 16) == 0 ? "2001:db8:1::" + Integer.toHexString(i)
                : "2001:db8:1::" + Integer.toHexString(i >> 16) + ":" + Integer.toHexString(i & 0xffff);
    }

    public String yaml() {
        StringBuilder sb = new StringBuilder(256 + edgeNodes * 130);
        sb.append("# yaml-language-server: $schema=../../schemas/site.schema.json\n")
                .append("# Synthetic site: ").append(edgeNodes).append(" edge nodes, seed ").append(seed).append('\n')
                .append("apiVersion: dualstack/v1alpha1\n")
                .append("kind: Site\n")
                .append("metadata:\n")
                .append("  name: synthetic\n")
                .append("spec:\n")
                .append("  ipFamilies: [IPv4, IPv6]\n")
                .append("  kubernetes:\n")
                .append("    version: v1.32.4\n")
                .append("    podSubnets:     {ipv4: 10.128.0.0/9, ipv6: \"fd00:10:244::/56\"}\n")
                .append("    serviceSubnets: {ipv4: 10.96.0.0/12, ipv6: \"fd00:10:96::/112\"}\n")
                .append("    allocateNodeCIDRs: false\n")
                .append("  calico:\n")
                .append("    ipv4Pool: {cidr: 10.128.0.0/9, blockSize: 26, encapsulation: VXLAN}\n")
                .append("    ipv6Pool: {cidr: \"fd00:10:244::/56\", blockSize: 122, encapsulation: VXLAN}\n")
                .append("  cloudCore:\n")
                .append("    exposure: NodePort\n")
                .append("    advertiseAddresses: [10.16.0.1, \"2001:db8::1\"]\n")
                .append("    dnsNames: [cloudcore.synthetic.example.com]\n")
                .append("    nodeLimit: ").append(Math.max(1, edgeNodes)).append('\n')
                .append("    quic: true\n")
                .append("  nodes:\n")
                .append("    - name: cp-1\n")
                .append("      role: control-plane\n")
                .append("      interface: eth0\n")
                .append("      addresses: {ipv4: 10.16.0.1, ipv6: \"2001:db8::1\"}\n")
                .append("    - name: worker-1\n")
                .append("      role: worker\n")
                .append("      interface: eth0\n")
                .append("      addresses: {ipv4: 10.16.0.2, ipv6: \"2001:db8::2\"}\n")
                .append("  edge:\n")
                .append("    defaults:\n")
                .append("      kubeedgeVersion: v1.22.0\n")
                .append("      hubFamily: IPv6\n")
                .append("      labels: {site: synthetic}\n")
                .append("    nodes:")
                .append(edgeNodes == 0 ? " []\n" : "\n");
        Random random = new Random(seed);
        for (int i = 1; i <= edgeNodes; i++) {
            sb.append("      - name: ").append(edgeName(i)).append('\n')
                    .append("        interface: ").append(INTERFACES[random.nextInt(INTERFACES.length)]).append('\n')
                    .append("        addresses: {ipv4: ").append(edgeIpv4(i)).append(", ipv6: \"").append(edgeIpv6(i))
                    .append("\"}\n")
                    .append("        labels: {line: \"").append(1 + random.nextInt(50)).append("\"}\n");
            int variation = random.nextInt(100);
            if (variation < 10) {
                sb.append("        hubFamily: IPv4\n");
            } else if (variation < 15) {
                sb.append("        cloudCoreAddress: \"2001:db8::1\"\n");
            } else if (variation < 18) {
                sb.append("        cloudCoreAddress: cloudcore.synthetic.example.com\n");
            } else if (variation < 30) {
                sb.append("        hubProtocol: quic\n");
            } else if (variation < 35) {
                sb.append("        cgroupDriver: cgroupfs\n");
            }
        }
        return sb.toString();
    }

    public byte[] bytes() {
        return yaml().getBytes(StandardCharsets.UTF_8);
    }

    /** Writes the descriptor to {@code file} and returns it. */
    public Path writeTo(Path file) throws IOException {
        return Files.write(file, bytes());
    }
}
