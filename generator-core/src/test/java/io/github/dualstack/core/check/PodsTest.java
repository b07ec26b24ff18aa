package io.github.dualstack.core.check;

import static io.github.dualstack.core.check.GeneratedFiles.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.plan.FileKind;
import org.junit.jupiter.api.Test;

/** Static Pods: containers with names and images. */
class PodsTest {

    @Test
    void podContainersNeedNameAndImage() {
        String m = failure("p.yaml", POD.replace("      image: registry.k8s.io/kube-apiserver:v1.32.4\n", ""),
                FileKind.KUBERNETES).getMessage();
        assertThat(m).contains("spec.containers[0].image: is required");
    }
}
