package io.github.dualstack.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.plan.view.KustomizationView;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KustomizationBuilderTest {

    static Stream<Arguments> sites() {
        return Stream.of(
                // no base: calico-config is a resource, calico-node is patched by the runbook's kubectl
                Arguments.of(SiteVariants.DUAL, new KustomizationView(List.of("kube-system/kube-proxy.configmap.yaml",
                        "kube-system/calico-config.configmap.yaml", "kube-system/calico.ippools.yaml",
                        "kubeedge/cloudcore.service.yaml", "kubeedge/cloudcore.configmap.yaml"), List.of())),
                Arguments.of(SiteVariants.CALICO_BASE, new KustomizationView(List.of("../calico-base",
                        "kube-system/kube-proxy.configmap.yaml", "kube-system/calico.ippools.yaml",
                        "kubeedge/cloudcore.service.yaml", "kubeedge/cloudcore.configmap.yaml"),
                        List.of("kube-system/calico-config.configmap.yaml", "kube-system/calico-node.patch.yaml"))),
                // the chart's values and Service patch are applied by Helm and kubectl patch, not by kustomize
                Arguments.of(SiteVariants.KEADM, new KustomizationView(List.of("kube-system/kube-proxy.configmap.yaml",
                        "kube-system/calico-config.configmap.yaml", "kube-system/calico.ippools.yaml",
                        "kubeedge/cloudcore.service.yaml", "kubeedge/cloudcore.configmap.yaml"), List.of())),
                Arguments.of(SiteVariants.NO_CALICO, new KustomizationView(List.of("kube-system/kube-proxy.configmap.yaml",
                        "kubeedge/cloudcore.service.yaml", "kubeedge/cloudcore.configmap.yaml"), List.of())));
    }

    @ParameterizedTest
    @MethodSource("sites")
    void kustomizationView(SiteVariants site, KustomizationView expected) {
        assertThat(PlannedViews.at(new OutputPlan(site.site()).siteFiles().stream(), KustomizationBuilder.PATH,
                KustomizationView.class)).isEqualTo(expected);
    }
}
