package io.github.dualstack.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chart's value paths: the list derived from its templates, and the paths dualstack sets. */
class CloudCoreChartTest {

    @Test
    void everyPathDualstackSetsIsReadByEverySupportedChart() throws Exception {
        List<Field> paths = Arrays.stream(CloudCoreChart.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .filter(f -> ((String) get(f)).startsWith("cloudCore.")).toList();
        assertThat(paths).hasSizeGreaterThanOrEqualTo(12);
        for (Field f : paths) {
            assertThat(CloudCoreChart.valuePaths()).as(f.getName()).contains((String) get(f));
        }
    }

    @Test
    void theListHoldsWhatTheTemplatesReadAndNothingOnlyNewerChartsRead() {
        assertThat(CloudCoreChart.valuePaths())
                .contains("cloudCore.modules.cloudHub.advertiseAddress", "cloudCore.service.cloudhubQuicNodePort",
                        "iptablesManager.mode", "cloudCore.nodeSelector")
                // read from v1.21.0 on only, so not for a v1.20 chart
                .doesNotContain("iptablesManager.framework", "iptablesManager.image.nftRepository")
                // the Service template has no such values: the patch carries them
                .doesNotContain("cloudCore.service.ipFamilies", "cloudCore.service.ipFamilyPolicy")
                .allMatch(p -> !p.isBlank() && !p.contains(" ") && !p.startsWith("#"));
    }

    private static Object get(Field f) {
        try {
            return f.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
