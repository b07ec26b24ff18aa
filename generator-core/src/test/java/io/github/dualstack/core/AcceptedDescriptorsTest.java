package io.github.dualstack.core;

import static io.github.dualstack.core.Descriptors.Base.DUAL;
import static io.github.dualstack.core.Descriptors.Base.IPV6_ONLY;
import static io.github.dualstack.core.Descriptors.Base.IPV6_PRIMARY;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.descriptor.DescriptorLoader;
import io.github.dualstack.core.model.Site;
import io.github.dualstack.core.net.HubAddresses;
import io.github.dualstack.core.net.IpAddress;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Edits that stay valid: the boundaries of every range rule, spellings that are unusual but allowed, and rules
 * that apply only in some configurations. Each pins that the validator is not stricter than the rules.
 */
class AcceptedDescriptorsTest {

    static Arguments ok(String name, Descriptors.Edited d) {
        return Arguments.of(name, d);
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                ok("IPv4 service subnet /12", DUAL.edit().sub(13, "10.96.0.0/12", "10.112.0.0/12")),
                ok("IPv4 service subnet /28", DUAL.edit().sub(13, "10.96.0.0/12", "10.96.0.0/28")),
                ok("IPv6 service subnet /108", DUAL.edit().sub(13, "fd00:10:96::/112", "fd00:10:96::/108")),
                ok("IPv6 service subnet /124", DUAL.edit().sub(13, "fd00:10:96::/112", "fd00:10:96::/124")),
                ok("pod subnet of exactly 16 addresses (/28)",
                        DUAL.edit().sub(12, "10.244.0.0/16", "10.244.0.0/28").delete(16, 18).after(11, "    allocateNodeCIDRs: false")),
                ok("node mask exactly 16 bits past the pod prefix", DUAL.edit().after(13, "    nodeMaskSizes: {ipv4: 32, ipv6: 72}")),
                ok("node mask giving 8 ranges for 5 nodes", DUAL.edit().after(13, "    nodeMaskSizes: {ipv4: 19, ipv6: 64}")),
                ok("node masks are not checked when node CIDRs are not allocated",
                        DUAL.edit().after(13, "    nodeMaskSizes: {ipv4: 15, ipv6: 73}\n    allocateNodeCIDRs: false")),
                ok("Calico block sizes at their lower bounds", DUAL.edit().sub(17, "blockSize: 26", "blockSize: 20")
                        .sub(18, "blockSize: 122", "blockSize: 116")),
                ok("Calico block sizes at their upper bounds", DUAL.edit().sub(17, "blockSize: 26", "blockSize: 32")
                        .sub(18, "blockSize: 122", "blockSize: 128")),
                ok("Calico block size equal to the pool prefix", DUAL.edit().sub(17, "10.244.0.0/16", "10.244.0.0/26")),
                ok("Calico pool smaller than the pod subnet", DUAL.edit().sub(18, "fd00:10:244::/56", "fd00:10:244:1::/64")),
                ok("every Calico autodetection method",
                        DUAL.edit().after(18, "    autodetection: {ipv4: \"cidr=192.0.2.0/24, 10.0.0.0/8\", ipv6: \"can-reach=2001:db8::1\"}")),
                ok("Calico interface regex list", DUAL.edit().after(18, "    autodetection: {ipv4: \"interface=^eth0$,^ens[0-9]+$\","
                        + " ipv6: \"skip-interface=^docker.*\"}")),
                ok("Calico can-reach= a host name", DUAL.edit().after(18, "    autodetection: {ipv4: can-reach=www.example.com,"
                        + " ipv6: kubernetes-internal-ip}")),
                ok("NodePorts are free when exposure is HostNetwork",
                        IPV6_PRIMARY.edit().after(29, "    nodePorts: {websocket: 8080, quic: 8080}")),
                ok("NodePorts are free when exposure is LoadBalancer", IPV6_ONLY.edit().after(16, "    nodePorts: {websocket: 1}")),
                ok("quic hub protocol with CloudCore's QUIC on", DUAL.edit().after(22, "    quic: true").after(54, "        hubProtocol: quic")),
                ok("edge cloudCoreAddress naming a dnsName", IPV6_PRIMARY.edit()),
                ok("edge cloudCoreAddress spelled differently from its advertise address",
                        DUAL.edit().sub(48, "IPv4", "IPv6").sub(49, "192.0.2.10", "\"2001:0DB8:0:0:0:0:0:10\"")),
                ok("IPv6 written in uppercase, with leading zeros and uncompressed",
                        DUAL.edit().sub(12, "\"fd00:10:244::/56\"", "\"FD00:0010:0244:0000:0000:0000:0000:0000/56\"")
                                .sub(31, "2001:db8::11", "2001:0DB8:0000:0000:0000:0000:0000:0011")
                                .sub(21, "\"2001:db8::10\"", "\"2001:DB8::10\"")),
                ok("labels quoted as text that YAML 1.1 would turn into booleans and octals",
                        DUAL.edit().sub(44, "{line: \"1\"}", "{line: \"010\", enabled: \"yes\", check: \"on\"}")),
                ok("canonical YAML booleans and integers", DUAL.edit().after(22, "    quic: false\n    regenerateCertificates: false")),
                ok("empty edge node list", DUAL.edit().delete(40, 55)),
                ok("single-stack IPv6 primary family has no CloudStream warning", IPV6_ONLY.edit()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void isValid(String name, Descriptors.Edited d) {
        DescriptorLoader.Result r = d.load();
        assertThat(Descriptors.errors(r)).as(name).isEmpty();
        assertThat(r.ok()).isTrue();
    }

    private static Site site(Descriptors.Edited d) {
        DescriptorLoader.Result r = d.load();
        assertThat(Descriptors.errors(r)).isEmpty();
        return r.site();
    }

    @Test
    void nonCanonicalSpellingsAreBoundAsTheAddressTheyStandFor() throws Exception {
        Site s = site(DUAL.edit().sub(31, "2001:db8::11", "2001:0DB8:0000:0000:0000:0000:0000:0011")
                .sub(12, "\"fd00:10:244::/56\"", "\"FD00:10:244:0::/56\""));
        // the model holds the address, not the user's text; everything generated and summarised is canonical
        assertThat(s.nodes().get(1).addresses().ipv6()).isEqualTo(IpAddress.parse("2001:db8::11"))
                .hasToString("2001:db8::11");
        assertThat(SiteSummary.of(s)).contains("pod subnets:     10.244.0.0/16,fd00:10:244::/56");
    }

    @Test
    void theEdgeDialsTheCanonicalFormOfItsCloudCoreAddress() {
        Site s = site(DUAL.edit().sub(48, "IPv4", "IPv6").sub(49, "192.0.2.10", "\"2001:0DB8:0:0:0:0:0:10\""));
        HubAddresses hub = new HubAddresses(s.cloudCore().advertiseAddresses());
        assertThat(hub.effective(s.edgeNodes().get(1))).contains("2001:db8::10");
        assertThat(SiteSummary.of(s)).contains("3 x websocket over IPv6 to 2001:db8::10");
    }

    /**
     * YAML 1.1 reads {@code 1:2:3:4:5:6:7:8} unquoted as the sexagesimal integer 1:2:...; the strict reader (YAML 1.2
     * scalars) reads it as exactly the string written, and it then validates as the IPv6 address it is.
     */
    @Test
    void unquotedAllDigitIpv6IsReadAsExactlyThatString() {
        Descriptors.Edited d = DUAL.edit()
                .sub(27, "\"2001:db8::10\"", "1:2:3:4:5:6:7:8")
                .sub(21, "\"2001:db8::10\"", "1:2:3:4:5:6:7:8");
        assertThat(d.text()).contains("ipv6: 1:2:3:4:5:6:7:8}").contains(", 1:2:3:4:5:6:7:8]");
        DescriptorLoader.Result r = d.load();
        assertThat(Descriptors.withoutMetricsWarning(r.problems())).isEmpty();
        assertThat(r.resolved().at("/spec/nodes/0/addresses/ipv6").isTextual()).isTrue();
        assertThat(r.site().nodes().get(0).addresses().ipv6()).hasToString("1:2:3:4:5:6:7:8");
        assertThat(r.site().cloudCore().advertiseAddresses()).extracting(Object::toString)
                .containsExactly("192.0.2.10", "1:2:3:4:5:6:7:8");
        assertThat(new HubAddresses(r.site().cloudCore().advertiseAddresses())
                .firstOfFamily(io.github.dualstack.core.model.IpFamily.IPv6)).contains("1:2:3:4:5:6:7:8");
    }

    /** A sexagesimal-looking value where a number is expected is text, not 3723: the schema says so. */
    @Test
    void sexagesimalWhereANumberIsExpectedIsAStringNotANumber() {
        DescriptorLoader.Result r = DUAL.edit().sub(22, "1000", "1:02:03").load();
        assertThat(Descriptors.errors(r)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("spec.cloudCore.nodeLimit");
            assertThat(p.message()).contains("string found, integer expected");
        });
    }
}
