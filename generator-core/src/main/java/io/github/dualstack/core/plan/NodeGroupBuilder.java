package io.github.dualstack.core.plan;

import io.github.dualstack.core.model.EdgeGroup;
import io.github.dualstack.core.plan.view.Labels;
import io.github.dualstack.core.plan.view.NodeGroupView;
import java.util.stream.Stream;

/**
 * One KubeEdge NodeGroup (apps.kubeedge.io/v1alpha1, cluster-scoped; spec.matchLabels as in kubeedge/kubeedge
 * staging/src/github.com/kubeedge/api/apis/apps/v1alpha1/nodegroup_types.go) per edge group that asks for one,
 * selecting the group's nodes by the group's own labels. The validator has made sure those labels pick exactly the
 * group's nodes: KubeEdge's NodeGroup controller gives a node to one group only (its apps.kubeedge.io/belonging-to
 * label).
 */
final class NodeGroupBuilder implements ArtifactBuilder {

    static final String DIR = "cluster/kubeedge/";
    static final String SUFFIX = ".nodegroup.yaml";

    @Override
    public Stream<PlannedFile> files(SiteFacts facts) {
        return facts.site.edgeGroups().stream().filter(EdgeGroup::nodeGroup)
                .map(g -> new PlannedFile(DIR + g.name() + SUFFIX, new NodeGroupView(g.name(), new Labels(g.labels()))));
    }
}
