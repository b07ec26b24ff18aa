package io.github.dualstack.core.validate;

import static io.github.dualstack.core.validate.Verdicts.dual;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Flags that dualstack derives are refused in extraArgs, each pointing at the field that sets it. */
class ExtraArgsRulesTest {

    private static final String MANAGED = """
            apiServer         | advertise-address         | spec.nodes[].addresses (the node's primary-family address)
            apiServer         | service-cluster-ip-range  | spec.kubernetes.serviceSubnets
            apiServer         | secure-port               | spec.kubernetes.apiServer.bindPort
            apiServer         | etcd-servers              | spec.kubernetes.apiServer.etcdServers
            controllerManager | cluster-cidr              | spec.kubernetes.podSubnets
            controllerManager | cluster-name              | spec.kubernetes.clusterName
            controllerManager | service-cluster-ip-range  | spec.kubernetes.serviceSubnets
            controllerManager | allocate-node-cidrs       | spec.kubernetes.allocateNodeCIDRs
            controllerManager | node-cidr-mask-size       | spec.kubernetes.nodeMaskSizes
            controllerManager | node-cidr-mask-size-ipv4  | spec.kubernetes.nodeMaskSizes.ipv4
            controllerManager | node-cidr-mask-size-ipv6  | spec.kubernetes.nodeMaskSizes.ipv6
            """;

    @ParameterizedTest(name = "{0} --{1}: set {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = MANAGED)
    void managedFlagsAreRefused(String component, String flag, String field) {
        Verdicts.Edit edit = dual().insertAfter("serviceSubnets:", "    " + component + ": {extraArgs: {" + flag + ": \"x\"}}");
        assertThat(edit.errors()).containsExactly("spec.kubernetes." + component + ".extraArgs." + flag + ": --" + flag
                + " is managed by dualstack; set " + field + " instead");
    }

    /** A flag added to the managed lists needs its row above. */
    @Test
    void theTableCoversEveryManagedFlag() {
        assertThat(MANAGED.lines().count())
                .isEqualTo(ExtraArgsRules.API_SERVER.size() + ExtraArgsRules.CONTROLLER_MANAGER.size());
    }

    @ParameterizedTest(name = "{0} --{1}")
    @CsvSource({"apiServer, audit-log-maxage", "apiServer, bind-address", "controllerManager, node-monitor-grace-period",
            "controllerManager, terminated-pod-gc-threshold"})
    void otherFlagsPassThrough(String component, String flag) {
        Verdicts.Edit edit = dual().insertAfter("serviceSubnets:", "    " + component + ": {extraArgs: {" + flag + ": \"x\"}}");
        assertThat(edit.errors()).isEmpty();
    }
}
