package io.github.dualstack.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.model.IpFamily;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** validateAndSetDefaults' block size bounds and pool size rule. */
class CalicoIpPoolTest {

    @ParameterizedTest(name = "{0} block size {1}: {2}")
    @CsvSource({"IPv4, 19, false", "IPv4, 20, true", "IPv4, 26, true", "IPv4, 32, true", "IPv4, 33, false",
            "IPv6, 115, false", "IPv6, 116, true", "IPv6, 122, true", "IPv6, 128, true", "IPv6, 129, false",
            "IPv6, 26, false"})
    void blockSizes(IpFamily f, int size, boolean valid) {
        assertThat(CalicoIpPool.isBlockSize(f, size)).isEqualTo(valid);
    }

    @ParameterizedTest(name = "pool /{0}, block /{1}: holds a block {2}")
    @CsvSource({"16, 26, true", "26, 26, true", "27, 26, false", "56, 122, true", "123, 122, false"})
    void aPoolHoldsAtLeastOneBlock(int poolPrefix, int blockSize, boolean holds) {
        assertThat(CalicoIpPool.holdsABlock(poolPrefix, blockSize)).isEqualTo(holds);
    }
}
