package io.github.dualstack.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.model.CloudCore;
import io.github.dualstack.core.model.EdgeNode;
import io.github.dualstack.core.model.IpFamily;
import org.junit.jupiter.api.Test;

/** The variants are the shapes they claim to be. */
class SiteVariantsTest {

    @Test
    void eachVariantHasItsShape() {
        assertThat(SiteVariants.IPV4_ONLY.site().ipFamilies()).containsExactly(IpFamily.IPv4);
        assertThat(SiteVariants.LOAD_BALANCER.site().cloudCore().exposure()).isEqualTo(CloudCore.Exposure.LoadBalancer);
        assertThat(SiteVariants.INGRESS.site().cloudCore().exposure()).isEqualTo(CloudCore.Exposure.Ingress);
        assertThat(SiteVariants.NO_CALICO.site().calico()).isEmpty();
        assertThat(SiteVariants.CALICO_BASE.site().calico().orElseThrow().base()).contains("../calico-base");
        assertThat(SiteVariants.QUIC_AND_NEW_CERTIFICATES.site().edgeNodes())
                .allMatch(e -> e.hubProtocol() == EdgeNode.HubProtocol.quic);
        assertThat(SiteVariants.QUIC_AND_NEW_CERTIFICATES.site().cloudCore().regenerateCertificates()).isTrue();
        assertThat(SiteVariants.NO_EDGES.site().edgeNodes()).isEmpty();
        assertThat(SiteVariants.EXTRA_VOLUMES.site().kubernetes().apiServerExtraVolumes()).hasSize(2);
        assertThat(SiteVariants.EXTRA_VOLUMES.site().kubernetes().controllerManagerExtraVolumes()).hasSize(1);
    }
}
