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
    private EdgeKeys edgeKeys;

    public OutputPlan(Site site) {
        this(site, Optional.empty());
    }

    /** With a baseline, each file is the captured object with only its dual-stack fields changed. */
    public OutputPlan(Site site, Optional<Baseline> baseline) {
        this.facts = new SiteFacts(site, baseline);
        this.baseline = baseline;
    }

    /**
     * The runbook, cluster files, scripts, cloud node files, edge/join.sh and the Ansible files: few, whatever the
     * number of edges.
     */
    public List<PlannedFile> siteFiles() {
        return siteFiles(EdgeKeys.NONE).stream().flatMap(f -> f.files().stream()).toList();
    }

    /**
     * The same files, in the same order, for a run that may take them as the previous run left them: the ones that
     * list the edge nodes (verify.sh, the Ansible inventory) keyed by the nodes' input keys, their views unbuilt.
     */
    public List<KeyedFiles> keyedSiteFiles() {
        return siteFiles(edgeKeys());
    }

    private List<KeyedFiles> siteFiles(EdgeKeys keys) {
        List<PlannedFile> cluster = CLUSTER.stream().flatMap(b -> b.files(facts)).toList();
        PlannedFile kustomization = new KustomizationBuilder().file(facts,
                KustomizationBuilder.clusterPaths(cluster.stream()).toList());
        return Stream.of(
                built(new RunbookBuilder().files(facts)),
                built(Stream.of(kustomization)), built(cluster.stream()),
                ScriptsBuilder.keyed(facts, keys),
                built(new KubeadmBuilder().files(facts)),
                built(new ControlPlaneBuilder().files(facts)),
                built(new NodeConfigBuilder().files(facts)),
                built(new StreamRedirectBuilder().files(facts)),
                built(EdgeBuilder.joinScript(facts)),
                AnsibleBuilder.keyed(facts, keys)).flatMap(s -> s).toList();
    }

    private static Stream<KeyedFiles> built(Stream<PlannedFile> files) {
        return files.map(KeyedFiles::built);
    }

    /** The edge files, lazily. */
    public Stream<PlannedFile> edgeFiles() {
        return new EdgeBuilder().files(facts);
    }

    /**
     * The same files, one edge node at a time, unbuilt until asked for and keyed by the node's inputs: what a run
     * that may reuse them needs.
     */
    public Stream<KeyedFiles> edges() {
        return EdgeBuilder.edges(facts, edgeKeys());
    }

    /** Made once, on the calling pool's threads, for both the site files and the edges. */
    private synchronized EdgeKeys edgeKeys() {
        if (edgeKeys == null) {
            edgeKeys = EdgeBuilder.keys(facts);
        }
        return edgeKeys;
    }

    public Site site() {
        return facts.site;
    }

    public Optional<Baseline> baseline() {
        return baseline;
    }
}
