package io.github.dualstack.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CalicoOperatorTest {

    /** Each method the operator's getAutodetectionMethod would turn back into the same calico-node method. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "first-found; firstFound; true",
            "kubernetes-internal-ip; kubernetes; NodeInternalIP",
            "interface=^(eth0|ens.*)$; interface; ^(eth0|ens.*)$",
            "skip-interface=^docker.*; skipInterface; ^docker.*",
            "can-reach=2001:db8::1; canReach; 2001:db8::1",
            "can-reach=www.example.com; canReach; www.example.com"})
    void autodetectionInTheOperatorsFields(String method, String field, String value) {
        CalicoOperator.Autodetection a = CalicoOperator.autodetection(method);
        assertThat(a.field()).isEqualTo(field);
        assertThat(String.valueOf(a.value())).isEqualTo(value);
    }

    @Test
    void cidrsBecomeAList() {
        assertThat(CalicoOperator.autodetection("cidr=10.0.0.0/8, 192.168.0.0/16").value())
                .isEqualTo(List.of("10.0.0.0/8", "192.168.0.0/16"));
        assertThat(CalicoOperator.autodetection("first-found").value()).isEqualTo(Boolean.TRUE);
        assertThatThrownBy(() -> CalicoOperator.autodetection("nearest=1")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"v3.27.4, false", "v3.28.0, true", "v3.29.3, true", "v3.30.2, true", "v4.0.0, true", "v2.99.0, false",
            "3.28.1, true", "v3.28.0-0.dev, true"})
    void poolsAreReconciledAfterInstallFromCalico328(String version, boolean reconciled) {
        assertThat(CalicoOperator.reconcilesPools(version)).contains(reconciled);
    }

    @Test
    void anUnreadableVersionSaysNothing() {
        assertThat(CalicoOperator.reconcilesPools("")).isEqualTo(Optional.empty());
        assertThat(CalicoOperator.reconcilesPools("master")).isEqualTo(Optional.empty());
        assertThat(CalicoOperator.natOutgoing(true)).isEqualTo("Enabled");
        assertThat(CalicoOperator.natOutgoing(false)).isEqualTo("Disabled");
    }
}
