package io.github.dualstack.core.validate;

import static io.github.dualstack.core.validate.Verdicts.dual;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A literal the binder could not parse is reported once, at its field, and is then absent: never missing as well,
 * never a second problem of a rule that reads it.
 */
class LiteralRulesTest {

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
    void advertiseAddressesKeepTheirIndexAfterAnUnparsableOne() {
        assertThat(dual().replace("[192.0.2.10, \"2001:db8::10\"]", "[192.0.2.010, \"2001:db8::10\", \"2001:DB8::10\"]")
                .errors()).contains(
                "spec.cloudCore.advertiseAddresses[0]: must not have leading 0s",
                "spec.cloudCore.advertiseAddresses[2]: duplicate advertise address 2001:db8::10 (also entry 1)");
    }

    @Test
    void aValueUnderAFamilyTheSiteDoesNotUseIsOnlyNotAllowed() {
        assertThat(dual().replace("[IPv4, IPv6]", "[IPv4]").replace("\"2001:db8::11\"", "\"2001:db8::11/64\"").errors())
                .contains("spec.nodes[1].addresses.ipv6: is not allowed: the site's ipFamilies are [IPv4] (no IPv6)")
                .noneMatch(p -> p.startsWith("spec.nodes[1].addresses.ipv6: must"));
    }

    @Test
    void everyProblemOfAHostPortIsReportedPortFirst() {
        assertThat(dual().insertAfter("version: v1.32.4", "    controlPlaneEndpoint: \"[10.0.0.1]:99999\"").errors())
                .containsExactly(
                        "spec.kubernetes.controlPlaneEndpoint: port 99999 is out of range 1..65535",
                        "spec.kubernetes.controlPlaneEndpoint: must be an IPv6 address, got IPv4 10.0.0.1");
    }
}
