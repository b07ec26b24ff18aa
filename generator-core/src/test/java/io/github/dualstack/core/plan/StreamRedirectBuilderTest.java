package io.github.dualstack.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.Brownfield;
import io.github.dualstack.core.plan.view.StreamRedirectServiceView;
import io.github.dualstack.core.plan.view.StreamRedirectTimerView;
import io.github.dualstack.core.plan.view.StreamRedirectView;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StreamRedirectBuilderTest {

    private static final String SCRIPT = "/usr/local/sbin/dualstack-stream-redirect.sh";
    private static final String UNIT = "/etc/systemd/system/dualstack-stream-redirect";

    static Stream<Arguments> sites() {
        return Stream.of(
                Arguments.of(SiteVariants.DUAL, "master-1", List.of("IPv4", "IPv6")),
                Arguments.of(SiteVariants.IPV4_ONLY, "master-1", List.of("IPv4")),
                Arguments.of(SiteVariants.IPV6_PRIMARY_HOSTNETWORK, "cp-1", List.of("IPv6", "IPv4")),
                Arguments.of(SiteVariants.IPV6_ONLY, "cp-1", List.of("IPv6")));
    }

    @ParameterizedTest
    @MethodSource("sites")
    void eachControlPlaneNodeGetsTheScriptServiceAndTimerInTheEdgesFamilies(SiteVariants site, String node,
                                                                           List<String> families) {
        List<PlannedFile> files = new StreamRedirectBuilder().files(site.facts()).toList();
        assertThat(files).extracting(PlannedFile::path).containsExactly("nodes/" + node + SCRIPT,
                "nodes/" + node + UNIT + ".service", "nodes/" + node + UNIT + ".timer");
        assertThat(PlannedViews.at(files.stream(), "nodes/" + node + SCRIPT, StreamRedirectView.class)).isEqualTo(
                new StreamRedirectView("kubeedge", "kubeedge", "k8s-app=kubeedge,kubeedge=cloudcore", 10003, families));
        assertThat(PlannedViews.at(files.stream(), "nodes/" + node + UNIT + ".service", StreamRedirectServiceView.class))
                .isEqualTo(new StreamRedirectServiceView(SCRIPT, 60));
        assertThat(PlannedViews.at(files.stream(), "nodes/" + node + UNIT + ".timer", StreamRedirectTimerView.class))
                .isEqualTo(new StreamRedirectTimerView(60));
    }

    @Test
    void aSiteWithoutEdgeNodesGetsNoRedirect() {
        assertThat(new StreamRedirectBuilder().files(SiteVariants.NO_EDGES.facts())).isEmpty();
    }

    @Test
    void aRunningSiteGetsItOnEveryControlPlaneNodeButNotOnWorkers() {
        List<String> paths = Brownfield.files(Brownfield.samplePlan()).stream().map(PlannedFile::path)
                .filter(p -> p.contains("dualstack-stream-redirect")).toList();
        assertThat(paths).hasSize(9).allMatch(p -> p.startsWith("nodes/cp-"))
                .contains("nodes/cp-1" + SCRIPT, "nodes/cp-2" + UNIT + ".service", "nodes/cp-3" + UNIT + ".timer");
    }

    @Test
    void aRunningSiteKeepsCloudCoresOwnSelectorWhenItIsAPlainOne(@TempDir Path dir) {
        Brownfield own = new Brownfield(dir.resolve("own")).replace("cluster/cloudcore.service.yaml",
                "  selector:\n    k8s-app: kubeedge\n    kubeedge: cloudcore\n",
                "  selector:\n    k8s-app: kubeedge\n    kubeedge: cloudcore\n    app.kubernetes.io/instance: edge-east\n");
        assertThat(selector(own)).isEqualTo("app.kubernetes.io/instance=edge-east,k8s-app=kubeedge,kubeedge=cloudcore");
        // a value that is no label value (here with a space and a comma) is not put in front of kubectl
        Brownfield hostile = new Brownfield(dir.resolve("hostile")).replace("cluster/cloudcore.service.yaml",
                "  selector:\n    k8s-app: kubeedge\n    kubeedge: cloudcore\n",
                "  selector:\n    k8s-app: kubeedge\n    kubeedge: \"cloudcore,x notin (y)\"\n");
        assertThat(selector(hostile)).isEqualTo(StreamRedirectBuilder.DEFAULT_SELECTOR);
    }

    private static String selector(Brownfield site) {
        return PlannedViews.at(Brownfield.files(Brownfield.plan(site.site)).stream(), "nodes/cp-1" + SCRIPT,
                StreamRedirectView.class).selector();
    }
}
