package io.github.dualstack.core.validate;

import static io.github.dualstack.core.validate.Verdicts.dual;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.Descriptors;
import org.junit.jupiter.api.Test;

/** What a new kubeadm cluster cannot have, and the endpoint it should name. */
class KubeadmBootstrapRulesTest {

    private static Verdicts.Edit kubeadm() {
        return dual().insertAfter("  kubernetes:", "    bootstrap: kubeadm");
    }

    @Test
    void aNewClusterIsValid() {
        assertThat(kubeadm().errors()).isEmpty();
        assertThat(Descriptors.withoutMetricsWarningLine(kubeadm().warnings())).isEmpty();
    }

    @Test
    void aBaselineDescribesARunningSite() {
        assertThat(kubeadm().insertAfter("  ipFamilies:", "  baseline: {directory: baseline}").errors())
                .contains("spec.kubernetes.bootstrap: kubeadm builds a new cluster, but spec.baseline describes a"
                        + " running one; remove spec.baseline or set bootstrap: existing");
    }

    @Test
    void externalEtcdIsRefused() {
        assertThat(kubeadm().insertAfter("serviceSubnets:", "    apiServer: {etcdServers: [\"https://192.0.2.50:2379\"]}")
                .errors()).containsExactly("spec.kubernetes.apiServer.etcdServers: a cluster built with bootstrap:"
                + " kubeadm runs kubeadm's local etcd on each control-plane node; remove etcdServers");
        // a running site may name its etcd
        assertThat(dual().insertAfter("serviceSubnets:", "    apiServer: {etcdServers: [\"https://192.0.2.50:2379\"]}")
                .errors()).isEmpty();
    }

    @Test
    void severalControlPlanesWithoutAnEndpointWarn() {
        Verdicts.Edit ha = kubeadm().replace("role: worker", "role: control-plane");
        assertThat(ha.errors()).isEmpty();
        assertThat(Descriptors.withoutMetricsWarningLine(ha.warnings())).containsExactly("spec.kubernetes.controlPlaneEndpoint: not set: with 2 control-plane"
                + " nodes, every node and join reaches the API through the first one's address; name a load balancer"
                + " or virtual IP in front of all of them");
        assertThat(Descriptors.withoutMetricsWarningLine(ha.insertAfter("serviceSubnets:", "    controlPlaneEndpoint: \"[2001:db8::100]:6443\"").warnings()))
                .isEmpty();
    }

    @Test
    void theDefaultIsARunningCluster() {
        assertThat(Descriptors.withoutMetricsWarningLine(dual().replace("role: worker", "role: control-plane").warnings()))
                .isEmpty();
    }
}
