package io.github.dualstack.core.plan;

import io.github.dualstack.core.baseline.Baseline;
import io.github.dualstack.core.model.Site;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every file of the output tree for a validated site, in a fixed order: the runbook, cluster/ (with its
 * kustomization), scripts/, kubeadm/ (new clusters only), nodes/, edge/join.sh, then each edge node's files,
 * produced lazily, one node at a time.
 */
public final class OutputPlan {

    private static final List<ArtifactBuilder> CLUSTER = List.of(new KubeProxyBuilder(), new CalicoBuilder(),
            new CalicoInstallationBuilder(), new EdgeAffinityBuilder(), new CloudCoreBuilder(),
            new CloudCoreChartBuilder(), new NodeGroupBuilder(), new KubeadmConfigBuilder());

    private final SiteFacts facts;
    private final Optional<Baseline> baseline;

    public OutputPlan(Site site) {
        this(site, Optional.empty());
    }

    /** With a baseline, each file is the captured object with only its dual-stack fields changed. */
    public OutputPlan(Site site, Optional<Baseline> baseline) {
        this.facts = new SiteFacts(site, baseline);
        this.baseline = baseline;
    }

    /** The runbook, cluster files, scripts, cloud node files and edge/join.sh: few, whatever the number of edges. */
    public List<PlannedFile> siteFiles() {
        List<PlannedFile> cluster = CLUSTER.stream().flatMap(b -> b.files(facts)).toList();
        PlannedFile kustomization = new KustomizationBuilder().file(facts,
                KustomizationBuilder.clusterPaths(cluster.stream()).toList());
        return Stream.of(
                new RunbookBuilder().files(facts),
                Stream.of(kustomization), cluster.stream(),
                new ScriptsBuilder().files(facts),
                new KubeadmBuilder().files(facts),
                new ControlPlaneBuilder().files(facts),
                new NodeConfigBuilder().files(facts),
                new StreamRedirectBuilder().files(facts),
                EdgeBuilder.joinScript(facts),
                new AnsibleBuilder().files(facts)).flatMap(s -> s).toList();
    }

    /** The edge files, lazily. */
    public Stream<PlannedFile> edgeFiles() {
        return new EdgeBuilder().files(facts);
    }

    /** The same files, one edge node at a time, unbuilt until asked for: what a run that may reuse them needs. */
    public Stream<PlannedEdge> edges() {
        return EdgeBuilder.edges(facts);
    }

    public Site site() {
        return facts.site;
    }

    public Optional<Baseline> baseline() {
        return baseline;
    }
}
