package io.github.dualstack.core.check;

import static io.github.dualstack.core.check.GeneratedFiles.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.plan.FileKind;
import org.junit.jupiter.api.Test;

/** Service ports and dual-stack fields. */
class ServicesTest {

    @Test
    void serviceRules() {
        String text = SERVICE.replace("port: 10000", "port: \"10000\"")
                .replace("    - IPv6\n", "    - IPv7\n")
                .replace("ipFamilyPolicy: PreferDualStack", "ipFamilyPolicy: DualStack")
                .replace("    - name: cloudstream\n", "    - name: cloudhub\n");
        String m = failure("svc.yaml", text, FileKind.KUBERNETES).getMessage();
        assertThat(m).contains("spec.ports[0].port: must be an integer, got \"10000\"")
                .contains("spec.ipFamilies[1]: \"IPv7\" is not IPv4 or IPv6")
                .contains("spec.ipFamilyPolicy: \"DualStack\" is not one of")
                .contains("spec.ports[3].name: duplicate port name \"cloudhub\"");
    }
}
