package io.github.dualstack.core.plan;

import io.github.dualstack.core.plan.view.KubeletDropInView;
import io.github.dualstack.core.plan.view.SysctlView;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Per cloud node: the kubelet drop-in that sets --node-ip, and the sysctl file that enables both families. A new
 * kubeadm cluster gets no drop-in: kubeadm writes --node-ip from kubeletExtraArgs into kubeadm-flags.env.
 */
final class NodeConfigBuilder implements ArtifactBuilder {

    @Override
    public Stream<PlannedFile> files(SiteFacts facts) {
        List<PlannedFile> out = new ArrayList<>();
        for (SiteFacts.NodeFacts n : facts.cloudNodes) {
            String dir = "nodes/" + n.node().name() + "/etc/";
            if (!facts.site.kubernetes().newKubeadmCluster()) {
                out.add(new PlannedFile(dir + "systemd/system/kubelet.service.d/20-dualstack.conf",
                        new KubeletDropInView(n.node().name(), n.nodeIp(), facts.captured
                                .flatMap(c -> c.live().kubeletExecStart(n.node().name()))
                                .orElse(KubeletDropInView.KUBEADM_EXEC_START))));
            }
            out.add(new PlannedFile(dir + "sysctl.d/99-dualstack.conf", new SysctlView(n.sysctl())));
        }
        return out.stream();
    }
}
