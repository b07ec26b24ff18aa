package io.github.dualstack.core.plan.view;

import java.util.List;

/**
 * kubeadm.yaml.ftl: one node's kubeadm configuration file. Components: {@code node}, {@code command} (the kubeadm
 * command that reads the file), {@code writes} (what kubeadm writes from it on the node), {@code placeholders} (the
 * join secrets' placeholders the file holds, which the runbook fills at run time; empty for the init file),
 * {@code documents} (the configuration objects, in the order kubeadm reads them).
 */
public record KubeadmConfigView(String node, String command, String writes, List<String> placeholders,
                                List<YamlTree> documents) implements View {

    public KubeadmConfigView {
        placeholders = List.copyOf(placeholders);
        documents = List.copyOf(documents);
    }
}
