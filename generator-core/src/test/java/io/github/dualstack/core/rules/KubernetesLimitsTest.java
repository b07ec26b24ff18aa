package io.github.dualstack.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.model.IpFamily;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The limits as the prefixes a user writes, and the prefixes as upstream's address counts. */
class KubernetesLimitsTest {

    @ParameterizedTest(name = "{0}: service /{1}../{2}, pod up to /{3}")
    @CsvSource(delimiter = '|', textBlock = """
            IPv4 | 12  | 28  | 28
            IPv6 | 108 | 124 | 124
            """)
    void prefixes(IpFamily f, int shortestService, int longestService, int longestPod) {
        assertThat(KubernetesLimits.shortestServicePrefix(f)).isEqualTo(shortestService);
        assertThat(KubernetesLimits.longestServicePrefix(f)).isEqualTo(longestService);
        assertThat(KubernetesLimits.longestPodPrefix(f)).isEqualTo(longestPod);
    }

    /** kubeadm's test is RangeSize >= minimum: a prefix is long enough exactly when 2^(bits - prefix) addresses do. */
    @ParameterizedTest
    @EnumSource(IpFamily.class)
    void longestPrefixesHoldTheMinimumAddressesAndOneBitMoreDoesNot(IpFamily f) {
        for (int min : new int[] {1, 2, 3, 10, 14, 16, 17}) {
            int p = KubernetesLimits.longestPrefixHolding(f, min);
            assertThat(Math.pow(2, f.bits() - p)).as("/%d holds %d", p, min).isGreaterThanOrEqualTo(min);
            assertThat(Math.pow(2, f.bits() - p - 1)).as("/%d holds fewer than %d", p + 1, min).isLessThan(min);
        }
    }

    @ParameterizedTest(name = "pod /{0}: node masks up to /{1}")
    @CsvSource({"16, 32", "48, 64", "56, 72", "112, 128"})
    void nodeMasksReachSixteenBitsPastThePodPrefix(int podPrefix, int longest) {
        assertThat(KubernetesLimits.longestNodeMask(podPrefix)).isEqualTo(longest);
    }

    @ParameterizedTest(name = "{0}: port {1}, NodePort {2}")
    @CsvSource({"0, false, false", "1, true, false", "10000, true, false", "29999, true, false", "30000, true, true",
            "32767, true, true", "32768, true, false", "65535, true, false", "65536, false, false", "-1, false, false"})
    void portRanges(long port, boolean isPort, boolean isNodePort) {
        assertThat(KubernetesLimits.isPort(port)).isEqualTo(isPort);
        assertThat(KubernetesLimits.isNodePort(port)).isEqualTo(isNodePort);
    }
}
