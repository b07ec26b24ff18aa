package io.github.dualstack.core.plan.view;

import java.util.List;

/**
 * kubeadm.yaml.ftl: one node's kubeadm configuration file. Components: {@code node}, {@code command} (the kubeadm
 * command that reads the file), {@code writes} (what kubeadm writes from it on the node), {@code join} (whether the
 * file holds the join placeholders the runbook fills at run time), {@code documents} (the configuration objects, in
 * the order kubeadm reads them).
 */
public record KubeadmConfigView(String node, String command, String writes, boolean join, List<YamlTree> documents)
        implements View {

    public KubeadmConfigView {
        documents = List.copyOf(documents);
    }
}
