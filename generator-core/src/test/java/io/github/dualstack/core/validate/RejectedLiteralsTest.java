package io.github.dualstack.core.validate;

import static io.github.dualstack.core.validate.Verdicts.dual;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.Descriptors;
import io.github.dualstack.core.Problem;
import io.github.dualstack.core.descriptor.DescriptorLoader;
import org.junit.jupiter.api.Test;

/**
 * A literal the binder could not parse is reported once, at its field, with the words of the strict parser; then it
 * is absent: never missing as well, never a second problem of a rule that reads it.
 */
class RejectedLiteralsTest {

    @Test
    void anEdgesUnparsableHubAddressIsNotAlsoMissing() {
        assertThat(dual().replace("\"2001:db8::101\"", "\"2001:db8::101/64\"").errors()).containsExactly(
                "spec.edge.nodes[0].addresses.ipv6: must be an IP address, not a CIDR");
    }

    @Test
    void anUnparsablePodSubnetIsSkippedByTheRulesThatReadIt() {
        // the Calico pool is not "outside the pod subnet": there is no IPv4 pod subnet to compare it with
        assertThat(dual().replace("ipv4: 10.244.0.0/16", "ipv4: 10.244.0.1/16").errors()).containsExactly(
                "spec.kubernetes.podSubnets.ipv4: must not have bits set beyond the prefix length; did you mean 10.244.0.0/16?");
    }

    @Test
    void aPoolsUnparsableCidrIsNeitherOutsideThePodSubnetNorMissing() {
        assertThat(dual().replace("cidr: 10.244.0.0/16, blockSize: 26", "cidr: 10.244.0.0/33, blockSize: 26").errors())
                .containsExactly("spec.calico.ipv4Pool.cidr: prefix length exceeds the address size");
    }

    @Test
    void advertiseAddressesKeepTheirIndexAroundUnparsableOnes() {
        assertThat(dual().replace("[192.0.2.10, \"2001:db8::10\"]",
                "[192.0.2.010, \"2001:db8::10\", \"fe80::1%eth0\", \"2001:DB8::10\", 192.0.2.10, \"::ffff:10.0.0.1\"]")
                .errors()).containsExactly(
                "spec.cloudCore.advertiseAddresses[0]: must not have leading 0s",
                "spec.cloudCore.advertiseAddresses[2]: must not include an IPv6 zone",
                "spec.cloudCore.advertiseAddresses[3]: duplicate advertise address 2001:db8::10 (also entry 1)",
                "spec.cloudCore.advertiseAddresses[5]: must not be an IPv4-mapped IPv6 address; ::ffff:10.0.0.1 stands"
                        + " for an IPv4 address");
    }

    @Test
    void aValueUnderAFamilyTheSiteDoesNotUseIsOnlyNotAllowed() {
        assertThat(dual().replace("[IPv4, IPv6]", "[IPv4]").replace("\"2001:db8::11\"", "\"2001:db8::11/64\"").errors())
                .contains("spec.nodes[1].addresses.ipv6: is not allowed: the site's ipFamilies are [IPv4] (no IPv6)")
                .noneMatch(p -> p.startsWith("spec.nodes[1].addresses.ipv6: must"));
    }

    @Test
    void aCloudNodesUnparsableAddressIsNotAlsoRequired() {
        assertThat(dual().replace("ipv4: 192.0.2.11", "ipv4: 192.0.2.011").errors()).containsExactly(
                "spec.nodes[1].addresses.ipv4: must not have leading 0s");
    }

    @Test
    void everyUnparsableLiteralIsReportedAtOnceEachAtItsLine() {
        DescriptorLoader.Result r = dual().replace("ipv6: \"fd00:10:96::/112\"", "ipv6: \"fd00:10:96::1/112\"")
                .replace("\"2001:db8::102\"", "\"2001:db8::102%eth0\"")
                .replace("ipv4: 192.0.2.103", "ipv4: \"::ffff:192.0.2.103\"").load();
        assertThat(Descriptors.errors(r)).extracting(Problem::toString).containsExactly(
                "site.yaml:13:49: spec.kubernetes.serviceSubnets.ipv6: must not have bits set beyond the prefix length;"
                        + " did you mean fd00:10:96::/112?",
                "site.yaml:47:46: spec.edge.nodes[1].addresses.ipv6: must not include an IPv6 zone",
                "site.yaml:53:27: spec.edge.nodes[2].addresses.ipv4: must not be an IPv4-mapped IPv6 address;"
                        + " ::ffff:192.0.2.103 stands for an IPv4 address");
        assertThat(r.site()).isNull();
    }
}
