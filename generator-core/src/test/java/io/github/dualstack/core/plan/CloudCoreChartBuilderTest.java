package io.github.dualstack.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.plan.view.ChartView;
import io.github.dualstack.core.plan.view.CloudCoreServicePatchView;
import io.github.dualstack.core.plan.view.HelmValuesView;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The cloudcore chart's values overlay, its Service patch and the helm and keadm command lines, per site shape. */
class CloudCoreChartBuilderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALUES = "cluster/kubeedge/cloudcore.helm-values.yaml";
    private static final String PATCH = "cluster/kubeedge/cloudcore.service.patch.yaml";

    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of(SiteVariants.KEADM, """
                        {"cloudCore":{"hostNetWork":false,"modules":{"cloudHub":{
                          "advertiseAddress":["192.0.2.10","2001:db8::10"],
                          "dnsNames":["cloudcore.factory-east.example.com"],"nodeLimit":"1000","quic":{"enable":false}}},
                          "service":{"type":"NodePort","cloudhubNodePort":"30000","cloudhubQuicNodePort":"30001",
                            "cloudhubHttpsNodePort":"30002","cloudstreamNodePort":"30003","tunnelNodePort":"30004"}}}"""),
                // The chart renders no LoadBalancer: ClusterIP here, the type comes from the patch.
                Arguments.of(SiteVariants.HELM_LOAD_BALANCER, """
                        {"cloudCore":{"hostNetWork":false,"modules":{"cloudHub":{
                          "advertiseAddress":["192.0.2.10","2001:db8::10"],"dnsNames":[],"nodeLimit":"1000",
                          "quic":{"enable":false}}},"service":{"type":"ClusterIP"}}}"""),
                Arguments.of(SiteVariants.HELM_HOST_NETWORK, """
                        {"cloudCore":{"hostNetWork":true,"modules":{"cloudHub":{
                          "advertiseAddress":["2001:db8:20::10","198.51.100.10"],
                          "dnsNames":["cloudcore.telco-west.example.net"],"nodeLimit":"1000","quic":{"enable":true}}},
                          "service":{"type":"ClusterIP"}}}"""));
    }

    @ParameterizedTest
    @MethodSource("values")
    void valuesOverlay(SiteVariants site, String expected) throws Exception {
        HelmValuesView v = PlannedViews.at(new CloudCoreChartBuilder().files(site.facts()), VALUES, HelmValuesView.class);
        assertThat(v.values().root()).isEqualTo(JSON.readTree(expected));
    }

    static Stream<Arguments> patches() {
        return Stream.of(
                Arguments.of(SiteVariants.KEADM, new CloudCoreServicePatchView("kubeedge", "RequireDualStack",
                        List.of(IpFamily.IPv4, IpFamily.IPv6), Optional.empty())),
                Arguments.of(SiteVariants.HELM_LOAD_BALANCER, new CloudCoreServicePatchView("edge-system",
                        "RequireDualStack", List.of(IpFamily.IPv4, IpFamily.IPv6), Optional.of("LoadBalancer"))),
                Arguments.of(SiteVariants.HELM_HOST_NETWORK, new CloudCoreServicePatchView("kubeedge",
                        "PreferDualStack", List.of(IpFamily.IPv6, IpFamily.IPv4), Optional.empty())));
    }

    @ParameterizedTest
    @MethodSource("patches")
    void servicePatch(SiteVariants site, CloudCoreServicePatchView expected) {
        assertThat(PlannedViews.at(new CloudCoreChartBuilder().files(site.facts()), PATCH,
                CloudCoreServicePatchView.class)).isEqualTo(expected);
    }

    @Test
    void manifestsInstalledCloudCoreGetsNoChartFiles() {
        assertThat(new CloudCoreChartBuilder().files(SiteVariants.DUAL.facts())).isEmpty();
        assertThat(new OutputPlan(SiteVariants.DUAL.site()).siteFiles()).map(PlannedFile::path)
                .doesNotContain(VALUES, PATCH);
        assertThat(RunbookBuilder.view(SiteVariants.DUAL.facts()).chart()).isEmpty();
    }

    @Test
    void keadmCommandLines() {
        ChartView v = RunbookBuilder.view(SiteVariants.KEADM.facts()).chart().orElseThrow();
        assertThat(v).isEqualTo(new ChartView("keadm", false, "cloudcore", "kubeedge", VALUES, PATCH, List.of(
                "keadm init",
                "--advertise-address=192.0.2.10,2001:db8::10",
                "--set cloudCore.hostNetWork=false",
                "--set 'cloudCore.modules.cloudHub.dnsNames[0]=cloudcore.factory-east.example.com'",
                "--set cloudCore.modules.cloudHub.nodeLimit=1000",
                "--set cloudCore.modules.cloudHub.quic.enable=false",
                "--set cloudCore.service.type=NodePort",
                "--set cloudCore.service.cloudhubNodePort=30000",
                "--set cloudCore.service.cloudhubQuicNodePort=30001",
                "--set cloudCore.service.cloudhubHttpsNodePort=30002",
                "--set cloudCore.service.cloudstreamNodePort=30003",
                "--set cloudCore.service.tunnelNodePort=30004"),
                List.of("keadm upgrade cloud --reuse-values", "--values " + VALUES),
                "kubectl --namespace kubeedge patch service cloudcore --type strategic --patch-file " + PATCH, false));
    }

    @Test
    void helmCommandLines() {
        ChartView v = RunbookBuilder.view(SiteVariants.HELM_LOAD_BALANCER.facts()).chart().orElseThrow();
        assertThat(v).isEqualTo(new ChartView("helm", true, "edge-cloud", "edge-system", VALUES, PATCH, List.of(
                "helm install edge-cloud CHART --namespace edge-system --create-namespace", "-f " + VALUES),
                List.of("helm upgrade edge-cloud CHART --namespace edge-system --reuse-values", "-f " + VALUES),
                "kubectl --namespace edge-system patch service cloudcore --type strategic --patch-file " + PATCH, true));
    }

    /** Values from a captured object are untrusted: each stays one shell word and one strvals assignment. */
    @Test
    void hostileValuesStayOneShellWordAndOneAssignment() throws Exception {
        JsonNode values = JSON.readTree("""
                {"cloudCore":{"modules":{"cloudHub":{"advertiseAddress":["192.0.2.1","2001:db8::1"]}},
                  "nodeSelector":{"kubernetes.io/hostname":"n'1 $(reboot),x=y"},
                  "labels":{"a[0]":"{b}","c\\\\d":"back\\\\slash"}}}""");
        assertThat(ChartCommands.keadmInit(values)).containsExactly(
                "keadm init",
                "--advertise-address=192.0.2.1,2001:db8::1",
                "--set 'cloudCore.nodeSelector.kubernetes\\.io/hostname=n'\\''1 $(reboot)\\,x=y'",
                "--set 'cloudCore.labels.a\\[0\\]=\\{b}'",
                "--set 'cloudCore.labels.c\\\\d=back\\\\slash'");
    }
}
